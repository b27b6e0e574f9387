using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanY.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Synthesis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "synthesis_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RunId = table.Column<long>(type: "bigint", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_synthesis_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_synthesis_jobs_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    EngineVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SettingsJson = table.Column<string>(type: "text", nullable: false),
                    InputHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Comments = table.Column<int>(type: "integer", nullable: false),
                    NoiseComments = table.Column<int>(type: "integer", nullable: false),
                    DuplicateComments = table.Column<int>(type: "integer", nullable: false),
                    Campaigns = table.Column<int>(type: "integer", nullable: false),
                    LastCommentId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_synthesis_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_synthesis_runs_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: true),
                    DuplicateGroup = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Noise = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_synthesis_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_synthesis_assignments_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_synthesis_assignments_synthesis_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "synthesis_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_groups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    DraftId = table.Column<int>(type: "integer", nullable: false),
                    SectionRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SectionOrder = table.Column<int>(type: "integer", nullable: false),
                    EngineGroupId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Representative = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    KeyPhrases = table.Column<string>(type: "text", nullable: false),
                    Quantifier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Share = table.Column<double>(type: "double precision", nullable: false),
                    Comments = table.Column<int>(type: "integer", nullable: false),
                    Distinct = table.Column<int>(type: "integer", nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false),
                    Campaigns = table.Column<int>(type: "integer", nullable: false),
                    CampaignLetters = table.Column<int>(type: "integer", nullable: false),
                    BreakdownJson = table.Column<string>(type: "text", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsolatedSubstantial = table.Column<bool>(type: "boolean", nullable: false),
                    MergedIntoId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_synthesis_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_synthesis_groups_synthesis_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "synthesis_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    Primary = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_synthesis_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_synthesis_members_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_synthesis_members_synthesis_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "synthesis_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_assignments_CommentId",
                table: "synthesis_assignments",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_assignments_RunId_CommentId",
                table: "synthesis_assignments",
                columns: new[] { "RunId", "CommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_assignments_RunId_GroupId",
                table: "synthesis_assignments",
                columns: new[] { "RunId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_groups_RunId_DraftId_SectionOrder_Comments",
                table: "synthesis_groups",
                columns: new[] { "RunId", "DraftId", "SectionOrder", "Comments" });

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_jobs_ConsultationId",
                table: "synthesis_jobs",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_jobs_Status_Id",
                table: "synthesis_jobs",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_members_CommentId",
                table: "synthesis_members",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_members_GroupId_CommentId",
                table: "synthesis_members",
                columns: new[] { "GroupId", "CommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_members_RunId_CommentId",
                table: "synthesis_members",
                columns: new[] { "RunId", "CommentId" });

            migrationBuilder.CreateIndex(
                name: "IX_synthesis_runs_ConsultationId_Id",
                table: "synthesis_runs",
                columns: new[] { "ConsultationId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "synthesis_assignments");

            migrationBuilder.DropTable(
                name: "synthesis_jobs");

            migrationBuilder.DropTable(
                name: "synthesis_members");

            migrationBuilder.DropTable(
                name: "synthesis_groups");

            migrationBuilder.DropTable(
                name: "synthesis_runs");
        }
    }
}
