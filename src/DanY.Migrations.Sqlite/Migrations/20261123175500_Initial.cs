using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanY.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NameFolded = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    System = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_units_units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cadre_statistics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommitteeMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    FrontCadres = table.Column<int>(type: "INTEGER", nullable: false),
                    UnionCadres = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "congresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Ordinal = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TermStartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TermEndYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_congresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_congresses_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OwnerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SocialGroups = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consultations_units_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_consultations_units_TargetUnitId",
                        column: x => x.TargetUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "label_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Labels = table.Column<string>(type: "TEXT", maxLength: 2430, nullable: false),
                    IsModeration = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_label_sets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_label_sets_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ParentPlanId = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "reporting_lines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ViaUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_lines_units_FromUnitId",
                        column: x => x.FromUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reporting_lines_units_ToUnitId",
                        column: x => x.ToUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reporting_lines_units_ViaUnitId",
                        column: x => x.ViaUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_roles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_roles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unit_roles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unit_roles_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CongressId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CurrentVersionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_drafts_congresses_CongressId",
                        column: x => x.CongressId,
                        principalTable: "congresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    SectionRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    SocialGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comments_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    InvitedGroup = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MinutesFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MinutesPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conferences_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_conferences_units_HostUnitId",
                        column: x => x.HostUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "intake_batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CommittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_intake_batches_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rollup_schedules",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_schedules", x => x.ConsultationId);
                    table.ForeignKey(
                        name: "FK_rollup_schedules_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Full = table.Column<bool>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    EngineVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SettingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    InputHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Comments = table.Column<int>(type: "INTEGER", nullable: false),
                    NoiseComments = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateComments = table.Column<int>(type: "INTEGER", nullable: false),
                    Campaigns = table.Column<int>(type: "INTEGER", nullable: false),
                    LastCommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Folds = table.Column<int>(type: "INTEGER", nullable: false),
                    FoldedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                name: "label_models",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelBytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EngineVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrainingExamples = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldBackExamples = table.Column<int>(type: "INTEGER", nullable: false),
                    Accuracy = table.Column<double>(type: "REAL", nullable: false),
                    MacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TrainingSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_label_models", x => x.Id);
                    table.ForeignKey(
                        name: "FK_label_models_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Lead = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Support = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportersRootUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterLevel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReporterKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RecipientUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ViaUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DayOfMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WindowEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CongressName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CongressDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    OffsetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RemindDaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "consultation_drafts",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consultation_drafts", x => new { x.ConsultationId, x.DraftId });
                    table.ForeignKey(
                        name: "FK_consultation_drafts_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_consultation_drafts_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "draft_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DraftId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: true),
                    Preamble = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_draft_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_draft_versions_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comment_identities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Locality = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SocialGroup = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RetainUntil = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_identities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comment_identities_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comment_labels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LabelledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LabelledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_labels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comment_labels_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_comment_labels_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderation_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ModelLabel = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_moderation_decisions_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_moderation_decisions_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_moderation_decisions_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rollup_submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Via = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Comments = table.Column<int>(type: "INTEGER", nullable: false),
                    Groups = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    FrozenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollup_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rollup_submissions_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_rollup_submissions_synthesis_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "synthesis_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_rollup_submissions_units_ParentUnitId",
                        column: x => x.ParentUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rollup_submissions_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicateGroup = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Noise = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    DraftId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SectionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    EngineGroupId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Representative = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    KeyPhrases = table.Column<string>(type: "TEXT", nullable: false),
                    Quantifier = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Share = table.Column<double>(type: "REAL", nullable: false),
                    Comments = table.Column<int>(type: "INTEGER", nullable: false),
                    Distinct = table.Column<int>(type: "INTEGER", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Campaigns = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignLetters = table.Column<int>(type: "INTEGER", nullable: false),
                    BreakdownJson = table.Column<string>(type: "TEXT", nullable: false),
                    TermsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsolatedSubstantial = table.Column<bool>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "label_suggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_label_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_label_suggestions_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_label_suggestions_label_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "label_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_label_suggestions_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "labelling_jobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_labelling_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_labelling_jobs_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_labelling_jobs_label_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "label_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_labelling_jobs_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_periods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObligationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                name: "draft_sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DraftVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_draft_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_draft_sections_draft_versions_DraftVersionId",
                        column: x => x.DraftVersionId,
                        principalTable: "draft_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synthesis_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Primary = table.Column<bool>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmailsQueued = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCompiled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GeneralSituation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    MoodsOverall = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    GroupMoodsData = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    PublicOpinion = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ComplicatedCases = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    HandlingResults = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ForecastAndRecommendations = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Complaints = table.Column<int>(type: "INTEGER", nullable: false),
                    MassPetitions = table.Column<int>(type: "INTEGER", nullable: false),
                    Hotspots = table.Column<int>(type: "INTEGER", nullable: false),
                    HostileContent = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "report_item_labels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LabelledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LabelledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_item_labels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_item_labels_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_report_item_labels_situation_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "situation_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_EntityType_EntityId",
                table: "audit_log",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_cadre_statistics_UnitId_Level_Term",
                table: "cadre_statistics",
                columns: new[] { "UnitId", "Level", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comment_identities_CommentId",
                table: "comment_identities",
                column: "CommentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comment_labels_CommentId",
                table: "comment_labels",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_comment_labels_LabelSetId_CommentId",
                table: "comment_labels",
                columns: new[] { "LabelSetId", "CommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comments_ConferenceId",
                table: "comments",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_comments_ConsultationId_DraftId_SectionRef",
                table: "comments",
                columns: new[] { "ConsultationId", "DraftId", "SectionRef" });

            migrationBuilder.CreateIndex(
                name: "IX_comments_ConsultationId_IdempotencyKey",
                table: "comments",
                columns: new[] { "ConsultationId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comments_ContentHash",
                table: "comments",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_comments_Receipt",
                table: "comments",
                column: "Receipt",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comments_UnitId",
                table: "comments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_conferences_ConsultationId",
                table: "conferences",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_conferences_HostUnitId",
                table: "conferences",
                column: "HostUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_congresses_UnitId",
                table: "congresses",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_consultation_drafts_DraftId",
                table: "consultation_drafts",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_consultations_OwnerUnitId",
                table: "consultations",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_consultations_Status",
                table: "consultations",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_consultations_TargetUnitId",
                table: "consultations",
                column: "TargetUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_draft_sections_DraftVersionId_Ref",
                table: "draft_sections",
                columns: new[] { "DraftVersionId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_draft_versions_DraftId_Number",
                table: "draft_versions",
                columns: new[] { "DraftId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_drafts_CongressId",
                table: "drafts",
                column: "CongressId");

            migrationBuilder.CreateIndex(
                name: "IX_intake_batches_ConsultationId_IdempotencyKey",
                table: "intake_batches",
                columns: new[] { "ConsultationId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_label_models_LabelSetId",
                table: "label_models",
                column: "LabelSetId");

            migrationBuilder.CreateIndex(
                name: "IX_label_sets_UnitId_Name",
                table: "label_sets",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_label_suggestions_CommentId",
                table: "label_suggestions",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_label_suggestions_LabelSetId_CommentId",
                table: "label_suggestions",
                columns: new[] { "LabelSetId", "CommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_label_suggestions_ModelId",
                table: "label_suggestions",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_labelling_jobs_ConsultationId",
                table: "labelling_jobs",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_labelling_jobs_LabelSetId_ConsultationId",
                table: "labelling_jobs",
                columns: new[] { "LabelSetId", "ConsultationId" });

            migrationBuilder.CreateIndex(
                name: "IX_labelling_jobs_ModelId",
                table: "labelling_jobs",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_CommentId",
                table: "moderation_decisions",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_ConsultationId_Outcome",
                table: "moderation_decisions",
                columns: new[] { "ConsultationId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_decisions_LabelSetId",
                table: "moderation_decisions",
                column: "LabelSetId");

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
                name: "IX_report_item_labels_LabelSetId_ReportId_ItemKey",
                table: "report_item_labels",
                columns: new[] { "LabelSetId", "ReportId", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_item_labels_ReportId",
                table: "report_item_labels",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_lines_FromUnitId",
                table: "reporting_lines",
                column: "FromUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_lines_ToUnitId",
                table: "reporting_lines",
                column: "ToUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_lines_ViaUnitId",
                table: "reporting_lines",
                column: "ViaUnitId");

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
                name: "IX_rollup_submissions_ConsultationId_ParentUnitId_IsCurrent",
                table: "rollup_submissions",
                columns: new[] { "ConsultationId", "ParentUnitId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_submissions_ConsultationId_UnitId_IsCurrent",
                table: "rollup_submissions",
                columns: new[] { "ConsultationId", "UnitId", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_rollup_submissions_ParentUnitId",
                table: "rollup_submissions",
                column: "ParentUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_submissions_RunId",
                table: "rollup_submissions",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_rollup_submissions_UnitId",
                table: "rollup_submissions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_situation_reports_PeriodId_UnitId_IsCompiled",
                table: "situation_reports",
                columns: new[] { "PeriodId", "UnitId", "IsCompiled" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_situation_reports_UnitId",
                table: "situation_reports",
                column: "UnitId");

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

            migrationBuilder.CreateIndex(
                name: "IX_unit_roles_UnitId",
                table: "unit_roles",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_roles_UserId_UnitId_Role",
                table: "unit_roles",
                columns: new[] { "UserId", "UnitId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_Code",
                table: "units",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_NameFolded",
                table: "units",
                column: "NameFolded");

            migrationBuilder.CreateIndex(
                name: "IX_units_ParentId",
                table: "units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_units_Path",
                table: "units",
                column: "Path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "cadre_statistics");

            migrationBuilder.DropTable(
                name: "comment_identities");

            migrationBuilder.DropTable(
                name: "comment_labels");

            migrationBuilder.DropTable(
                name: "conferences");

            migrationBuilder.DropTable(
                name: "consultation_drafts");

            migrationBuilder.DropTable(
                name: "draft_sections");

            migrationBuilder.DropTable(
                name: "intake_batches");

            migrationBuilder.DropTable(
                name: "label_suggestions");

            migrationBuilder.DropTable(
                name: "labelling_jobs");

            migrationBuilder.DropTable(
                name: "moderation_decisions");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropTable(
                name: "report_attachments");

            migrationBuilder.DropTable(
                name: "report_item_labels");

            migrationBuilder.DropTable(
                name: "reporting_lines");

            migrationBuilder.DropTable(
                name: "rollup_schedules");

            migrationBuilder.DropTable(
                name: "rollup_submissions");

            migrationBuilder.DropTable(
                name: "synthesis_assignments");

            migrationBuilder.DropTable(
                name: "synthesis_jobs");

            migrationBuilder.DropTable(
                name: "synthesis_members");

            migrationBuilder.DropTable(
                name: "unit_roles");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "draft_versions");

            migrationBuilder.DropTable(
                name: "label_models");

            migrationBuilder.DropTable(
                name: "situation_reports");

            migrationBuilder.DropTable(
                name: "comments");

            migrationBuilder.DropTable(
                name: "synthesis_groups");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "drafts");

            migrationBuilder.DropTable(
                name: "label_sets");

            migrationBuilder.DropTable(
                name: "reporting_periods");

            migrationBuilder.DropTable(
                name: "synthesis_runs");

            migrationBuilder.DropTable(
                name: "congresses");

            migrationBuilder.DropTable(
                name: "reporting_obligations");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
