using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContactMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_NameKey",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_NameSoundKey",
                table: "Contacts");

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoConversationId",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DetailsVerifiedAt",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "AuditLog",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            // Existing contacts: their details count as verified when they were created.
            migrationBuilder.Sql("UPDATE Contacts SET DetailsVerifiedAt = CreatedAt;");

            migrationBuilder.CreateTable(
                name: "ContactMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SurvivorBefore = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MergedBefore = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SurvivorVerifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedVerifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decisions = table.Column<string>(type: "TEXT", nullable: false),
                    UndoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactMerges_Contacts_MergedId",
                        column: x => x.MergedId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactMerges_Contacts_SurvivorId",
                        column: x => x.SurvivorId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateDismissals",
                columns: table => new
                {
                    FirstId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DismissedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateDismissals", x => new { x.FirstId, x.SecondId });
                });

            migrationBuilder.CreateTable(
                name: "ContactMergeMoves",
                columns: table => new
                {
                    MergeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactMergeMoves", x => new { x.MergeId, x.Kind, x.RowId });
                    table.ForeignKey(
                        name: "FK_ContactMergeMoves_ContactMerges_MergeId",
                        column: x => x.MergeId,
                        principalTable: "ContactMerges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_MergedIntoConversationId",
                table: "Conversations",
                column: "MergedIntoConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NameKey_DateOfBirth",
                table: "Contacts",
                columns: new[] { "NameKey", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NameSoundKey_DateOfBirth",
                table: "Contacts",
                columns: new[] { "NameSoundKey", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactMerges_MergedId_MergedAt",
                table: "ContactMerges",
                columns: new[] { "MergedId", "MergedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactMerges_SurvivorId_MergedAt",
                table: "ContactMerges",
                columns: new[] { "SurvivorId", "MergedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateDismissals_SecondId",
                table: "DuplicateDismissals",
                column: "SecondId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactMergeMoves");

            migrationBuilder.DropTable(
                name: "DuplicateDismissals");

            migrationBuilder.DropTable(
                name: "ContactMerges");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_MergedIntoConversationId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_NameKey_DateOfBirth",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_NameSoundKey_DateOfBirth",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MergedIntoConversationId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "DetailsVerifiedAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "AuditLog");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NameKey",
                table: "Contacts",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NameSoundKey",
                table: "Contacts",
                column: "NameSoundKey");
        }
    }
}
