using DanY.Domain;
using DanY.Documents.Drafts;
using DanY.Domain.Consultations;
using DanY.Domain.Units;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DanY.Infrastructure.Seed;

/// <summary>
/// Demo consultations for Tỉnh Bắc Ninh: the congress, its draft Political Report (Markdown embedded
/// beside this file, imported through DanY.Documents), one open consultation (window around
/// 23/11/2026), one closed one, a few conferences and a few thousand generated comments spread over
/// the province's communes.
/// </summary>
public sealed class ConsultationDemoSeeder(DanYDbContext db)
{
    public const string OpenTitle = "Lấy ý kiến Nhân dân vào dự thảo Báo cáo chính trị Đại hội đại biểu Đảng bộ tỉnh Bắc Ninh nhiệm kỳ 2025–2030";
    public const string ClosedTitle = "Lấy ý kiến vào dự thảo Đề án nâng cao hiệu quả thiết chế văn hóa cơ sở";
    public const int GeneratedComments = 3000;

    private const string ClosedDraftMarkdown = """
        # DỰ THẢO ĐỀ ÁN NÂNG CAO HIỆU QUẢ HOẠT ĐỘNG CỦA THIẾT CHẾ VĂN HÓA CƠ SỞ GIAI ĐOẠN 2026–2030

        ## I. Sự cần thiết xây dựng Đề án {#I}

        Sau khi sắp xếp đơn vị hành chính, nhiều nhà văn hóa thôn, khu phố cần được sắp xếp lại, bảo đảm phục vụ sinh hoạt cộng đồng.

        ## II. Mục tiêu {#II}

        Đến năm 2030, 100% thôn, khu phố có nhà văn hóa đạt chuẩn; mỗi xã, phường có ít nhất một sân thể thao phục vụ Nhân dân.

        ## III. Nhiệm vụ và giải pháp {#III}

        Huy động xã hội hóa, sử dụng hiệu quả nhà văn hóa dôi dư sau sắp xếp; phát triển các câu lạc bộ Quan họ, thể dục thể thao.
        """;

    public static string PoliticalReportMarkdown()
    {
        using var stream = typeof(ConsultationDemoSeeder).Assembly.GetManifestResourceStream("DanY.Seed.demo-political-report.md")
            ?? throw new InvalidOperationException("demo-political-report.md is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task SeedAsync(IReadOnlyDictionary<string, Unit> byCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(byCode);
        var province = byCode[DemoSeeder.DemoProvinceCode];
        var partyCommittee = byCode["24.TU"];
        var board = byCode["24.TU.BTGDV"];
        var now = DateTimeOffset.UtcNow;

        var congress = new Congress(partyCommittee.Id, UnitLevel.Province, "XXI", 2025, 2030,
            "Đại hội đại biểu Đảng bộ tỉnh Bắc Ninh lần thứ XXI, nhiệm kỳ 2025–2030");
        db.Congresses.Add(congress);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var report = new Draft(congress.Id, "Dự thảo Báo cáo chính trị");
        var project = new Draft(congress.Id, "Dự thảo Đề án thiết chế văn hóa cơ sở");
        db.Drafts.AddRange(report, project);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await DraftVersions.ImportAsync(db, report, "bao-cao-chinh-tri.md", MarkdownDraftReader.Parse(PoliticalReportMarkdown()), now, cancellationToken).ConfigureAwait(false);
        await DraftVersions.ImportAsync(db, project, "de-an-thiet-che-van-hoa.md", MarkdownDraftReader.Parse(ClosedDraftMarkdown), now, cancellationToken).ConfigureAwait(false);

        var open = new Consultation(OpenTitle, board.Id, province.Id,
            VietnamTime.FromLocal(new DateOnly(2026, 9, 1), TimeOnly.MinValue), VietnamTime.EndOfDay(new DateOnly(2027, 2, 28)),
            [CommentChannels.Portal, CommentChannels.Conference, CommentChannels.Congress, CommentChannels.Letter, CommentChannels.Intake],
            ["Công nhân", "Nông dân", "Trí thức", "Doanh nhân", "Cựu chiến binh", "Thanh niên", "Phụ nữ", "Cán bộ hưu trí"]);
        open.AddDraft(report.Id);
        open.Publish();
        var closed = new Consultation(ClosedTitle, board.Id, province.Id,
            VietnamTime.FromLocal(new DateOnly(2026, 3, 1), TimeOnly.MinValue), VietnamTime.EndOfDay(new DateOnly(2026, 6, 30)),
            [CommentChannels.Portal, CommentChannels.Conference], []);
        closed.AddDraft(project.Id);
        closed.Publish();
        closed.Close();
        db.Consultations.AddRange(open, closed);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var conferences = new[]
        {
            new Conference(open.Id, partyCommittee.Id, ConferenceChair.StandingCommittee, "Hội nghị lấy ý kiến cán bộ lão thành cách mạng, nguyên lãnh đạo tỉnh qua các thời kỳ",
                "Cựu chiến binh, nguyên lãnh đạo", new DateOnly(2026, 10, 8), "Hội trường Tỉnh ủy Bắc Ninh", 85, CommentChannels.Conference),
            new Conference(open.Id, byCode["24.MTTQ"].Id, ConferenceChair.FatherlandFront, "Hội nghị phản biện của trí thức, văn nghệ sĩ",
                "Trí thức, văn nghệ sĩ", new DateOnly(2026, 10, 22), "Trụ sở Ủy ban MTTQ tỉnh", 60, CommentChannels.Conference),
            new Conference(open.Id, byCode["24.MTTQ"].Id, ConferenceChair.FatherlandFront, "Hội nghị lấy ý kiến đại diện doanh nghiệp trong khu công nghiệp",
                "Doanh nghiệp", new DateOnly(2026, 11, 5), "Khu công nghiệp Quế Võ", 120, CommentChannels.Conference),
        };
        db.Conferences.AddRange(conferences);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var version = await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == report.CurrentVersionId).OrderBy(s => s.Order)
            .Select(s => s.Ref).ToListAsync(cancellationToken).ConfigureAwait(false);
        var communes = byCode.Values.Where(u => u.Kind == UnitKind.AdministrativeArea && u.Level == UnitLevel.Commune && u.ParentId == province.Id)
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        bool auditing = db.AuditingEnabled;
        db.AuditingEnabled = false;
        try
        {
            var generator = new DemoCommentGenerator(seed: 2026);
            var end = now < open.ClosesAt ? now : open.ClosesAt;
            foreach (var g in generator.Generate(GeneratedComments, version, communes.Select(c => c.Id).ToList(), conferences.Select(c => c.Id).ToList(), open.OpensAt, end))
            {
                db.Comments.Add(new Comment(Receipts.New(), "demo-" + g.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    open.Id, report.Id, report.CurrentVersionId, g.SectionRef, g.Stance, g.Text, g.Channel, g.UnitId, g.Group, g.ConferenceId,
                    CommentSql.ContentHash(g.Text), g.At));
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.AuditingEnabled = auditing;
        }
    }
}

/// <summary>
/// Realistic demo opinions: a handful of hand-written ones per theme, varied by openings, closings,
/// local details and the occasional resubmission (the same text sent twice), so that the synthesis
/// workspace has exact and near duplicates, stances and groups to work with.
/// </summary>
public sealed class DemoCommentGenerator(int seed)
{
    public sealed record Generated(int Sequence, string? SectionRef, Stance Stance, string Text, string Channel, int? UnitId, string? Group, int? ConferenceId, DateTimeOffset At);

