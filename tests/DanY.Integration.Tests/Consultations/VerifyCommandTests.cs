using DanY.Infrastructure.Consultations;
using DanY.Domain.Consultations;

using DanY.Infrastructure.Data;
using DanY.Integration.Tests.Harness;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;

namespace DanY.Integration.Tests.Consultations;

/// <summary>bench/crash-test relies on `dany comments verify --receipts FILE`.</summary>
public sealed class VerifyCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Verify_passes_for_stored_receipts_and_lists_missing_ones(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        var writer = (CommentWriter)app.Services.GetService(typeof(CommentWriter))!;
        var lines = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            var r = await writer.SubmitAsync(new NewComment(seeded.ConsultationId, seeded.DraftId, null, "I", Stance.Agree, "Ý kiến số " + i, CommentChannels.Api, "verify-" + i), Ct);
            lines.Add(r.Receipt + "\tverify-" + i);
        }
        // The same keys under another consultation are other comments (keys are scoped per consultation), not duplicates.
        var other = await app.SeedConsultationAsync();
        for (int i = 0; i < 3; i++)
        {
            var r = await writer.SubmitAsync(new NewComment(other.ConsultationId, other.DraftId, null, "I", Stance.Agree, "Ý kiến khác " + i, CommentChannels.Api, "verify-" + i), Ct);
            Assert.True(r.Created);
        }
        string file = Path.Combine(Path.GetTempPath(), "dany-verify-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            await File.WriteAllLinesAsync(file, lines, Ct);
            var ok = await RunVerifyAsync(app.Database, file);
            Assert.True(ok.Code == 0, ok.Output);
            Assert.Contains("missing 0", ok.Output, StringComparison.Ordinal);

            await File.AppendAllLinesAsync(file, ["ZZZZZ-ZZZZZ\tverify-lost", lines[0].Split('\t')[0] + "\tverify-other"], Ct);
            var bad = await RunVerifyAsync(app.Database, file);
            Assert.Equal(1, bad.Code);
            Assert.Contains("ZZZZZ-ZZZZZ (key verify-lost) is missing", bad.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Code, string Output)> RunVerifyAsync(DatabaseSettings db, string receipts)
    {
        var (code, output, error) = await DanyCli.RunAsync(db, "comments", "verify", "--receipts", receipts);
        return (code, output + error);
    }
}
