using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanY.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cadre_statistics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Term = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CommitteeMembers = table.Column<int>(type: "integer", nullable: false),
                    FrontCadres = table.Column<int>(type: "integer", nullable: false),
                    UnionCadres = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cadre_statistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cadre_statistics_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Issuer = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Title = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Basis = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Recipients = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ParentPlanId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plans_plans_ParentPlanId",
                        column: x => x.ParentPlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_plans_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Lead = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Support = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Schedule = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_tasks_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_obligations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: true),
                    ReportersRootUnitId = table.Column<int>(type: "integer", nullable: false),
                    ReporterLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReporterKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RecipientUnitId = table.Column<int>(type: "integer", nullable: false),
                    ViaUnitId = table.Column<int>(type: "integer", nullable: true),
                    Frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DayOfMonth = table.Column<int>(type: "integer", nullable: false),
                    WindowStart = table.Column<DateOnly>(type: "date", nullable: true),
                    WindowEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    CongressName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CongressDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Timing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    OffsetDays = table.Column<int>(type: "integer", nullable: false),
                    RemindDaysBefore = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_obligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_obligations_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_reporting_obligations_units_RecipientUnitId",
                        column: x => x.RecipientUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_reporting_obligations_units_ReportersRootUnitId",
                        column: x => x.ReportersRootUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_reporting_obligations_units_ViaUnitId",
                        column: x => x.ViaUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporting_periods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ObligationId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_periods_reporting_obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "reporting_obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EmailsQueued = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reminders_reporting_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "reporting_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reminders_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "situation_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PeriodId = table.Column<int>(type: "integer", nullable: false),
                    IsCompiled = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GeneralSituation = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    MoodsOverall = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    GroupMoodsData = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    PublicOpinion = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ComplicatedCases = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    HandlingResults = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ForecastAndRecommendations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Complaints = table.Column<int>(type: "integer", nullable: false),
                    MassPetitions = table.Column<int>(type: "integer", nullable: false),
                    Hotspots = table.Column<int>(type: "integer", nullable: false),
                    HostileContent = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false),
                    FirstSubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_situation_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_situation_reports_reporting_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "reporting_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_situation_reports_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_attachments_situation_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "situation_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cadre_statistics_UnitId_Level_Term",
                table: "cadre_statistics",
                columns: new[] { "UnitId", "Level", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_PlanId",
                table: "plan_tasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_plans_Number",
                table: "plans",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_plans_ParentPlanId",
                table: "plans",
                column: "ParentPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_plans_UnitId",
                table: "plans",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_reminders_PeriodId_UnitId_Kind",
                table: "reminders",
                columns: new[] { "PeriodId", "UnitId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reminders_UnitId",
                table: "reminders",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_report_attachments_ReportId",
                table: "report_attachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_obligations_PlanId",
                table: "reporting_obligations",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_obligations_RecipientUnitId",
                table: "reporting_obligations",
                column: "RecipientUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_obligations_ReportersRootUnitId",
                table: "reporting_obligations",
                column: "ReportersRootUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_obligations_ViaUnitId",
                table: "reporting_obligations",
                column: "ViaUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_periods_Due",
                table: "reporting_periods",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_periods_ObligationId_Key",
                table: "reporting_periods",
                columns: new[] { "ObligationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_situation_reports_PeriodId_UnitId_IsCompiled",
                table: "situation_reports",
                columns: new[] { "PeriodId", "UnitId", "IsCompiled" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_situation_reports_UnitId",
                table: "situation_reports",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cadre_statistics");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropTable(
                name: "report_attachments");

            migrationBuilder.DropTable(
                name: "situation_reports");

            migrationBuilder.DropTable(
                name: "reporting_periods");

            migrationBuilder.DropTable(
                name: "reporting_obligations");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