    private static readonly (string Prefix, Stance Stance, string[] Opinions)[] Themes =
    [
        ("I.1.1", Stance.Agree, [
            "Dự thảo đánh giá đúng kết quả tăng trưởng kinh tế của tỉnh trong nhiệm kỳ qua.",
            "Nhất trí với nhận định công nghiệp là động lực tăng trưởng, đề nghị nêu rõ thêm đóng góp của doanh nghiệp trong nước.",
        ]),
        ("I.2.1", Stance.Partly, [
            "Phần hạn chế cần nói thẳng hơn về ô nhiễm ở các làng nghề tái chế giấy, nhựa.",
            "Cần bổ sung hạn chế về nhà ở và trường học cho con em công nhân khu công nghiệp.",
            "Đề nghị đánh giá thêm việc giải quyết thủ tục hành chính sau khi sắp xếp xã, phường còn chậm.",
        ]),
        ("II.2", Stance.Partly, [
            "Chỉ tiêu tăng trưởng 10–11% là rất cao, đề nghị cân nhắc cho phù hợp thực tế.",
            "Đề nghị bổ sung chỉ tiêu về tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ.",
            "Nên có chỉ tiêu cụ thể về số nhà ở xã hội hoàn thành cho công nhân.",
        ]),
        ("II.3.1", Stance.Agree, [
            "Đồng ý ưu tiên công nghiệp bán dẫn nhưng cần chú ý đào tạo nhân lực tại chỗ.",
            "Đề nghị có chính sách hỗ trợ nông dân liên kết sản xuất theo chuỗi giá trị.",
        ]),
        ("II.3.2", Stance.Agree, [
            "Chuyển đổi số cần quan tâm người cao tuổi, hướng dẫn họ sử dụng dịch vụ công trực tuyến.",
            "Đề nghị phủ sóng internet tốc độ cao đến tất cả các thôn, khu phố.",
        ]),
        ("II.3.3", Stance.Agree, [
            "Cần có chính sách đãi ngộ nghệ nhân Quan họ, ca trù để truyền dạy cho thế hệ trẻ.",
            "Đề nghị xây dựng thêm thiết chế văn hóa, sân chơi cho thanh thiếu nhi ở khu dân cư đông công nhân.",
        ]),
        ("II.3.4", Stance.Agree, [
            "Đề nghị tăng phụ cấp cho người hoạt động không chuyên trách ở thôn, khu phố.",
            "Cần quan tâm hơn đến chế độ cho người cao tuổi cô đơn, không nơi nương tựa.",
            "Bệnh viện tuyến xã còn thiếu bác sĩ, đề nghị có chính sách thu hút.",
        ]),
        ("II.3.5", Stance.Disagree, [
            "Chưa đồng tình vì giải pháp xử lý ô nhiễm làng nghề còn chung chung, cần lộ trình và địa chỉ trách nhiệm cụ thể.",
            "Tình trạng đổ trộm rác thải ra đê, ra ruộng vẫn diễn ra, dự thảo cần có giải pháp mạnh hơn.",
        ]),
        ("II.3.6", Stance.Agree, [
            "Đề nghị tăng cường phòng chống lừa đảo qua mạng, nhất là với người cao tuổi.",
            "Cần giải quyết dứt điểm các vụ việc khiếu nại về đất đai kéo dài.",
        ]),
        ("II.3.7", Stance.Partly, [
            "Đề nghị bổ sung cơ chế bảo vệ cán bộ dám nghĩ, dám làm, dám chịu trách nhiệm.",
            "Cần đánh giá cán bộ bằng kết quả cụ thể và sự hài lòng của Nhân dân.",
            "Sau sắp xếp, cán bộ cấp xã quá tải công việc, đề nghị bổ sung biên chế hợp lý.",
        ]),
    ];

