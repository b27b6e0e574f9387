using System.Security.Cryptography;
using System.Text;
using DanY.Documents.Intake;
using DanY.Domain;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Consultations;

/// <summary>The consultation and draft version an upload is checked against.</summary>
public sealed record IntakeTarget(ConsultationInfo Consultation, DraftSummary Draft, DraftText Text);

/// <summary>The comment a valid row became (or already was).</summary>
public sealed record IntakeRowResult(int RowNumber, string Receipt, bool Created);

public enum IntakeCommitOutcome
{
    /// <summary>Valid rows stored in one transaction (rows already stored were not added again).</summary>
    Committed,

    /// <summary>The same Idempotency-Key with the same rows: nothing new, the same receipts.</summary>
    Replayed,

    /// <summary>The Idempotency-Key was used for different rows: nothing stored.</summary>
    KeyReused,

    /// <summary>The consultation is not published yet or already synthesised: nothing stored.</summary>
    NotAccepting,
}

public sealed record IntakeCommitResult(IntakeCommitOutcome Outcome, IReadOnlyList<IntakeRowResult> Rows, int Added, int ErrorRows, string ContentHash)
{
    public int AlreadyStored => Rows.Count - Added;
}

/// <summary>
/// Bulk intake shared by the staff page and the HTTP API: reads an XLSX/CSV upload (or rows given as
/// values) against a draft version, and commits every valid row in one transaction through the
/// group-commit writer. A row's idempotency key is its content hash within the consultation and
/// draft, so the same file or rows uploaded again (by page or API, with or without a key) add nothing.
/// </summary>
public sealed class BulkIntake(DanYDbContext db, CommentWriter writer, ConsultationCatalog catalog, TimeProvider time)
{
    /// <summary>The consultation and the current version of its draft; null when either is unknown.</summary>
    public async Task<IntakeTarget?> TargetAsync(int consultationId, int draftId, CancellationToken cancellationToken = default)
    {
        catalog.Invalidate(consultationId);
        var consultation = await catalog.GetAsync(consultationId, cancellationToken).ConfigureAwait(false);
        var draft = consultation?.Draft(draftId);
        if (draft?.CurrentVersionId is not int versionId || await catalog.VersionAsync(versionId).ConfigureAwait(false) is not { } text) return null;
        return new IntakeTarget(consultation!, draft, text);
    }

    public static IntakeOptions Options(IntakeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new IntakeOptions(target.Text.Sections.Select(s => new IntakeSection(s.Ref, s.Title)).ToList())
        {
            SocialGroups = null,
            MaxTextLength = Comment.TextMaxLength,
        };
    }

    /// <summary>Reads an .xlsx or .csv upload; throws <see cref="DocumentRejectedException"/> for a file refused as a whole.</summary>
    public static IntakeParseResult Parse(Stream upload, string fileName, IntakeTarget target) =>
        RequireStance(IntakeParser.Parse(upload, fileName, Options(target)));

    /// <summary>Rows given as values, in the order of <see cref="IntakeParser.JsonColumns"/>.</summary>
    public static IntakeParseResult ParseValues(IEnumerable<IReadOnlyList<string?>> rows, IntakeTarget target) =>
        RequireStance(IntakeParser.ParseValues(rows, Options(target)));

    /// <summary>A comment needs a stance; the sheet may leave it empty, so the row is an error here, not a crash at commit.</summary>
    private static IntakeParseResult RequireStance(IntakeParseResult result)
    {
        if (result.Rows.All(r => r.Stance is not null || r.Errors.Any(e => e.Code == "bad_stance"))) return result;
        var rows = result.Rows.Select(r => r.Stance is not null || r.Errors.Any(e => e.Code == "bad_stance") ? r
            : r with { Errors = [.. r.Errors, new IntakeRowError("Quan điểm", "missing_stance", "Chưa ghi quan điểm (Tán thành / Không tán thành / Đồng ý một phần).")] }).ToList();
        return result with { Rows = rows };
    }

