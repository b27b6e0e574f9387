using System.Collections.Concurrent;
using System.Collections.Frozen;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Infrastructure.Consultations;

/// <summary>A section of a draft version as the portal and the API show it.</summary>
public sealed record SectionView(string Ref, string Anchor, string Label, string Title, string Text, int Depth, string? ParentRef)
{
    /// <summary>Label and title; a label without its own punctuation ("PHẦN THỨ NHẤT") gets a full stop.</summary>
    public string Heading => Label.Length == 0 ? Title
        : Title.Length == 0 ? Label
        : Label[^1] is '.' or ')' or ':' or '-' ? Label + " " + Title : Label + ". " + Title;
}

/// <summary>An immutable draft version, cached in memory (versions never change once imported).</summary>
public sealed class DraftText
{
    public DraftText(int draftId, int versionId, int versionNumber, string title, string preamble, IReadOnlyList<SectionView> sections)
    {
        Preamble = preamble;
        DraftId = draftId;
        VersionId = versionId;
        VersionNumber = versionNumber;
        Title = title;
        Sections = sections;
        ByRef = sections.ToFrozenDictionary(s => s.Ref, StringComparer.Ordinal);
        Index = sections.Select((s, i) => (s.Ref, i)).ToFrozenDictionary(x => x.Ref, x => x.i, StringComparer.Ordinal);
    }

    public int DraftId { get; }
    public int VersionId { get; }
    public int VersionNumber { get; }
    public string Title { get; }
    public string Preamble { get; }
    public IReadOnlyList<SectionView> Sections { get; }
    public FrozenDictionary<string, SectionView> ByRef { get; }
    public FrozenDictionary<string, int> Index { get; }

    /// <summary>The section and every section below it, in order.</summary>
    public IEnumerable<SectionView> Subtree(string reference)
    {
        if (!Index.TryGetValue(reference, out int start)) yield break;
        int depth = Sections[start].Depth;
        yield return Sections[start];
        for (int i = start + 1; i < Sections.Count && Sections[i].Depth > depth; i++) yield return Sections[i];
    }
}

public sealed record DraftSummary(int Id, string Title, int? CurrentVersionId);

/// <summary>What submission needs to know about a consultation, cached for a few seconds.</summary>
public sealed record ConsultationInfo(
    int Id,
    string Title,
    ConsultationStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int OwnerUnitId,
    int TargetUnitId,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> SocialGroups,
    IReadOnlyList<DraftSummary> Drafts)
{
    public bool IsAcceptingAt(DateTimeOffset now) => Status == ConsultationStatus.Open && now >= OpensAt && now < ClosesAt;

    public DraftSummary? Draft(int draftId) => Drafts.FirstOrDefault(d => d.Id == draftId);
}

/// <summary>
/// Read side for the hot public paths: consultations (a few seconds of staleness, cleared at once by
/// staff changes on this node) and draft versions (immutable, kept for the life of the process).
/// </summary>
public sealed class ConsultationCatalog(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<int, (ConsultationInfo? Info, DateTimeOffset At)> _consultations = new();
    private readonly ConcurrentDictionary<int, Task<DraftText?>> _versions = new();
    private (IReadOnlyList<ConsultationInfo> List, DateTimeOffset At)? _all;

    public DateTimeOffset Now => time.GetUtcNow();

    public void Invalidate(int consultationId)
    {
        _consultations.TryRemove(consultationId, out _);
        _all = null;
    }

    public void InvalidateAll()
    {
        _consultations.Clear();
        _all = null;
    }

    public async Task<ConsultationInfo?> GetAsync(int consultationId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_consultations.TryGetValue(consultationId, out var hit) && now - hit.At < Freshness) return hit.Info;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var list = await LoadAsync(db.Consultations.AsNoTracking().Where(c => c.Id == consultationId), db, cancellationToken).ConfigureAwait(false);
        var info = list.Count == 0 ? null : list[0];
        _consultations[consultationId] = (info, now);
        return info;
    }

    /// <summary>Every published consultation (open, closed, synthesised).</summary>
    public async Task<IReadOnlyList<ConsultationInfo>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_all is { } all && now - all.At < Freshness) return all.List;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var list = await LoadAsync(db.Consultations.AsNoTracking().Where(c => c.Status != ConsultationStatus.Draft), db, cancellationToken).ConfigureAwait(false);
        _all = (list, now);
        return list;
    }

    public Task<DraftText?> VersionAsync(int versionId) =>
        _versions.GetOrAdd(versionId, id => LoadVersionAsync(id)).ContinueWith(
            t =>
            {
                if (t.IsFaulted || t.Result is null) _versions.TryRemove(versionId, out _);
                return t;
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();

    private async Task<DraftText?> LoadVersionAsync(int versionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var version = await db.DraftVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId).ConfigureAwait(false);
        if (version is null) return null;
        var sections = await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == versionId).OrderBy(s => s.Order)
            .Select(s => new SectionView(s.Ref, s.Anchor, s.Label, s.Title, s.Text, s.Depth, s.ParentRef))
            .ToListAsync().ConfigureAwait(false);
        return new DraftText(version.DraftId, version.Id, version.Number, version.Title, version.Preamble, sections);
    }

    private static async Task<List<ConsultationInfo>> LoadAsync(IQueryable<Consultation> query, DanYDbContext db, CancellationToken cancellationToken)
    {
        var consultations = await query.OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = consultations.Select(c => c.Id).ToList();
        var links = await db.ConsultationDrafts.AsNoTracking().Where(l => ids.Contains(l.ConsultationId))
            .OrderBy(l => l.Order)
            .Select(l => new { l.ConsultationId, l.DraftId, l.Draft!.Title, l.Draft.CurrentVersionId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return consultations.Select(c => new ConsultationInfo(
            c.Id, c.Title, c.Status, c.OpensAt, c.ClosesAt, c.OwnerUnitId, c.TargetUnitId, c.ChannelList, c.SocialGroupList,
            links.Where(l => l.ConsultationId == c.Id).Select(l => new DraftSummary(l.DraftId, l.Title, l.CurrentVersionId)).ToList()))
            .ToList();
    }
}
