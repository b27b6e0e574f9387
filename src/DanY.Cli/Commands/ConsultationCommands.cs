using System.CommandLine;
using System.Globalization;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Cli.Commands;

internal static class ConsultationCommands
{
    /// <summary><c>comments verify --receipts FILE</c>: every acknowledged receipt stored exactly once, no idempotency key used twice.</summary>
    public static Command Comments()
    {
        var comments = new Command("comments", "Góp ý / comments.");
        var verify = new Command("verify", "Kiểm tra mọi mã góp ý đã xác nhận được lưu đúng một lần / check every acknowledged receipt is stored exactly once.");
        var receiptsOption = new Option<FileInfo>("--receipts")
        {
            Description = "Tệp, mỗi dòng: mã<TAB>khóa chống gửi trùng / file with one receipt<TAB>idempotency-key per line",
            Required = true,
        };
        verify.Options.Add(receiptsOption);
        verify.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(receiptsOption)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {file.FullName}");
                return 2;
            }
            var problems = new List<string>();
            var expected = new List<(string Receipt, string Key, int Line)>();
            int lineNumber = 0;
            foreach (string line in await File.ReadAllLinesAsync(file.FullName, cancellationToken))
            {
                lineNumber++;
                if (line.Length == 0) continue;
                string[] parts = line.Split('\t');
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: malformed (expected receipt<TAB>key)"));
                    continue;
                }
                expected.Add((parts[0].Trim(), parts[1].Trim(), lineNumber));
            }

            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            var rowsByReceipt = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var rowsByKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var chunk in expected.Chunk(500))
            {
                var receipts = chunk.Select(e => e.Receipt).Distinct(StringComparer.Ordinal).ToList();
                var keys = chunk.Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
                var byReceipt = await db.Comments.AsNoTracking().Where(c => receipts.Contains(c.Receipt))
                    .Select(c => new { c.Receipt, c.IdempotencyKey }).ToListAsync(cancellationToken);
                var byKey = await db.Comments.AsNoTracking().Where(c => keys.Contains(c.IdempotencyKey))
                    .Select(c => new { c.Receipt, c.IdempotencyKey, c.ConsultationId }).ToListAsync(cancellationToken);
                foreach (var r in byReceipt) Add(rowsByReceipt, r.Receipt, r.IdempotencyKey);
                // Keys are unique per consultation: the same key under two consultations is two comments, not a duplicate.
                foreach (var g in byKey.GroupBy(r => (r.IdempotencyKey, r.ConsultationId)).OrderByDescending(g => g.Count()))
                {
                    if (!rowsByKey.ContainsKey(g.Key.IdempotencyKey)) foreach (var r in g) Add(rowsByKey, r.IdempotencyKey, r.Receipt);
                }
            }

            int missing = 0, duplicated = 0, mismatched = 0, keyReused = 0;
            var seenReceipts = new HashSet<string>(StringComparer.Ordinal);
            var keyToReceipt = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (receipt, key, line) in expected)
            {
                if (keyToReceipt.TryGetValue(key, out string? other) && !string.Equals(other, receipt, StringComparison.Ordinal))
                {
                    keyReused++;
                    problems.Add($"line {line}: idempotency key {key} was acknowledged with two receipts ({other}, {receipt})");
                }
                keyToReceipt[key] = receipt;
                bool first = seenReceipts.Add(receipt);
                var rows = rowsByReceipt.GetValueOrDefault(receipt) ?? [];
                if (rows.Count == 0)
                {
                    if (first) missing++;
                    problems.Add($"line {line}: receipt {receipt} (key {key}) is missing");
                    continue;
                }
                if (rows.Count > 1 && first)
                {
                    duplicated++;
                    problems.Add($"line {line}: receipt {receipt} is stored {rows.Count} times");
                }
                if (!rows.Contains(key, StringComparer.Ordinal))
                {
                    mismatched++;
                    problems.Add($"line {line}: receipt {receipt} is stored under key {rows[0]}, not {key}");
                }
                var forKey = rowsByKey.GetValueOrDefault(key) ?? [];
                if (forKey.Count > 1 && first)
                {
                    duplicated++;
                    problems.Add($"line {line}: idempotency key {key} has {forKey.Count} comments");
                }
            }
            long total = await db.Comments.LongCountAsync(cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"receipts: {expected.Count} lines, {seenReceipts.Count} distinct; found {seenReceipts.Count - missing}; missing {missing}; duplicated {duplicated}; key mismatches {mismatched}; keys with two receipts {keyReused}; comments in database {total}"));
            if (problems.Count == 0)
            {
                Console.WriteLine("OK: every acknowledged receipt is stored exactly once.");
                return 0;
            }
            foreach (string p in problems.Take(1000)) Console.WriteLine(p);
            if (problems.Count > 1000) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {problems.Count - 1000} more"));
            return 1;
        });
        comments.Subcommands.Add(verify);
        return comments;
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
