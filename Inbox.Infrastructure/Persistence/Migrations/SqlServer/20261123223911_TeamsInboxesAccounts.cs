using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TeamsInboxesAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SharedInboxId",
                table: "Conversations",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "SharedInboxes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedInboxes", x => x.Id);
                });

            // Conversations from before inboxes existed go to a first "Front desk" inbox (DefaultWorkspace adopts it).
            migrationBuilder.Sql("IF EXISTS (SELECT 1 FROM [Conversations]) INSERT INTO [SharedInboxes] ([Id], [Name], [CreatedAt]) VALUES ('0190F0A0-0000-7000-8000-00000000F00D', N'Front desk', SYSDATETIMEOFFSET());");
            migrationBuilder.Sql("UPDATE [Conversations] SET [SharedInboxId] = '0190F0A0-0000-7000-8000-00000000F00D';");

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    AccountId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    SharedInboxId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    ProtectedSecrets = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DisconnectedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelAccounts_SharedInboxes_SharedInboxId",
                        column: x => x.SharedInboxId,
                        principalTable: "SharedInboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamInboxes",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SharedInboxId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamInboxes", x => new { x.TeamId, x.SharedInboxId });
                    table.ForeignKey(
                        name: "FK_TeamInboxes_SharedInboxes_SharedInboxId",
                        column: x => x.SharedInboxId,
                        principalTable: "SharedInboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamInboxes_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamMembers",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StaffId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMembers", x => new { x.TeamId, x.StaffId });
                    table.ForeignKey(
                        name: "FK_TeamMembers_AspNetUsers_StaffId",
                        column: x => x.StaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TeamMembers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SharedInboxId_LastMessageAt_Id",
                table: "Conversations",
                columns: new[] { "SharedInboxId", "LastMessageAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_Channel_AccountId",
                table: "ChannelAccounts",
                columns: new[] { "Channel", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_SharedInboxId",
                table: "ChannelAccounts",
                column: "SharedInboxId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedInboxes_Name",
                table: "SharedInboxes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamInboxes_SharedInboxId",
                table: "TeamInboxes",
                column: "SharedInboxId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMembers_StaffId",
                table: "TeamMembers",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Conversations_SharedInboxes_SharedInboxId",
                table: "Conversations",
                column: "SharedInboxId",
                principalTable: "SharedInboxes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conversations_SharedInboxes_SharedInboxId",
                table: "Conversations");

            migrationBuilder.DropTable(
                name: "ChannelAccounts");

            migrationBuilder.DropTable(
                name: "TeamInboxes");

            migrationBuilder.DropTable(
                name: "TeamMembers");

            migrationBuilder.DropTable(
                name: "SharedInboxes");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_SharedInboxId_LastMessageAt_Id",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SharedInboxId",
                table: "Conversations");
        }
    }
}
