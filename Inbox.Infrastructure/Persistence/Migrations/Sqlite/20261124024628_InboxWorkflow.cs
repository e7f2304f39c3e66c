using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_AssigneeId_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.AddColumn<bool>(
                name: "AutoAssign",
                table: "SharedInboxes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MaxOpenPerAgent",
                table: "SharedInboxes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequireAssignmentToReply",
                table: "SharedInboxes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "AssignedTeamId",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastInboundAccountId",
                table: "Conversations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OpenedAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing conversations: their current episode began when they were created.
            migrationBuilder.Sql("UPDATE Conversations SET OpenedAt = CreatedAt;");

            migrationBuilder.AddColumn<long>(
                name: "SnoozedUntil",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConversationEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationEpisodes_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Labels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReadMarkers",
                columns: table => new
                {
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadMarkers", x => new { x.ConversationId, x.StaffId });
                    table.ForeignKey(
                        name: "FK_ReadMarkers_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversationLabels",
                columns: table => new
                {
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LabelId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationLabels", x => new { x.ConversationId, x.LabelId });
                    table.ForeignKey(
                        name: "FK_ConversationLabels_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationLabels_Labels_LabelId",
                        column: x => x.LabelId,
                        principalTable: "Labels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssignedTeamId_Status_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "AssignedTeamId", "Status", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssigneeId_Status_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "AssigneeId", "Status", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SharedInboxId_Status_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "SharedInboxId", "Status", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Status_LastInboundAccountId_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "Status", "LastInboundAccountId", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Status_Priority_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "Status", "Priority", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_ConversationId_ResolvedAt",
                table: "ConversationEpisodes",
                columns: new[] { "ConversationId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationEpisodes_ResolvedAt",
                table: "ConversationEpisodes",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationLabels_LabelId",
                table: "ConversationLabels",
                column: "LabelId");

            migrationBuilder.CreateIndex(
                name: "IX_Labels_Name",
                table: "Labels",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationEpisodes");

            migrationBuilder.DropTable(
                name: "ConversationLabels");

            migrationBuilder.DropTable(
                name: "ReadMarkers");

            migrationBuilder.DropTable(
                name: "Labels");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AssignedTeamId_Status_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_AssigneeId_Status_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_SharedInboxId_Status_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_Status_LastInboundAccountId_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_Status_Priority_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AutoAssign",
                table: "SharedInboxes");

            migrationBuilder.DropColumn(
                name: "MaxOpenPerAgent",
                table: "SharedInboxes");

            migrationBuilder.DropColumn(
                name: "RequireAssignmentToReply",
                table: "SharedInboxes");

            migrationBuilder.DropColumn(
                name: "AssignedTeamId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "LastInboundAccountId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "OpenedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SnoozedUntil",
                table: "Conversations");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssigneeId_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "AssigneeId", "LastMessageAt", "Id" });
        }
    }
}
