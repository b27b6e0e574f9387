using DanY.Domain;
using DanY.Domain.Synthesis;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Synthesis;

/// <summary>
/// Demo roll-up of the open consultation: a due date for submissions three days ago, and about two
/// thirds of Bắc Ninh's communes having submitted (most on time, some late); the others, and the two
/// demo wards (whose officers submit themselves), are missing. No synthesis exists at seeding time
/// (running the engine would slow every first start), so these rows carry no content yet: it is taken
/// from the first stored run when the roll-up is first read, and frozen then.
/// </summary>
public sealed class RollupDemoSeeder(DanYDbContext db)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, Unit> byCode, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(byCode);
        if (!byCode.TryGetValue(DemoSeeder.DemoProvinceCode, out var province)) return;
        var consultation = await db.Consultations.SingleOrDefaultAsync(c => c.Title == ConsultationDemoSeeder.OpenTitle, cancellationToken).ConfigureAwait(false);
        if (consultation is null) return;
        string? admin = await db.Users.Where(u => u.Email == "admin@dany.local").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var today = VietnamTime.LocalDate(now.UtcDateTime);
        var due = VietnamTime.EndOfDay(today.AddDays(-3));
        db.Set<RollupSchedule>().Add(new RollupSchedule(consultation.Id, due));
        var communes = byCode.Values
            .Where(u => u.Kind == UnitKind.AdministrativeArea && u.Level == UnitLevel.Commune && u.ParentId == province.Id
                && u.Code != DemoSeeder.WardA && u.Code != DemoSeeder.WardB)
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        for (int i = 0; i < communes.Count; i++)
        {
            DateTimeOffset at;
            switch (i % 6)
            {
                case 0:
                case 3:
                    continue;
                case 5:
                    at = due.AddHours(8 + (i % 5)); // a day late at most, still before today
                    break;
                default:
                    at = due.AddDays(-1 - (i % 7)).AddHours(-(i % 9));
                    break;
            }
            db.Set<RollupSubmission>().Add(new RollupSubmission(consultation.Id, communes[i].Id, province.Id, null, at, admin, "demo"));
        }
        bool auditing = db.AuditingEnabled;
        db.AuditingEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.AuditingEnabled = auditing;
        }
    }
}
