using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using DanY.Domain;
using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Engine.Synthesis;
using DanY.Engine.Text;
using DanY.Infrastructure.Accounts;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Synthesis;

/// <summary>A child unit's submission status for a parent.</summary>
public sealed record ChildStatus(RollupUnit Unit, SubmissionState State, RollupSubmission? Submission);

/// <summary>One source of a merged group: the unit that received the comments and how many.</summary>
public sealed record GroupSource(RollupUnit Unit, int Comments);

/// <summary>A unit's roll-up: its merged synthesis (own comments plus its children's submissions) and the children's status.</summary>
public sealed record RollupView(
    Consultation Consultation,
    RollupUnit Unit,
    RollupUnit? Parent,
    SynthesisRun? Run,
    SynthesisDocument Merged,
    SynthesisDocument Own,
    IReadOnlyList<ChildStatus> Children,
    RollupSubmission? Current,
    DateTimeOffset DueAt,
    RollupHierarchy Hierarchy);

/// <summary>A page of a merged group's comments that the reader may see.</summary>
public sealed record DrillDown(OpinionGroup Group, IReadOnlyList<GroupSource> Sources, IReadOnlyList<Comment> Comments, int Total, int Hidden);

/// <summary>The reader may not see this unit's synthesis or comments.</summary>
public sealed class RollupForbiddenException(string message) : Exception(message);

/// <summary>
/// Roll-up of syntheses through the hierarchy. A unit's synthesis is the latest stored run of the
/// consultation restricted to the comments the unit received itself (staff edits of the run applied:
/// members follow merges, splits and moves; the edited summary is the wording), merged with the frozen
/// submissions of its children by <see cref="SynthesisMerger"/> (groups that mean the same merge, counts
/// add, the comment ids and so the source units are kept). Submitting freezes that merged synthesis for
/// the parent; submitting again replaces it, the earlier row kept for the record.
/// </summary>
public sealed class RollupService(DanYDbContext db, IPermissionService permissions, TimeProvider clock)
{
    public const int PageSize = 50;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private RollupHierarchy? _hierarchy;

    public async Task<Consultation> ConsultationAsync(int consultationId, CancellationToken cancellationToken = default) =>
        await db.Consultations.AsNoTracking().Include(c => c.Drafts).SingleOrDefaultAsync(c => c.Id == consultationId, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"Không có đợt lấy ý kiến số {consultationId} / no consultation {consultationId}.");