    private static readonly string[] WholeDraft =
    [
        "Tôi hoàn toàn nhất trí với dự thảo Báo cáo chính trị.",
        "Dự thảo được chuẩn bị công phu, bố cục chặt chẽ, tôi đồng ý.",
        "Đề nghị rút gọn dự thảo, viết ngắn gọn, dễ hiểu hơn để người dân dễ tiếp cận.",
    ];

    private static readonly string[] Openings = ["", "", "Theo tôi, ", "Tôi đề nghị: ", "Ý kiến của tôi: ", "Là người dân địa phương, tôi thấy "];
    private static readonly string[] Closings = ["", "", "", " Xin cảm ơn.", " Mong được tiếp thu.", " Trân trọng."];
    private static readonly string[] Groups = ["Công nhân", "Nông dân", "Trí thức", "Doanh nhân", "Cựu chiến binh", "Thanh niên", "Phụ nữ", "Cán bộ hưu trí"];

    private readonly Random _random = new(seed);

    public IEnumerable<Generated> Generate(int count, IReadOnlyList<string> sectionRefs, IReadOnlyList<int> unitIds, IReadOnlyList<int> conferenceIds, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(sectionRefs);
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(conferenceIds);
        var known = sectionRefs.ToHashSet(StringComparer.Ordinal);
        double span = Math.Max(1, (to - from).TotalSeconds);
        string? previous = null;
        for (int i = 0; i < count; i++)
        {
            string? section;
            Stance stance;
            string text;
            if (previous is not null && _random.NextDouble() < 0.04)
            {
                // A resubmission: the same person sends the same text again.
                text = previous;
                section = null;
                stance = Stance.Agree;
            }
            else if (_random.NextDouble() < 0.12)
            {
                section = null;
                text = WholeDraft[_random.Next(WholeDraft.Length)];
                stance = text.Contains("rút gọn", StringComparison.Ordinal) ? Stance.Partly : Stance.Agree;
            }
            else
            {
                var theme = Themes[_random.Next(Themes.Length)];
                section = known.Contains(theme.Prefix) ? theme.Prefix : null;
                stance = _random.NextDouble() < 0.8 ? theme.Stance : (Stance)_random.Next(3);
                string opinion = theme.Opinions[_random.Next(theme.Opinions.Length)];
                string opening = Openings[_random.Next(Openings.Length)];
                if (opening.Length > 0) opinion = opening + char.ToLowerInvariant(opinion[0]) + opinion[1..];
                text = opinion + Closings[_random.Next(Closings.Length)];
            }
            previous = text;
            double roll = _random.NextDouble();
            string channel = roll < 0.7 ? CommentChannels.Portal : roll < 0.85 ? CommentChannels.Conference : roll < 0.95 ? CommentChannels.Congress : CommentChannels.Letter;
            int? conference = channel == CommentChannels.Conference && conferenceIds.Count > 0 ? conferenceIds[_random.Next(conferenceIds.Count)] : null;
            yield return new Generated(i + 1, section, stance, text, channel,
                unitIds.Count == 0 ? null : unitIds[_random.Next(unitIds.Count)],
                _random.NextDouble() < 0.6 ? Groups[_random.Next(Groups.Length)] : null,
                conference, from.AddSeconds(_random.NextDouble() * span));
        }
    }
}