    /// <summary>SHA-256 of the draft and every row's content, in order: what an Idempotency-Key is bound to.</summary>
    public static string ContentHash(int draftId, IntakeParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.ASCII.GetBytes(draftId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";"));
        foreach (var row in parsed.Rows) sha.AppendData(Encoding.ASCII.GetBytes(row.ContentHash + (row.IsValid ? "+" : "-")));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The idempotency key of a row's comment (unchanged since the first intake page, so older uploads still match).</summary>
    public static string RowKey(int consultationId, int draftId, IntakeRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return FormattableString.Invariant($"intake-{consultationId}-{draftId}-") + row.ContentHash[..Math.Min(64, row.ContentHash.Length)];
    }

    /// <summary>
    /// Stores every valid row in one transaction and records the batch. With an <paramref name="idempotencyKey"/>
    /// the key is claimed first: a retry with the same rows replays (and completes a commit cut short), other rows are refused.
    /// </summary>
    public async Task<IntakeCommitResult> CommitAsync(IntakeTarget target, IntakeParseResult parsed, string fileName, string? idempotencyKey, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(parsed);
        string hash = ContentHash(target.Draft.Id, parsed);
        int consultationId = target.Consultation.Id;
        if (target.Consultation.Status is ConsultationStatus.Draft or ConsultationStatus.Synthesised)
            return new IntakeCommitResult(IntakeCommitOutcome.NotAccepting, [], 0, parsed.ErrorRowCount, hash);

        IntakeBatch? batch = null;
        bool replay = false;
        if (idempotencyKey is not null)
        {
            var earlier = await db.Set<IntakeBatch>().AsNoTracking()
                .FirstOrDefaultAsync(b => b.ConsultationId == consultationId && b.IdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false);
            if (earlier is null)
            {
                batch = new IntakeBatch(consultationId, target.Draft.Id, idempotencyKey, hash, fileName, parsed.Rows.Count, 0, parsed.ErrorRowCount, source, time.GetUtcNow());
                db.Add(batch);
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // Another request claimed the key at the same moment.
                    db.Entry(batch).State = EntityState.Detached;
                    batch = null;
                    earlier = await db.Set<IntakeBatch>().AsNoTracking()
                        .FirstAsync(b => b.ConsultationId == consultationId && b.IdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false);
                }
            }
            if (earlier is not null)
            {
                if (!string.Equals(earlier.ContentHash, hash, StringComparison.Ordinal))
                    return new IntakeCommitResult(IntakeCommitOutcome.KeyReused, [], 0, parsed.ErrorRowCount, hash);
                replay = true;
            }
        }

        var valid = parsed.ValidRows.ToList();
        var codes = valid.Select(r => r.UnitCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var units = codes.Count == 0 ? new Dictionary<string, int>(StringComparer.Ordinal)
            : await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).Select(u => new { u.Code, u.Id })
                .ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var comments = valid.Select(r => new NewComment(consultationId, target.Draft.Id, target.Text.VersionId, r.SectionRef, (Stance)(int)r.Stance!.Value, r.Text,
            r.Channel ?? CommentChannels.Intake, RowKey(consultationId, target.Draft.Id, r),
            UnitId: r.UnitCode is not null && units.TryGetValue(r.UnitCode, out int unitId) ? unitId : null,
            SocialGroup: r.SocialGroup,
            SubmittedAt: r.Date is DateOnly d ? VietnamTime.FromLocal(d, new TimeOnly(12, 0)) : null)).ToList();
        // One submission: the writer stores it in one transaction, all rows or none.
        var stored = await writer.SubmitAllAsync(comments, cancellationToken).ConfigureAwait(false);
        var rows = valid.Select((r, i) => new IntakeRowResult(r.RowNumber, stored[i].Receipt, stored[i].Created)).ToList();
        int added = rows.Count(r => r.Created);

        if (batch is not null)
        {
            batch.Completed(added);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (!replay)
        {
            db.Add(new IntakeBatch(consultationId, target.Draft.Id, null, hash, fileName, parsed.Rows.Count, added, parsed.ErrorRowCount, source, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        return new IntakeCommitResult(replay ? IntakeCommitOutcome.Replayed : IntakeCommitOutcome.Committed, rows, added, parsed.ErrorRowCount, hash);
    }
}
