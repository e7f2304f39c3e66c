using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListIndexesWithoutStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_MergedIntoConversationId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssignedTeamId_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "AssignedTeamId", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssigneeId_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "AssigneeId", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_MergedIntoConversationId",
                table: "Conversations",
                column: "MergedIntoConversationId",
                filter: "MergedIntoConversationId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_AssignedTeamId_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AssigneeId_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_MergedIntoConversationId",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_MergedIntoConversationId",
                table: "Conversations",
                column: "MergedIntoConversationId");
        }
    }
}
