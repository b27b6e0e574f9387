using System.Globalization;
using DanY.Documents.Reports;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Domain.Units;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Synthesis;

/// <summary>The report, its appendix rows and the figures printed in it (kept for checks).</summary>
public sealed record SynthesisReport(ReportDocument Document, SynthesisReportFigures Figures);

/// <summary>Numbers the report prints, computed from the database.</summary>
public sealed record SynthesisReportFigures(int Comments, int Conferences, int Participants, IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> ByDraft, int ReportedGroups);

/// <summary>One row of the appendix: a comment and the group it went to. No identity data ever: comments are anonymous.</summary>
public sealed record AppendixRow(long Id, DateTimeOffset SubmittedAt, string Draft, string Section, string Channel, string Unit, string SocialGroup,
    string Stance, string Text, long? GroupId, string GroupSummary, string Quantifier, string? DuplicateGroup, string Noise);

/// <summary>
/// Builds the synthesis report in the Party layout (36-HD/VPTW) for Party units and the state layout
/// (ND 30/2020) otherwise: I. organisation, II. results per draft in heading order with the quantifier
/// phrase beside the raw counts, III. recommendations for staff to complete. Every number comes from the
/// database: totals from the comments table, group counts from the stored synthesis.
/// </summary>
public sealed class SynthesisReportBuilder(DanYDbContext db, TimeProvider clock)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Groups with this phrase are listed in the appendix, not one by one in the report, unless staff mark them substantial.</summary>
    public const string IsolatedPhrase = "ý kiến cá biệt";

    public async Task<SynthesisReport> BuildAsync(int consultationId, string unitCode, CancellationToken cancellationToken = default)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Drafts)
            .SingleOrDefaultAsync(c => c.Id == consultationId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Không có đợt lấy ý kiến số {consultationId} / no consultation {consultationId}.");
        var unit = await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Code == unitCode, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Không có đơn vị mã \"{unitCode}\" / no unit with code \"{unitCode}\".");
        var run = await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId).OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Đợt lấy ý kiến {consultationId} chưa được tổng hợp; hãy chạy \"synthesis run\" trước / consultation {consultationId} has no synthesis yet: run \"synthesis run\" first.");

        var draftOrder = consultation.Drafts.OrderBy(d => d.Order).Select(d => d.DraftId).ToList();
        var drafts = await db.Drafts.AsNoTracking().Where(d => draftOrder.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken).ConfigureAwait(false);
        var conferences = await db.Conferences.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Date).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Comments set aside on the moderation queue count as received and are reported as noise with their reason.
        var received = db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId);
        var setAside = (await Labelling.ModerationService.SetAsideReasonsAsync(db, consultationId, cancellationToken).ConfigureAwait(false))
            .GroupBy(kv => kv.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        int total = await received.CountAsync(cancellationToken).ConfigureAwait(false);
        var byChannel = (await received.GroupBy(c => c.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.Count, StringComparer.Ordinal);
        var byDraft = (await received.GroupBy(c => c.DraftId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(x => x.Key, x => x.Count);
        var groups = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == run.Id && g.MergedIntoId == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sectionTitles = new Dictionary<(int, string), string>();
        foreach (var draft in drafts.Values)
        {
            if (draft.CurrentVersionId is not int v) continue;
            foreach (var s in await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == v).Select(s => new { s.Ref, s.Label, s.Title })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
                sectionTitles[(draft.Id, s.Ref)] = s.Label.Length == 0 ? s.Title : s.Label + " " + s.Title;
        }

        bool party = unit.System == UnitSystem.Party;
        string issuer = unit.Name;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VietnamZone()).DateTime);
        var body = new List<ReportBlock>
        {
            new ReportParagraph($"Thực hiện kế hoạch {Lower(consultation.Title)}, {issuer} báo cáo kết quả tổng hợp ý kiến như sau:"),
            new ReportHeading(1, "Tình hình tổ chức lấy ý kiến"),
            new ReportHeading(2, "Hội nghị lấy ý kiến"),
        };
        int participants = conferences.Sum(c => c.Attendance);
        if (conferences.Count == 0)
        {
            body.Add(new ReportParagraph("Không tổ chức hội nghị lấy ý kiến trong đợt này."));
        }
        else
        {
            body.Add(new ReportParagraph($"Đã tổ chức {ReportText.Number(conferences.Count)} hội nghị với {ReportText.Number(participants)} lượt người tham dự."));
            body.Add(new ReportTable(["STT", "Ngày", "Hội nghị", "Thành phần", "Số người dự"],
                [.. conferences.Select((c, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), c.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    c.Title, c.InvitedGroup, ReportText.Number(c.Attendance)]),
                 ["", "", "Tổng cộng", "", ReportText.Number(participants)]],
                [0.6, 1.4, 4, 2.2, 1.3], "Các hội nghị lấy ý kiến", BoldLastRow: true));
        }
        body.Add(new ReportHeading(2, "Số ý kiến góp ý"));
        body.Add(new ReportParagraph($"Tổng số ý kiến góp ý nhận được: {ReportText.Number(total)} ý kiến."));
        body.Add(new ReportTable(["Kênh tiếp nhận", "Số ý kiến", "Tỷ lệ"],
            [.. byChannel.Select(kv => (IReadOnlyList<string>)[CommentChannels.Label(kv.Key), ReportText.Number(kv.Value), ReportText.Percent(kv.Value, total)]),
             ["Tổng cộng", ReportText.Number(total), total == 0 ? "" : ReportText.Percent(total, total)]],
            [4, 1.5, 1.5], "Số ý kiến theo kênh tiếp nhận", BoldLastRow: true));
        body.Add(new ReportTable(["Dự thảo", "Số ý kiến"],
            [.. draftOrder.Select(id => (IReadOnlyList<string>)[drafts.TryGetValue(id, out var d) ? d.Title : id.ToString(CultureInfo.InvariantCulture), ReportText.Number(byDraft.GetValueOrDefault(id))]),
             ["Tổng cộng", ReportText.Number(total)]],
            [5, 1.5], "Số ý kiến theo dự thảo", BoldLastRow: true));
        if (byChannel.Count > 0)
        {
            body.Add(new ReportImage(ReportCharts.Bar("Số ý kiến theo kênh tiếp nhận", [.. byChannel.Keys.Select(CommentChannels.Label)], [.. byChannel.Values.Select(v => (double)v)], "ý kiến"),
                140, "Biểu đồ: số ý kiến theo kênh tiếp nhận"));
        }
        // Dashboard charts (per day, per section) from the same aggregates as the dashboard page, over the same comments as the totals above.
        body.AddRange(Dashboards.DashboardReportBlocks.For(await new Dashboards.DashboardQueries(db, clock).BuildAsync(consultationId, null, cancellationToken).ConfigureAwait(false)));

        body.Add(new ReportHeading(1, "Kết quả tổng hợp ý kiến"));
        body.Add(new ReportHeading(2, "Ý kiến chung"));
        body.Add(new ReportParagraph($"Trong {ReportText.Number(total)} ý kiến, {ReportText.Number(run.DuplicateComments)} ý kiến trùng lặp (gửi lại hoặc theo mẫu) được tính một lần; "
            + $"{ReportText.Number(run.NoiseComments)} ý kiến không liên quan hoặc không có nội dung được để riêng, không đưa vào tổng hợp (vẫn lưu đầy đủ trong phụ lục)"
            + (setAside.Count == 0 ? "." : $", trong đó {ReportText.Number(setAside.Sum(g => g.Count()))} ý kiến do cán bộ kiểm duyệt để riêng ("
                + string.Join("; ", setAside.Select(g => $"{(g.Key.Length == 0 ? "không ghi lý do" : g.Key.ToLower(CultureInfo.GetCultureInfo("vi-VN")))}: {ReportText.Number(g.Count())}")) + ").")));
        int reported = 0;
        var general = groups.Where(g => g.SectionRef.Length == 0).ToList();
        if (general.Count == 0) body.Add(new ReportParagraph("Không có ý kiến chung về toàn bộ dự thảo."));
        foreach (var g in Ordered(general))
        {
            body.Add(new ReportBullet(Sentence(g)));
            reported++;
        }
        body.Add(new ReportHeading(2, "Ý kiến cụ thể"));
        foreach (int draftId in draftOrder)
        {
            string title = drafts.TryGetValue(draftId, out var d) ? d.Title : draftId.ToString(CultureInfo.InvariantCulture);
            body.Add(new ReportHeading(3, $"{title} ({ReportText.Number(byDraft.GetValueOrDefault(draftId))} ý kiến)"));
            var sections = groups.Where(g => g.DraftId == draftId && g.SectionRef.Length > 0).GroupBy(g => (g.SectionOrder, g.SectionRef)).OrderBy(s => s.Key.SectionOrder)
                .ThenBy(s => s.Key.SectionRef, StringComparer.Ordinal).ToList();
            if (sections.Count == 0) body.Add(new ReportParagraph("Chưa có ý kiến góp ý cụ thể."));
            foreach (var section in sections)
            {
                string heading = sectionTitles.GetValueOrDefault((draftId, section.Key.SectionRef)) ?? section.Key.SectionRef;
                body.Add(new ReportParagraph([new ReportRun(heading, Bold: true, Italic: true)]));
                var shown = section.Where(g => !IsIsolated(g) || g.IsolatedSubstantial).ToList();
                foreach (var g in Ordered(shown))
                {
                    body.Add(new ReportBullet(Sentence(g)));
                    reported++;
                }
                int isolated = section.Count(g => IsIsolated(g) && !g.IsolatedSubstantial);
                if (isolated > 0)
                    body.Add(new ReportParagraph([new ReportRun($"Ngoài ra có {ReportText.Number(isolated)} ý kiến cá biệt khác (xem phụ lục).", Italic: true)]));
            }
        }
        body.Add(new ReportHeading(2, "Ý kiến cá biệt có nội dung đáng chú ý"));
        var substantial = groups.Where(g => g.IsolatedSubstantial).ToList();
        if (substantial.Count == 0) body.Add(new ReportParagraph("Chưa có ý kiến cá biệt được đánh dấu để báo cáo riêng."));
        foreach (var g in Ordered(substantial)) body.Add(new ReportBullet($"{g.Summary} ({Counts(g)})"));

        body.Add(new ReportHeading(1, "Kiến nghị, đề xuất"));
        var adopted = groups.Where(g => g.Decision != GroupDecision.None).ToList();
        foreach (var g in Ordered(adopted))
            body.Add(new ReportBullet($"{SynthesisGroup.DecisionLabel(g.Decision)}: {g.Summary}{(g.DecisionNote is { } n ? " — " + n : "")} ({Counts(g)})"));
        body.Add(new ReportParagraph([new ReportRun("(Cán bộ tổng hợp bổ sung kiến nghị, đề xuất của đơn vị.)", Italic: true)]));
        body.Add(new ReportParagraph([new ReportRun($"Số liệu trong báo cáo lấy từ bản tổng hợp số {run.Id.ToString(CultureInfo.InvariantCulture)} lập ngày {TimeZoneInfo.ConvertTime(run.CreatedAt, VietnamZone()).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} "
            + $"(phiên bản bộ máy tổng hợp {run.EngineVersion}); cụm từ định lượng luôn đi kèm số ý kiến cụ thể.", Italic: true)]));

        var document = new ReportDocument
        {
            System = party ? DocumentSystem.Party : DocumentSystem.State,
            SuperiorBody = unit.Parent is { Kind: not UnitKind.AdministrativeArea } parent ? parent.Name.ToUpper(Vietnamese) : null,
            IssuingBody = issuer.ToUpper(Vietnamese),
            Number = party ? "    -BC/" + PartyCode(unit) : "    /BC-" + StateCode(unit),
            Place = await PlaceAsync(unit, cancellationToken).ConfigureAwait(false),
            Date = today,
            TypeTitle = "BÁO CÁO",
            Summary = "Kết quả " + Lower(consultation.Title),
            Body = body,
            Signature = party
                ? (unit.Kind == UnitKind.PartyCommittee ? new ReportSignature("T/M BAN THƯỜNG VỤ", "BÍ THƯ") : new ReportSignature("", "TRƯỞNG BAN"))
                : new ReportSignature("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
            Recipients = unit.Parent is null ? ["Lưu Văn phòng."] : ["Cấp ủy, tổ chức cấp trên (để báo cáo),", "Lưu Văn phòng."],
        };
        return new SynthesisReport(document, new SynthesisReportFigures(total, conferences.Count, participants, byChannel,
            byDraft.ToDictionary(kv => drafts.TryGetValue(kv.Key, out var d) ? d.Title : kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value, StringComparer.Ordinal), reported));
    }

    /// <summary>Every received comment of the consultation with its main group in the latest run, in id order, streamed.</summary>
    public async IAsyncEnumerable<AppendixRow> AppendixAsync(int consultationId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var run = await db.SynthesisRuns.AsNoTracking().Where(r => r.ConsultationId == consultationId).OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        long runId = run?.Id ?? -1;
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken).ConfigureAwait(false);
        var drafts = await db.Drafts.AsNoTracking().Select(d => new { d.Id, d.Title }).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken).ConfigureAwait(false);
        var groups = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == runId)
            .Select(g => new { g.Id, g.Summary, g.Quantifier, g.MergedIntoId }).ToDictionaryAsync(g => g.Id, cancellationToken).ConfigureAwait(false);
        var assignments = await db.SynthesisAssignments.AsNoTracking().Where(a => a.RunId == runId)
            .Select(a => new { a.CommentId, a.GroupId, a.DuplicateGroup, a.Noise }).ToDictionaryAsync(a => a.CommentId, cancellationToken).ConfigureAwait(false);
        // Only columns of the comments table: identities live in another table and are never read here.
        var query = db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.SubmittedAt, c.DraftId, c.SectionRef, c.Channel, c.UnitId, c.SocialGroup, c.Stance, c.Text });
        await foreach (var c in query.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var a = assignments.GetValueOrDefault(c.Id);
            long? groupId = a?.GroupId;
            while (groupId is long gid && groups.TryGetValue(gid, out var gg) && gg.MergedIntoId is long into) groupId = into;
            var g = groupId is long id2 ? groups.GetValueOrDefault(id2) : null;
            yield return new AppendixRow(c.Id, c.SubmittedAt, drafts.GetValueOrDefault(c.DraftId) ?? "", c.SectionRef ?? "(toàn văn)", CommentChannels.Label(c.Channel),
                c.UnitId is int u ? units.GetValueOrDefault(u) ?? "" : "", c.SocialGroup ?? "", Stances.Label(c.Stance), c.Text, g?.Id, g?.Summary ?? "", g?.Quantifier ?? "",
                a?.DuplicateGroup, a is null ? "Chưa tổng hợp" : NoiseLabel(a.Noise));
        }
    }

    public async Task WriteAppendixAsync(int consultationId, Stream output, CancellationToken cancellationToken = default)
    {
        var rows = new List<AppendixRow>();
        await foreach (var row in AppendixAsync(consultationId, cancellationToken).ConfigureAwait(false)) rows.Add(row);
        XlsxTableWriter.Write<AppendixRow>(output, "Ý kiến", [
            new("Mã ý kiến", r => r.Id, 11),
            new("Ngày nhận", r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.SubmittedAt, VietnamZone()).DateTime), 12),
            new("Dự thảo", r => r.Draft, 24),
            new("Mục", r => r.Section, 10),
            new("Kênh", r => r.Channel, 18),
            new("Đơn vị", r => r.Unit, 22),
            new("Tầng lớp", r => r.SocialGroup, 14),
            new("Thái độ", r => r.Stance, 14),
            new("Nội dung ý kiến", r => r.Text, 60),
            new("Mã nhóm", r => r.GroupId, 9),
            new("Nhóm ý kiến", r => r.GroupSummary, 50),
            new("Mức độ", r => r.Quantifier, 16),
            new("Trùng lặp", r => r.DuplicateGroup, 12),
            new("Loại trừ", r => r.Noise, 18),
        ], rows);
    }

    public static string NoiseLabel(string noise) => noise switch
    {
        "None" => "",
        "Empty" => "Không có nội dung",
        "Spam" => "Quảng cáo, rác",
        "FormulaOnly" => "Chỉ có lời chào, cảm ơn",
        "OffTopic" => "Không liên quan dự thảo",
        _ when noise.StartsWith(Domain.Labelling.ModerationDecision.NoisePrefix, StringComparison.Ordinal) =>
            "Cán bộ kiểm duyệt để riêng: " + noise[Domain.Labelling.ModerationDecision.NoisePrefix.Length..],
        _ => noise,
    };

    private static bool IsIsolated(SynthesisGroup g) => string.Equals(g.Quantifier, IsolatedPhrase, StringComparison.Ordinal);

    private static IEnumerable<SynthesisGroup> Ordered(IEnumerable<SynthesisGroup> groups) =>
        groups.OrderBy(g => g.DraftId).ThenBy(g => g.SectionOrder).ThenByDescending(g => g.Comments).ThenBy(g => g.Id);

    /// <summary>"Nhiều ý kiến (412 ý kiến, 398 sau khi gộp trùng, 57 đơn vị; 30,1%): ...". The phrase is never printed without its numbers.</summary>
    public static string Sentence(SynthesisGroup g)
    {
        ArgumentNullException.ThrowIfNull(g);
        string phrase = g.Quantifier.Length == 0 ? "Có ý kiến" : char.ToUpper(g.Quantifier[0], Vietnamese) + g.Quantifier[1..];
        string decision = g.Decision == GroupDecision.None ? "" : $" [{SynthesisGroup.DecisionLabel(g.Decision)}{(g.DecisionNote is { } n ? ": " + n : "")}]";
        string summary = g.Summary.TrimEnd();
        if (summary.Length > 0 && !".!?…".Contains(summary[^1], StringComparison.Ordinal)) summary += ".";
        return $"{phrase} ({Counts(g)}): {summary}{decision}";
    }

    public static string Counts(SynthesisGroup g)
    {
        ArgumentNullException.ThrowIfNull(g);
        string text = $"{ReportText.Number(g.Comments)} ý kiến";
        if (g.Distinct != g.Comments) text += $", {ReportText.Number(g.Distinct)} sau khi gộp trùng";
        text += $", {ReportText.Number(g.Units)} đơn vị";
        if (g.Campaigns > 0) text += $", {ReportText.Number(g.CampaignLetters)} thư theo mẫu từ {ReportText.Number(g.Campaigns)} chiến dịch";
        return text;
    }

    private async Task<string> PlaceAsync(Unit unit, CancellationToken cancellationToken)
    {
        // The place is the province (or the commune for a commune unit) the unit sits in.
        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var areas = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Kind == UnitKind.AdministrativeArea && u.Level != UnitLevel.Central)
            .Select(u => new { u.Name, u.Level }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var area = areas.OrderByDescending(a => a.Level).FirstOrDefault()?.Name ?? unit.Name;
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu " })
            if (area.StartsWith(prefix, StringComparison.Ordinal)) return area[prefix.Length..];
        return area;
    }

    private static string PartyCode(Unit unit) => unit.Kind switch
    {
        UnitKind.PartyCommittee when unit.Level <= UnitLevel.Province => "TU",
        UnitKind.PartyCommittee => "ĐU",
        UnitKind.PartyCell => "CB",
        UnitKind.Board when unit.Name.Contains("Tuyên giáo", StringComparison.Ordinal) => "BTGDVTU",
        UnitKind.Board when unit.Name.Contains("Tổ chức", StringComparison.Ordinal) => "BTCTU",
        _ => "ĐU",
    };

    private static string StateCode(Unit unit) => unit.Kind switch
    {
        UnitKind.FatherlandFront => "MTTQ",
        UnitKind.TradeUnion => "LĐLĐ",
        UnitKind.YouthUnion => "ĐTN",
        UnitKind.WomenUnion => "HLHPN",
        UnitKind.Association => "HỘI",
        _ => "UBND",
    };

    private static string Lower(string title) => title.Length == 0 ? title : char.ToLower(title[0], Vietnamese) + title[1..];

    private static TimeZoneInfo VietnamZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        }
    }
}
