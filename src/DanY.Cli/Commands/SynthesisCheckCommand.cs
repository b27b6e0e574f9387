using System.CommandLine;
using System.Globalization;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Cli.Commands;

/// <summary>
/// <c>synthesis check</c>: the latest stored synthesis accounts for every received comment (one
/// assignment each, none lost, none twice) and every group's count equals its members. Used after
/// killing the server mid-job (bench/synthesis-scale).
/// </summary>
internal static class SynthesisCheckCommand
{
    public static Command Create()
    {
        var command = new Command("check", "Kiểm tra bản tổng hợp mới nhất đủ mọi ý kiến, số liệu khớp / check the latest synthesis accounts for every comment.");
        var consultation = new Option<int>("--consultation") { Description = "Mã đợt lấy ý kiến / consultation id", Required = true };
        command.Options.Add(consultation);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            int id = parseResult.GetValue(consultation);
            var run = await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (run is null)
            {
                await Console.Error.WriteLineAsync($"Đợt {id} chưa có bản tổng hợp / consultation {id} has no synthesis.");
                return 1;
            }
            int received = await db.Comments.CountAsync(c => c.ConsultationId == id && c.Status == CommentStatus.Received && c.Id <= run.LastCommentId, cancellationToken);
            int assignments = await db.SynthesisAssignments.CountAsync(a => a.RunId == run.Id, cancellationToken);
            int assigned = await db.SynthesisAssignments.Where(a => a.RunId == run.Id).Select(a => a.CommentId).Distinct().CountAsync(cancellationToken);
            var members = await db.SynthesisMembers.Where(m => m.RunId == run.Id).GroupBy(m => m.GroupId)
                .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, cancellationToken);
            var groups = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == run.Id && g.MergedIntoId == null)
                .Select(g => new { g.Id, g.Comments }).ToListAsync(cancellationToken);
            int wrong = groups.Count(g => members.GetValueOrDefault(g.Id) != g.Comments);
            var jobs = await db.SynthesisJobs.AsNoTracking().Where(j => j.ConsultationId == id).OrderByDescending(j => j.Id)
                .Select(j => new { j.Id, j.Status, j.Attempts }).FirstOrDefaultAsync(cancellationToken);
            string N(long x) => x.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine(string.Join('\t', "run", N(run.Id), "comments", N(run.Comments), "received", N(received), "assignments", N(assignments),
                "assigned", N(assigned), "groups", N(groups.Count), "groups_with_wrong_count", N(wrong), "folds", N(run.Folds),
                "job", jobs is null ? "-" : N(jobs.Id), "job_status", jobs?.Status.ToString() ?? "-", "attempts", N(jobs?.Attempts ?? 0)));
            bool ok = run.Comments == received && assignments == received && assigned == received && wrong == 0 && jobs?.Status is null or JobStatus.Succeeded;
            Console.WriteLine(ok ? "OK: every received comment is in the synthesis exactly once; group counts equal their members."
                : "FAIL: the synthesis does not account for every comment exactly once, or a job did not finish.");
            return ok ? 0 : 1;
        });
        return command;
    }
}
