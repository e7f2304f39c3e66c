using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportsAndSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CsatEnabled",
                table: "SharedInboxes",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CsatTemplateName",
                table: "SharedInboxes",
                type: "nvarchar(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EpisodeFirstInboundAt",
                table: "Conversations",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EpisodeFirstReplyAt",
                table: "Conversations",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EpisodeFirstResponderId",
                table: "Conversations",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EpisodeFirstResponseSeconds",
                table: "Conversations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EpisodeHandedOverAt",
                table: "Conversations",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EpisodeHandoverWaitSeconds",
                table: "Conversations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EpisodeHumanReplies",
                table: "Conversations",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EpisodePickedUpAt",
                table: "Conversations",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EpisodeWithBot",
                table: "Conversations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "ConversationEpisodes",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstInboundAt",
                table: "ConversationEpisodes",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstReplyAt",
                table: "ConversationEpisodes",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstResponderId",
                table: "ConversationEpisodes",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseSeconds",
                table: "ConversationEpisodes",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HandedOverAt",
                table: "ConversationEpisodes",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HandoverWaitSeconds",
                table: "ConversationEpisodes",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HumanReplies",
                table: "ConversationEpisodes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PickedUpAt",
                table: "ConversationEpisodes",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionSeconds",
                table: "ConversationEpisodes",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "SharedInboxId",
                table: "ConversationEpisodes",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                table: "ConversationEpisodes",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WithBot",
                table: "ConversationEpisodes",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Episodes resolved before this migration: their inbox is their conversation's.
            migrationBuilder.Sql("UPDATE ConversationEpisodes SET SharedInboxId = (SELECT c.SharedInboxId FROM Conversations c WHERE c.Id = ConversationEpisodes.ConversationId)");

            migrationBuilder.CreateTable(
                name: "CsatSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SharedInboxId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    AgentId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ViaTemplate = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Rating = table.Column<int>(type: "int", nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AnswerMessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CsatSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CsatSurveys_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_EpisodeFirstReplyAt",
                table: "Conversations",
                column: "EpisodeFirstReplyAt",
                filter: "EpisodeFirstReplyAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_EpisodePickedUpAt",
                table: "Conversations",
                column: "EpisodePickedUpAt",
                filter: "EpisodePickedUpAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_Channel_ResolvedAt",
                table: "ConversationEpisodes",
                columns: new[] { "Channel", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_FirstReplyAt",
                table: "ConversationEpisodes",
                column: "FirstReplyAt",
                filter: "FirstReplyAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_FirstResponderId_FirstReplyAt",
                table: "ConversationEpisodes",
                columns: new[] { "FirstResponderId", "FirstReplyAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_PickedUpAt",
                table: "ConversationEpisodes",
                column: "PickedUpAt",
                filter: "PickedUpAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_ResolvedBy_ResolvedAt",
                table: "ConversationEpisodes",
                columns: new[] { "ResolvedBy", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_SharedInboxId_ResolvedAt",
                table: "ConversationEpisodes",
                columns: new[] { "SharedInboxId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_TeamId_ResolvedAt",
                table: "ConversationEpisodes",
                columns: new[] { "TeamId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_AgentId_CreatedAt",
                table: "CsatSurveys",
                columns: new[] { "AgentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_AnsweredAt",
                table: "CsatSurveys",
                column: "AnsweredAt",
                filter: "AnsweredAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_ConversationId_CreatedAt",
                table: "CsatSurveys",
                columns: new[] { "ConversationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_CreatedAt",
                table: "CsatSurveys",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_EpisodeId",
                table: "CsatSurveys",
                column: "EpisodeId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CsatSurveys");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_EpisodeFirstReplyAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_EpisodePickedUpAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_Channel_ResolvedAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_FirstReplyAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_FirstResponderId_FirstReplyAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_PickedUpAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_ResolvedBy_ResolvedAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_SharedInboxId_ResolvedAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropIndex(
                name: "IX_ConversationEpisodes_TeamId_ResolvedAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "CsatEnabled",
                table: "SharedInboxes");

            migrationBuilder.DropColumn(
                name: "CsatTemplateName",
                table: "SharedInboxes");

            migrationBuilder.DropColumn(
                name: "EpisodeFirstInboundAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodeFirstReplyAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodeFirstResponderId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodeFirstResponseSeconds",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodeHandedOverAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodeHandoverWaitSeconds",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodeHumanReplies",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodePickedUpAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EpisodeWithBot",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "FirstInboundAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "FirstReplyAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "FirstResponderId",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "FirstResponseSeconds",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "HandoverWaitSeconds",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "HumanReplies",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "PickedUpAt",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "ResolutionSeconds",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "SharedInboxId",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "ConversationEpisodes");

            migrationBuilder.DropColumn(
                name: "WithBot",
                table: "ConversationEpisodes");
        }
    }
}
