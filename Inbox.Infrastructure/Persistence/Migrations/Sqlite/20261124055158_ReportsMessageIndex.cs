using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsMessageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_CreatedAt_Direction",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_CreatedAt_Direction_Type_Channel_ConversationId_AuthorId",
                table: "Messages",
                columns: new[] { "CreatedAt", "Direction", "Type", "Channel", "ConversationId", "AuthorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_CreatedAt_Direction_Type_Channel_ConversationId_AuthorId",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_CreatedAt_Direction",
                table: "Messages",
                columns: new[] { "CreatedAt", "Direction" });
        }
    }
}
