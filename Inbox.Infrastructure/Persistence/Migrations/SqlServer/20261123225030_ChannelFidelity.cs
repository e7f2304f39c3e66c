using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbox.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChannelFidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "MediaId",
                table: "Messages",
                type: "nvarchar(2048)",
                maxLength: 2048,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(160)",
                oldMaxLength: 160,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Extras",
                table: "Messages",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationAddress",
                table: "Messages",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LocationLatitude",
                table: "Messages",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LocationLongitude",
                table: "Messages",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationName",
                table: "Messages",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MediaAttempts",
                table: "Messages",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MediaCaption",
                table: "Messages",
                type: "nvarchar(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaError",
                table: "Messages",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaFileName",
                table: "Messages",
                type: "nvarchar(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MediaIsVoice",
                table: "Messages",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MediaNextAttemptAt",
                table: "Messages",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaSha256",
                table: "Messages",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MediaSize",
                table: "Messages",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaState",
                table: "Messages",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientReaction",
                table: "Messages",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsFollowing",
                table: "ChannelIdentities",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProfileCheckedAt",
                table: "ChannelIdentities",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "ChannelIdentities",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReplyTokenAt",
                table: "ChannelIdentities",
                type: "datetimeoffset",
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

            migrationBuilder.AlterColumn<string>(
                name: "MediaId",
                table: "Messages",
                type: "nvarchar(160)",
                maxLength: 160,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(2048)",
                oldMaxLength: 2048,
                oldNullable: true);
        }
    }
}
