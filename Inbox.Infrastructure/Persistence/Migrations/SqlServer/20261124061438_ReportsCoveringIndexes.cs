using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportsCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CsatSurveys_CreatedAt",
                table: "CsatSurveys");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_FirstReplyAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_PickedUpAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_ResolvedAt",
                table: "ConversationEpisodes");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_CreatedAt_Outcome_Rating_AgentId_Channel_TeamId_SharedInboxId_ConversationId",
                table: "CsatSurveys",
                columns: new[] { "CreatedAt", "Outcome", "Rating", "AgentId", "Channel", "TeamId", "SharedInboxId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_FirstReplyAt_FirstResponseSeconds_FirstResponderId_Channel_TeamId_SharedInboxId_ConversationId",
                table: "ConversationEpisodes",
                columns: new[] { "FirstReplyAt", "FirstResponseSeconds", "FirstResponderId", "Channel", "TeamId", "SharedInboxId", "ConversationId" },
                filter: "FirstReplyAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_PickedUpAt_HandoverWaitSeconds_ResolvedBy_Channel_TeamId_SharedInboxId_ConversationId",
                table: "ConversationEpisodes",
                columns: new[] { "PickedUpAt", "HandoverWaitSeconds", "ResolvedBy", "Channel", "TeamId", "SharedInboxId", "ConversationId" },
                filter: "PickedUpAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_ResolvedAt_ResolutionSeconds_ResolvedBy_Channel_TeamId_SharedInboxId_WithBot_HumanReplies_HandedOverAt_~",
                table: "ConversationEpisodes",
                columns: new[] { "ResolvedAt", "ResolutionSeconds", "ResolvedBy", "Channel", "TeamId", "SharedInboxId", "WithBot", "HumanReplies", "HandedOverAt", "ConversationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CsatSurveys_CreatedAt_Outcome_Rating_AgentId_Channel_TeamId_SharedInboxId_ConversationId",
                table: "CsatSurveys");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_FirstReplyAt_FirstResponseSeconds_FirstResponderId_Channel_TeamId_SharedInboxId_ConversationId",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_PickedUpAt_HandoverWaitSeconds_ResolvedBy_Channel_TeamId_SharedInboxId_ConversationId",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_ResolvedAt_ResolutionSeconds_ResolvedBy_Channel_TeamId_SharedInboxId_WithBot_HumanReplies_HandedOverAt_~",
                table: "ConversationEpisodes");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_CreatedAt",
                table: "CsatSurveys",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_FirstReplyAt",
                table: "ConversationEpisodes",
                column: "FirstReplyAt",
                filter: "FirstReplyAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_PickedUpAt",
                table: "ConversationEpisodes",
                column: "PickedUpAt",
                filter: "PickedUpAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_ResolvedAt",
                table: "ConversationEpisodes",
                column: "ResolvedAt");
        }
    }
}
