using DanY.Web.Features.Accounts;
using DanY.Web.Features.Auditing;
using DanY.Web.Features.Consultations;
using DanY.Web.Features.Labelling;
using DanY.Web.Features.Plans;
using DanY.Web.Features.Reporting;
using DanY.Web.Features.Units;
using DanY.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
builder.AddDanYPlatform();
builder.Services.AddAccountsFeature();
builder.Services.AddUnitsFeature();
builder.Services.AddAuditingFeature();
builder.Services.AddConsultationsFeature(builder.Configuration);
builder.Services.AddLabellingFeature();
builder.Services.AddReportingFeature();
builder.Services.AddPlansFeature();

var app = builder.Build();
await app.InitialiseDanYAsync();
app.UseDanYPlatform();
app.MapDanYPlatform();
app.MapUnitsFeature();
app.MapConsultationsFeature();
app.MapLabellingFeature();
app.MapReportingFeature();
app.MapPlansFeature();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
