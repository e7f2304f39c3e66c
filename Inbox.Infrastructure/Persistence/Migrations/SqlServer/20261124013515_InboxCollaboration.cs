using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Inbox.Infrastructure.Persistence;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InboxCollaboration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CannedReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Shortcut = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mentions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NoteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StaffId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mentions_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_Shortcut",
                table: "CannedReplies",
                column: "Shortcut",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_ConversationId_StaffId",
                table: "Mentions",
                columns: new[] { "ConversationId", "StaffId" });

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_StaffId_ReadAt_CreatedAt",
                table: "Mentions",
                columns: new[] { "StaffId", "ReadAt", "CreatedAt" });

            // Full-text search over message text (where Full-Text Search is installed); CREATE FULLTEXT cannot run in a transaction.
            migrationBuilder.Sql(MessageSearchIndex.SqlServerCreate, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MessageSearchIndex.SqlServerDrop, suppressTransaction: true);

            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "Mentions");
        }
    }
}
