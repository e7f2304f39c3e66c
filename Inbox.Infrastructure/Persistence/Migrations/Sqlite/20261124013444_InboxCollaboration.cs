using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Inbox.Infrastructure.Persistence;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Shortcut = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mentions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
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

            // Full-text search over message text: FTS5 table, triggers that keep it in step, and the backfill.
            migrationBuilder.Sql(MessageSearchIndex.SqliteCreate);
            migrationBuilder.Sql(MessageSearchIndex.SqliteRebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MessageSearchIndex.SqliteDrop);

            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "Mentions");
        }
    }
}