    public async Task<RollupHierarchy> HierarchyAsync(Consultation consultation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        return _hierarchy ??= await RollupHierarchy.LoadAsync(db, consultation.TargetUnitId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RollupUnit> UnitAsync(Consultation consultation, string unitCode, CancellationToken cancellationToken = default)
    {
        var h = await HierarchyAsync(consultation, cancellationToken).ConfigureAwait(false);
        return h.Find((unitCode ?? "").Trim())
            ?? throw new KeyNotFoundException($"Đơn vị \"{unitCode}\" không thuộc phạm vi đợt lấy ý kiến / unit \"{unitCode}\" is not in the consultation's units.");
    }

    public async Task<DateTimeOffset> DueAtAsync(Consultation consultation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        var schedule = await db.Set<RollupSchedule>().AsNoTracking().SingleOrDefaultAsync(s => s.ConsultationId == consultation.Id, cancellationToken).ConfigureAwait(false);
        return schedule?.DueAt ?? consultation.ClosesAt;
    }

    /// <summary>Sets the due date of submissions (the whole day counts). Editors of the consultation only.</summary>
    public async Task SetDueDateAsync(ClaimsPrincipal user, int consultationId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var consultation = await ConsultationAsync(consultationId, cancellationToken).ConfigureAwait(false);
        if (!await permissions.CanEditAsync(user, consultation.OwnerUnitId, cancellationToken).ConfigureAwait(false))
            throw new RollupForbiddenException("Chỉ đơn vị tổ chức đợt lấy ý kiến được đặt hạn gửi / only the consultation's unit may set the due date.");
        if (date.Year < 2000 || date.Year > 2100) throw new ArgumentException("Ngày không hợp lệ / invalid date.");
        var due = VietnamTime.EndOfDay(date);
        var schedule = await db.Set<RollupSchedule>().SingleOrDefaultAsync(s => s.ConsultationId == consultationId, cancellationToken).ConfigureAwait(false);
        if (schedule is null) db.Set<RollupSchedule>().Add(new RollupSchedule(consultationId, due));
        else schedule.SetDue(due);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> CanViewAsync(ClaimsPrincipal user, RollupUnit unit, CancellationToken cancellationToken = default) =>
        permissions.CanViewAsync(user, (unit ?? throw new ArgumentNullException(nameof(unit))).Id, cancellationToken);

    public Task<bool> CanSubmitAsync(ClaimsPrincipal user, RollupUnit unit, CancellationToken cancellationToken = default) =>
        permissions.CanEditAsync(user, (unit ?? throw new ArgumentNullException(nameof(unit))).Id, cancellationToken);

    /// <summary>The unit's merged synthesis and its children's status. The caller checks the reader may view the unit.</summary>
    public async Task<RollupView> ViewAsync(int consultationId, string unitCode, CancellationToken cancellationToken = default)
    {
        var consultation = await ConsultationAsync(consultationId, cancellationToken).ConfigureAwait(false);
        var unit = await UnitAsync(consultation, unitCode, cancellationToken).ConfigureAwait(false);
        var h = await HierarchyAsync(consultation, cancellationToken).ConfigureAwait(false);
        var run = await LatestRunAsync(consultationId, cancellationToken).ConfigureAwait(false);
        if (run is not null) await FreezePendingAsync(consultationId, run, h, cancellationToken).ConfigureAwait(false);
        var (merged, own) = await MergedAsync(consultationId, run, h, unit, cancellationToken).ConfigureAwait(false);
        var due = await DueAtAsync(consultation, cancellationToken).ConfigureAwait(false);
        var children = await ChildrenAsync(consultationId, h, unit, due, cancellationToken).ConfigureAwait(false);
        var current = await db.Set<RollupSubmission>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ConsultationId == consultationId && s.UnitId == unit.Id && s.IsCurrent, cancellationToken).ConfigureAwait(false);
        var parent = unit.RollupParentId is int p ? h.Find(p) : null;
        return new RollupView(consultation, unit, parent, run, merged, own, children, current, due, h);
    }

    /// <summary>Children expected to submit to the unit (and any other unit that did), with their status against the due date.</summary>
    public async Task<IReadOnlyList<ChildStatus>> ChildrenAsync(int consultationId, RollupHierarchy h, RollupUnit unit, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(unit);
        var submissions = await db.Set<RollupSubmission>().AsNoTracking()
            .Where(s => s.ConsultationId == consultationId && s.ParentUnitId == unit.Id && s.IsCurrent)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byUnit = submissions.GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Id).First());
        var children = h.ChildrenOf(unit.Id).ToList();
        foreach (var extra in byUnit.Keys.Where(id => children.All(c => c.Id != id)))
        {
            if (h.Find(extra) is { } u) children.Add(u);
        }
        return children
            .Select(c => byUnit.TryGetValue(c.Id, out var s) ? new ChildStatus(c, SubmissionStates.Of(s.SubmittedAt, dueAt), s) : new ChildStatus(c, SubmissionState.Missing, null))
            .OrderBy(c => c.Unit.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Submits the unit's synthesis (its merged view of the latest run) to the unit above. <paramref name="user"/> null: an operator on the command line.</summary>
    public async Task<RollupSubmission> SubmitAsync(ClaimsPrincipal? user, int consultationId, string unitCode, CancellationToken cancellationToken = default)
    {
        var consultation = await ConsultationAsync(consultationId, cancellationToken).ConfigureAwait(false);
        var unit = await UnitAsync(consultation, unitCode, cancellationToken).ConfigureAwait(false);
        var h = await HierarchyAsync(consultation, cancellationToken).ConfigureAwait(false);
        if (user is not null && !await CanSubmitAsync(user, unit, cancellationToken).ConfigureAwait(false))
            throw new RollupForbiddenException($"Bạn không có quyền gửi bản tổng hợp của đơn vị {unit.Code} / you may not submit unit {unit.Code}'s synthesis.");
        if (!unit.Participant)
        {
            string owner = h.Find(h.OwnerOf(unit.Id))?.Name ?? "";
            throw new InvalidOperationException($"Đơn vị {unit.Code} không gửi tổng hợp riêng: ý kiến của đơn vị được tính vào bản tổng hợp của {owner} / unit {unit.Code} does not submit on its own; its comments are part of {owner}'s synthesis.");
        }
        if (unit.RollupParentId is not int parentId)
            throw new InvalidOperationException($"Đơn vị {unit.Code} là cấp tổng hợp cao nhất của đợt lấy ý kiến, không gửi lên cấp trên / unit {unit.Code} is the top of this consultation's roll-up.");
        var run = await LatestRunAsync(consultationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("Chưa có bản tổng hợp của đợt lấy ý kiến; cần chạy tổng hợp trước / no stored synthesis yet: run the synthesis first.");
        await FreezePendingAsync(consultationId, run, h, cancellationToken).ConfigureAwait(false);
        var (merged, _) = await MergedAsync(consultationId, run, h, unit, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        string? userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var submission = new RollupSubmission(consultationId, unit.Id, parentId, run.Id, now, userId, user is null ? "cli" : "web");
        submission.Freeze(run.Id, JsonSerializer.Serialize(merged, Json), merged.TotalComments, merged.Sections.Sum(s => s.Groups.Count), now);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var old in await db.Set<RollupSubmission>().Where(s => s.ConsultationId == consultationId && s.UnitId == unit.Id && s.IsCurrent)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                old.Replace(now);
            }
            db.Set<RollupSubmission>().Add(submission);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return submission;
    }

    /// <summary>
    /// Opens a group of the unit's merged synthesis down to its original comments, one page at a time,
    /// showing only comments of units the reader may see (a role at ward A never shows ward B's comments,
    /// even when both reached the same parent). <paramref name="sourceUnitId"/> narrows to one source unit.
    /// </summary>
    public async Task<DrillDown> DrillDownAsync(ClaimsPrincipal user, int consultationId, string unitCode, string groupId, int? sourceUnitId, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var unit = await UnitAsync(await ConsultationAsync(consultationId, cancellationToken).ConfigureAwait(false), unitCode, cancellationToken).ConfigureAwait(false);
        if (!await CanViewAsync(user, unit, cancellationToken).ConfigureAwait(false))
            throw new RollupForbiddenException($"Bạn không có quyền xem bản tổng hợp của đơn vị {unit.Code} / you may not view unit {unit.Code}'s synthesis.");
        var view = await ViewAsync(consultationId, unitCode, cancellationToken).ConfigureAwait(false);
        var group = view.Merged.Sections.SelectMany(s => s.Groups).FirstOrDefault(g => string.Equals(g.Id, groupId, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"Không có nhóm ý kiến {groupId} / no group {groupId}.");
        var members = group.Members.Select(ParseMember).ToList();
        var sources = SourcesOf(group, view.Hierarchy);
        if (sourceUnitId is int source)
        {
            if (view.Hierarchy.Find(source) is not { } sourceUnit || !await permissions.CanViewAsync(user, sourceUnit.Id, cancellationToken).ConfigureAwait(false))
                throw new RollupForbiddenException("Bạn không có quyền xem ý kiến của đơn vị này / you may not read this unit's comments.");
            members = members.Where(m => m.UnitId == source).ToList();
        }
        var grants = await permissions.GrantsAsync(user, cancellationToken).ConfigureAwait(false);
        var visible = members.Where(m => view.Hierarchy.Find(m.UnitId) is { } u && IPermissionService.Covers(grants, u.Path, UnitRole.Viewer))
            .Select(m => m.CommentId).Distinct().Order().ToList();
        int hidden = members.Select(m => m.CommentId).Distinct().Count() - visible.Count;
        var ids = visible.Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToList();
        var comments = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new DrillDown(group, sources, comments, visible.Count, hidden);
    }

    /// <summary>Source units of a merged group (the units that received its comments), largest first.</summary>
    public static IReadOnlyList<GroupSource> SourcesOf(OpinionGroup group, RollupHierarchy h)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(h);
        return group.Members.Select(ParseMember).GroupBy(m => m.UnitId)
            .Select(g => new GroupSource(h.Find(g.Key) ?? h.Target, g.Select(m => m.CommentId).Distinct().Count()))
            .GroupBy(s => s.Unit.Id).Select(g => new GroupSource(g.First().Unit, g.Sum(s => s.Comments)))
            .OrderByDescending(s => s.Comments).ThenBy(s => s.Unit.Code, StringComparer.Ordinal).ToList();
    }

    public static SynthesisDocument Read(string json) =>
        JsonSerializer.Deserialize<SynthesisDocument>(json, Json) ?? throw new InvalidDataException("Nội dung bản tổng hợp đã gửi bị hỏng / submitted synthesis is corrupt.");

    private async Task<SynthesisRun?> LatestRunAsync(int consultationId, CancellationToken cancellationToken) =>
        await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId).OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Freezes submissions still waiting for content, when a run exists (see <see cref="FreezePendingAsync"/>).</summary>
    public async Task EnsureFrozenAsync(Consultation consultation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        if (await LatestRunAsync(consultation.Id, cancellationToken).ConfigureAwait(false) is { } run)
            await FreezePendingAsync(consultation.Id, run, await HierarchyAsync(consultation, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Submissions recorded before any run existed (the demo's) take their content from the first run
    /// available, deepest units first so that a parent's content includes its children's. Frozen once.
    /// </summary>
    private async Task FreezePendingAsync(int consultationId, SynthesisRun run, RollupHierarchy h, CancellationToken cancellationToken)
    {
        var pending = await db.Set<RollupSubmission>().Where(s => s.ConsultationId == consultationId && s.IsCurrent && s.ContentJson == "")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0) return;
        var now = clock.GetUtcNow();
        foreach (var s in pending.OrderByDescending(s => h.Find(s.UnitId)?.Path.Length ?? 0))
        {
            if (h.Find(s.UnitId) is not { } unit) continue;
            var (merged, _) = await MergedAsync(consultationId, run, h, unit, cancellationToken).ConfigureAwait(false);
            s.Freeze(run.Id, JsonSerializer.Serialize(merged, Json), merged.TotalComments, merged.Sections.Sum(x => x.Groups.Count), now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The unit's own part of the run merged with its children's current frozen submissions.</summary>
    private async Task<(SynthesisDocument Merged, SynthesisDocument Own)> MergedAsync(int consultationId, SynthesisRun? run, RollupHierarchy h, RollupUnit unit, CancellationToken cancellationToken)
    {
        var own = run is null ? Empty() : await OwnDocumentAsync(run, h, unit, cancellationToken).ConfigureAwait(false);
        var children = await db.Set<RollupSubmission>().AsNoTracking()
            .Where(s => s.ConsultationId == consultationId && s.ParentUnitId == unit.Id && s.IsCurrent && s.ContentJson != "")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var docs = children
            .Select(s => (Label: h.Find(s.UnitId)?.Code ?? s.UnitId.ToString(CultureInfo.InvariantCulture), Document: Read(s.ContentJson)))
            .OrderBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
        var merged = new SynthesisMerger(SynthesisStore.Options).Merge(own, docs);
        return (merged, own);
    }

    private static SynthesisDocument Empty() => new() { Sections = [], Noise = [] };

    /// <summary>The run restricted to the comments the unit received itself, with counts recomputed for them.</summary>
    private async Task<SynthesisDocument> OwnDocumentAsync(SynthesisRun run, RollupHierarchy h, RollupUnit unit, CancellationToken cancellationToken)
    {
        var ownUnits = h.OwnUnits(unit.Id).ToList();
        bool isTarget = unit.Id == h.Target.Id;
        var all = h.Units.Select(u => u.Id).ToList();
        long runId = run.Id;
        // The target also carries comments with no unit or from outside the subtree.
        var comments = db.Comments.AsNoTracking().Where(c => c.UnitId != null && ownUnits.Contains(c.UnitId.Value)
            || (isTarget && (c.UnitId == null || !all.Contains(c.UnitId.Value))));
        var assigned = await (from a in db.SynthesisAssignments.AsNoTracking()
                              where a.RunId == runId
                              join c in comments on a.CommentId equals c.Id
                              select new { c.Id, c.UnitId, c.Channel, c.SocialGroup, c.Stance, a.DuplicateGroup, a.Noise })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = assigned.ToDictionary(a => a.Id);
        var members = await (from m in db.SynthesisMembers.AsNoTracking()
                             where m.RunId == runId
                             join c in comments on m.CommentId equals c.Id
                             select new { m.GroupId, m.CommentId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byGroup = members.ToLookup(m => m.GroupId, m => m.CommentId);
        var groupIds = byGroup.Select(g => g.Key).ToList();
        var groups = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == runId && g.MergedIntoId == null && groupIds.Contains(g.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        int Source(int? unitId) => unitId is int u && h.Find(u) is not null ? u : h.Target.Id;
        static CountMap Count(IEnumerable<string> keys)
        {
            var map = new CountMap();
            foreach (var k in keys) map[k] = map.GetValueOrDefault(k) + 1;
            return map;
        }

        var sections = new List<SectionSynthesis>();
        foreach (var section in groups.GroupBy(g => (g.DraftId, g.SectionRef)).OrderBy(g => g.Key.DraftId).ThenBy(g => g.First().SectionOrder))
        {
            var list = new List<OpinionGroup>();
            foreach (var g in section)
            {
                var rows = byGroup[g.Id].Where(byId.ContainsKey).Select(c => byId[c]).DistinctBy(r => r.Id).ToList();
                if (rows.Count == 0) continue;
                bool whole = rows.Count == g.Comments;
                list.Add(new OpinionGroup
                {
                    Id = "g" + g.Id.ToString(CultureInfo.InvariantCulture),
                    SectionRef = SectionKey(g.DraftId, g.SectionRef),
                    Representative = g.Summary,
                    RepresentativeSources = [],
                    KeyPhrases = g.KeyPhrases.Split(" · ", StringSplitOptions.RemoveEmptyEntries),
                    Quantifier = g.Quantifier,
                    Counts = new GroupCounts
                    {
                        Comments = rows.Count,
                        Distinct = rows.Select(r => r.DuplicateGroup ?? "c" + r.Id.ToString(CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).Count(),
                        Units = rows.Select(r => Source(r.UnitId)).Distinct().Count(),
                        Campaigns = whole ? g.Campaigns : 0,
                        CampaignLetters = whole ? g.CampaignLetters : 0,
                        ByChannel = Count(rows.Select(r => r.Channel)),
                        BySocialGroup = Count(rows.Where(r => r.SocialGroup != null).Select(r => r.SocialGroup!)),
                        ByStance = Count(rows.Select(r => Stances.Code(r.Stance))),
                    },
                    Members = rows.Select(r => Member(Source(r.UnitId), r.Id)).ToList(),
                    Centroid = [],
                    Terms = TermsOf(g),
                });
            }
            if (list.Count == 0) continue;
            list = list.OrderByDescending(g => g.Counts.Comments).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();
            sections.Add(new SectionSynthesis { SectionRef = SectionKey(section.Key.DraftId, section.Key.SectionRef), Comments = list.Sum(g => g.Counts.Comments), Groups = list });
        }
        var noise = assigned.Where(a => !string.Equals(a.Noise, nameof(NoiseReason.None), StringComparison.Ordinal))
            .GroupBy(a => Enum.TryParse<NoiseReason>(a.Noise, out var reason) ? reason : NoiseReason.OffTopic)
            .OrderBy(g => g.Key)
            .Select(g => new NoiseEntry(g.Key, g.Count(), [], g.Select(a => Member(Source(a.UnitId), a.Id)).ToList()))
            .ToList();
        var families = assigned.Where(a => a.DuplicateGroup != null).ToList();
        return new SynthesisDocument
        {
            TotalComments = assigned.Count,
            NoiseComments = noise.Sum(n => n.Count),
            DuplicateComments = families.Count - families.Select(a => a.DuplicateGroup).Distinct(StringComparer.Ordinal).Count(),
            ByChannel = Count(assigned.Select(a => a.Channel)),
            Sources = [],
            Sections = sections,
            Noise = noise,
        };
    }

    /// <summary>Section keys of the consultation's drafts in heading order, with the heading to show ("Draft — I.1 Title").</summary>
    public async Task<IReadOnlyDictionary<string, (int Order, string Heading)>> HeadingsAsync(Consultation consultation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        var result = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        var draftIds = consultation.Drafts.OrderBy(d => d.Order).Select(d => d.DraftId).ToList();
        var drafts = await db.Drafts.AsNoTracking().Where(d => draftIds.Contains(d.Id)).Select(d => new { d.Id, d.Title, d.CurrentVersionId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (draft, index) in draftIds.Select((id, i) => (drafts.FirstOrDefault(d => d.Id == id), i)))
        {
            if (draft is null) continue;
            int baseOrder = index * 100_000;
            result[SectionKey(draft.Id, "")] = (baseOrder, draft.Title + " — ý kiến chung về toàn bộ dự thảo");
            var sections = await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == draft.CurrentVersionId).OrderBy(s => s.Order)
                .Select(s => new { s.Ref, s.Label, s.Title }).ToListAsync(cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < sections.Count; i++)
            {
                var s = sections[i];
                result[SectionKey(draft.Id, s.Ref)] = (baseOrder + i + 1, draft.Title + " — " + (s.Label.Length == 0 ? s.Title : s.Label + " " + s.Title));
            }
        }
        return result;
    }

    /// <summary>"draftId|sectionRef": the merger keys sections by reference, and refs repeat across drafts.</summary>
    public static string SectionKey(int draftId, string sectionRef) => draftId.ToString(CultureInfo.InvariantCulture) + "|" + sectionRef;

    public static (int DraftId, string SectionRef) ParseSectionKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int bar = key.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (0, key) : (int.Parse(key.AsSpan(0, bar), CultureInfo.InvariantCulture), key[(bar + 1)..]);
    }

    /// <summary>A member is "unitId:commentId": the unit that received the comment travels with it up the chain.</summary>
    private static string Member(int unitId, long commentId) =>
        unitId.ToString(CultureInfo.InvariantCulture) + ":" + commentId.ToString(CultureInfo.InvariantCulture);

    public static (int UnitId, long CommentId) ParseMember(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        int colon = member.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (0, long.Parse(member, CultureInfo.InvariantCulture))
            : (int.Parse(member.AsSpan(0, colon), CultureInfo.InvariantCulture), long.Parse(member.AsSpan(colon + 1), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Weighted folded words and word pairs of the group's wording, plus a term for the engine group it
    /// came from. Stored runs do not keep the engine's term profile; this rebuilds one from what is stored.
    /// The same group submitted by two wards matches fully; two different opinions merge only when their
    /// wordings are close (cosine of words ≥ 0.75), the same engine group reworded by staff from about 0.25.
    /// </summary>
    public static TermMap TermsOf(SynthesisGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var terms = new TermMap();
        foreach (string text in new[] { group.Summary, group.Representative, group.KeyPhrases })
        {
            var words = VietnameseText.Fold(text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
            for (int i = 0; i < words.Count; i++)
            {
                terms[words[i]] = terms.GetValueOrDefault(words[i]) + 0.5f;
                if (i + 1 < words.Count)
                {
                    string pair = words[i] + "_" + words[i + 1];
                    terms[pair] = terms.GetValueOrDefault(pair) + 1f;
                }
            }
        }
        double norm = Math.Sqrt(terms.Values.Sum(v => (double)v * v));
        if (norm > 0)
        {
            var scaled = new TermMap();
            foreach (var (k, v) in terms) scaled[k] = (float)(v / norm);
            terms = scaled;
        }
        terms["#" + group.DraftId.ToString(CultureInfo.InvariantCulture) + "/" + group.EngineGroupId] = 0.7f;
        return terms;
    }
}
