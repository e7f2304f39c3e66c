using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelFidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Extras",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationAddress",
                table: "Messages",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LocationLatitude",
                table: "Messages",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LocationLongitude",
                table: "Messages",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationName",
                table: "Messages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MediaAttempts",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MediaCaption",
                table: "Messages",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaError",
                table: "Messages",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaFileName",
                table: "Messages",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MediaIsVoice",
                table: "Messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "MediaNextAttemptAt",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaSha256",
                table: "Messages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MediaSize",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaState",
                table: "Messages",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientReaction",
                table: "Messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsFollowing",
                table: "ChannelIdentities",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "ProfileCheckedAt",
                table: "ChannelIdentities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "ChannelIdentities",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReplyTokenAt",
                table: "ChannelIdentities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ChannelIdentityId_CreatedAt",
                table: "Messages",
                columns: new[] { "ChannelIdentityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_MediaNextAttemptAt",
                table: "Messages",
                column: "MediaNextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelIdentities_Channel_ProfileCheckedAt",
                table: "ChannelIdentities",
                columns: new[] { "Channel", "ProfileCheckedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ChannelIdentityId_CreatedAt",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_MediaNextAttemptAt",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_ChannelIdentities_Channel_ProfileCheckedAt",
                table: "ChannelIdentities");

            migrationBuilder.DropColumn(
                name: "Extras",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "LocationAddress",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "LocationLatitude",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "LocationLongitude",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "LocationName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaAttempts",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaCaption",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaError",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaFileName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaIsVoice",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaNextAttemptAt",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaSha256",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaSize",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MediaState",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PatientReaction",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "IsFollowing",
                table: "ChannelIdentities");

            migrationBuilder.DropColumn(
                name: "ProfileCheckedAt",
                table: "ChannelIdentities");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "ChannelIdentities");

            migrationBuilder.DropColumn(
                name: "ReplyTokenAt",
                table: "ChannelIdentities");
        }
    }
}
