using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DanY.Domain;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Consultations;
using DanY.Web.Shared;

namespace DanY.Web.Features.Portal;

/// <summary>What the citizen typed, sent back with the errors when a submission is refused.</summary>
internal sealed record FormState(
    string? Stance = null,
    string? Text = null,
    bool Consent = false,
    string? Name = null,
    string? Contact = null,
    string? Locality = null,
    string? Group = null,
    IReadOnlyDictionary<string, string>? Errors = null)
{
    public static readonly FormState Empty = new();
}

/// <summary>
/// Renders the portal pages. A section page depends only on the consultation's state and the
/// immutable draft version, so it is rendered once and served as bytes; only the idempotency key of
/// the form differs per request, and it is written between the two cached halves.
/// </summary>
internal sealed class PortalPages
{
    public const string KeyPlaceholder = "\u0001KEY\u0001";
    private const int MaxCachedPages = 20_000;
    private static readonly CultureInfo Vi = PlatformExtensions.Vietnamese;
    private readonly ConcurrentDictionary<string, (byte[] Head, byte[] Tail)> _cache = new(StringComparer.Ordinal);

    public static string Date(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy", Vi);

    public static string DateTime(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", Vi);

    /// <summary>The window as people read it: the closing instant is exclusive, so the last day shown is the day before midnight.</summary>
    public static string Window(ConsultationInfo c) => Date(c.OpensAt) + " – " + Date(c.ClosesAt.AddTicks(-1));

    public static string SectionUrl(ConsultationInfo c, int draftId, string reference) =>
        FormattableString.Invariant($"/p/{c.Id}/drafts/{draftId}/sections/{Uri.EscapeDataString(reference)}");

    public (byte[] Head, byte[] Tail) CachedSection(ConsultationInfo c, DraftText text, SectionView section, bool accepting)
    {
        string key = string.Create(CultureInfo.InvariantCulture,
            $"{c.Id}|{text.DraftId}|{text.VersionId}|{section.Ref}|{accepting}|{c.Status}|{c.OpensAt.UtcTicks}|{c.ClosesAt.UtcTicks}|{c.Title}");
        if (_cache.TryGetValue(key, out var hit)) return hit;
        if (_cache.Count > MaxCachedPages) _cache.Clear();
        string html = Section(c, text, section, accepting, FormState.Empty);
        int at = html.IndexOf(KeyPlaceholder, StringComparison.Ordinal);
        var parts = at < 0
            ? (Encoding.UTF8.GetBytes(html), Array.Empty<byte>())
            : (Encoding.UTF8.GetBytes(html[..at]), Encoding.UTF8.GetBytes(html[(at + KeyPlaceholder.Length)..]));
        _cache[key] = parts;
        return parts;
    }

    public static string Home(IReadOnlyList<ConsultationInfo> consultations, DateTimeOffset now)
    {
        var h = new PortalHtml().Open("Lấy ý kiến Nhân dân vào dự thảo văn kiện");
        h.Raw("<h1>Lấy ý kiến Nhân dân vào dự thảo văn kiện</h1>\n<p class=\"lead\">Đọc dự thảo theo từng mục và gửi góp ý của bạn. Không cần đăng nhập; góp ý được ghi nhận ẩn danh.</p>\n");
        var open = consultations.Where(c => c.IsAcceptingAt(now)).ToList();
        var other = consultations.Where(c => !c.IsAcceptingAt(now)).ToList();
        h.Raw("<h2>Đang lấy ý kiến</h2>\n");
        if (open.Count == 0) h.Raw("<p class=\"muted\">Hiện chưa có đợt lấy ý kiến nào đang mở.</p>\n");
        List(h, open, true);
        if (other.Count > 0)
        {
            h.Raw("<h2>Đã kết thúc</h2>\n");
            List(h, other, false);
        }
        return h.Close().ToString();

        static void List(PortalHtml h, List<ConsultationInfo> items, bool open)
        {
            if (items.Count == 0) return;
            h.Raw("<ul class=\"consultations\">\n");
            foreach (var c in items)
            {
                h.Raw("<li class=\"card\"><h3><a href=\"/p/").Raw(c.Id.ToString(CultureInfo.InvariantCulture)).Raw("\">").Text(c.Title).Raw("</a></h3>")
                    .Raw("<p class=\"muted\">").Raw(open ? "Thời gian góp ý: " : "Đã kết thúc. Thời gian góp ý: ").Text(Window(c)).Raw("</p></li>\n");
            }
            h.Raw("</ul>\n");
        }
    }

    public static string ConsultationPage(ConsultationInfo c, IReadOnlyList<DraftText> drafts, DateTimeOffset now)
    {
        var h = new PortalHtml().Open(c.Title);
        Breadcrumbs(h, c, null);
        h.Raw("<h1>").Text(c.Title).Raw("</h1>\n");
        WindowNotice(h, c, now);
        foreach (var d in drafts)
        {
            h.Raw("<section class=\"draft-toc\"><h2><a href=\"/p/").Raw(Id(c.Id)).Raw("/drafts/").Raw(Id(d.DraftId)).Raw("\">").Text(d.Title.Length > 0 ? d.Title : "Dự thảo").Raw("</a></h2>\n");
            Toc(h, c, d);
            h.Raw("</section>\n");
        }
        return h.Close().ToString();
    }

    public static string DraftPage(ConsultationInfo c, DraftSummary summary, DraftText d, bool accepting, FormState form, string key)
    {
        var h = new PortalHtml().Open(summary.Title);
        Breadcrumbs(h, c, null);
        h.Raw("<h1>").Text(d.Title.Length > 0 ? d.Title : summary.Title).Raw("</h1>\n");
        WindowNotice(h, c, null);
        h.Paragraphs(d.Preamble, "preamble");
        h.Raw("<h2>Mục lục</h2>\n<p class=\"muted\">Chọn một mục để đọc và góp ý vào mục đó.</p>\n");
        Toc(h, c, d);
        h.Raw("<h2 id=\"gop-y\">Góp ý chung cho toàn văn dự thảo</h2>\n");
        if (accepting) Form(h, c, d.DraftId, null, form, key);
        else ClosedMessage(h, c);
        return h.Close().ToString();
    }

    public static string Section(ConsultationInfo c, DraftText d, SectionView section, bool accepting, FormState form, string key = KeyPlaceholder)
    {
        string draftTitle = c.Draft(d.DraftId)?.Title ?? d.Title;
        var h = new PortalHtml().Open(section.Heading + " · " + draftTitle, draftTitle);
        Breadcrumbs(h, c, d);
        if (!accepting) ClosedMessage(h, c);
        h.Raw("<article class=\"draft-section\">\n<h1>").Text(section.Heading).Raw("</h1>\n");
        h.Raw("<p class=\"meta\">Mục ").Text(section.Ref).Raw(" · ").Text(draftTitle).Raw("</p>\n");
        bool first = true;
        foreach (var s in d.Subtree(section.Ref))
        {
            if (!first)
            {
                int level = Math.Min(6, 2 + s.Depth - section.Depth - 1);
                string tag = "h" + (level + 0).ToString(CultureInfo.InvariantCulture);
                h.Raw("<").Raw(tag).Raw(" id=\"").Text(s.Anchor).Raw("\"><a href=\"").Text(SectionUrl(c, d.DraftId, s.Ref)).Raw("\">").Text(s.Heading).Raw("</a></").Raw(tag).Raw(">\n");
            }
            h.Paragraphs(s.Text);
            first = false;
        }
        h.Raw("</article>\n");
        int index = d.Index[section.Ref];
        h.Raw("<nav class=\"pager\" aria-label=\"Mục trước, mục sau\">");
        if (index > 0) h.Raw("<a rel=\"prev\" href=\"").Text(SectionUrl(c, d.DraftId, d.Sections[index - 1].Ref)).Raw("\">← ").Text(d.Sections[index - 1].Heading).Raw("</a>");
        if (index + 1 < d.Sections.Count) h.Raw("<a rel=\"next\" href=\"").Text(SectionUrl(c, d.DraftId, d.Sections[index + 1].Ref)).Raw("\">").Text(d.Sections[index + 1].Heading).Raw(" →</a>");
        h.Raw("</nav>\n");
        if (accepting)
        {
            h.Raw("<h2 id=\"gop-y\">Góp ý vào mục này</h2>\n");
            WindowNotice(h, c, null);
            Form(h, c, d.DraftId, section, form, key);
        }
        return h.Close().ToString();
    }

    public static string Message(string title, string text, int? consultationId = null, string? extraHtml = null)
    {
        var h = new PortalHtml().Open(title);
        h.Raw("<h1>").Text(title).Raw("</h1>\n<div class=\"alert error\" role=\"alert\">").Paragraphs(text).Raw("</div>\n");
        if (extraHtml is not null) h.Raw(extraHtml);
        h.Raw("<p><a href=\"").Raw(consultationId is int id ? "/p/" + Id(id) : "/p").Raw("\">Quay lại</a></p>\n");
        return h.Close().ToString();
    }

    public static string ClosedPage(ConsultationInfo c)
    {
        var h = new PortalHtml().Open("Đã hết thời gian góp ý");
        h.Raw("<h1>Không gửi được góp ý</h1>\n");
        ClosedMessage(h, c);
        h.Raw("<p><a href=\"/p/").Raw(Id(c.Id)).Raw("\">Quay lại dự thảo</a></p>\n");
        return h.Close().ToString();
    }

    public static string ReceiptLookup(string? code, bool notFound)
    {
        var h = new PortalHtml().Open("Tra cứu góp ý");
        h.Raw("<h1>Tra cứu góp ý bằng mã</h1>\n<p>Nhập mã góp ý bạn nhận được sau khi gửi (ví dụ 7K2QD-M9XPA) để xem lại góp ý và rút lại thông tin cá nhân nếu đã cung cấp.</p>\n");
        if (notFound) h.Raw("<div class=\"alert error\" role=\"alert\"><p>Không tìm thấy góp ý với mã “").Text(code).Raw("”. Vui lòng kiểm tra lại mã.</p></div>\n");
        h.Raw("<form class=\"form portal-form\" method=\"get\" action=\"/p/receipt\"><div class=\"field\"><label for=\"code\">Mã góp ý</label>")
            .Raw("<input type=\"text\" id=\"code\" name=\"code\" required maxlength=\"20\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" value=\"").Text(code).Raw("\"></div>")
            .Raw("<button class=\"button\" type=\"submit\">Tra cứu</button></form>\n");
        return h.Close().ToString();
    }

    public static string Receipt(CommentLookup comment, ConsultationInfo? c, bool isNew, string? notice)
    {
        var h = new PortalHtml().Open("Mã góp ý " + comment.Receipt);
        if (isNew)
        {
            h.Raw("<div class=\"alert ok\" role=\"status\"><p><strong>Góp ý của bạn đã được ghi nhận.</strong> Xin cảm ơn bạn đã đóng góp ý kiến.</p></div>\n");
        }
        if (notice is not null) h.Raw("<div class=\"alert ok\" role=\"status\"><p>").Text(notice).Raw("</p></div>\n");
        h.Raw("<h1>Mã góp ý của bạn</h1>\n<p class=\"receipt\"><span class=\"receipt-code\" id=\"receipt-code\">").Text(comment.Receipt).Raw("</span></p>\n");
        h.Raw("<p class=\"muted\">Hãy ghi lại mã này: dùng nó để tra cứu góp ý tại mục “Tra cứu mã góp ý” và để rút lại thông tin cá nhân.</p>\n");
        h.Raw("<dl class=\"facts\">");
        if (c is not null) h.Raw("<dt>Đợt lấy ý kiến</dt><dd>").Text(c.Title).Raw("</dd>");
        h.Raw("<dt>Mục góp ý</dt><dd>").Text(comment.SectionRef is null ? "Toàn văn dự thảo" : "Mục " + comment.SectionRef).Raw("</dd>");
        h.Raw("<dt>Quan điểm</dt><dd>").Text(Stances.Label(comment.Stance)).Raw("</dd>");
        h.Raw("<dt>Thời điểm gửi</dt><dd>").Text(DateTime(comment.SubmittedAt)).Raw("</dd>");
        h.Raw("<dt>Trạng thái</dt><dd>").Text(comment.Status == CommentStatus.Received ? "Đã ghi nhận" : "Không được tiếp nhận").Raw("</dd>");
        h.Raw("</dl>\n<h2>Nội dung góp ý</h2>\n<blockquote class=\"comment-text\">").Paragraphs(comment.Text).Raw("</blockquote>\n");
        h.Raw("<h2>Thông tin cá nhân</h2>\n");
        if (!comment.HasIdentity) h.Raw("<p>Góp ý này được gửi ẩn danh: không có thông tin cá nhân nào được lưu.</p>\n");
        else if (comment.IdentityWithdrawn) h.Raw("<p>Thông tin cá nhân gắn với góp ý này đã được xóa theo yêu cầu của bạn. Nội dung góp ý vẫn được giữ lại ẩn danh.</p>\n");
        else
        {
            h.Raw("<p>Bạn đã đồng ý cung cấp thông tin cá nhân kèm góp ý này. Bạn có thể rút lại sự đồng ý bất cứ lúc nào: thông tin cá nhân sẽ bị xóa, nội dung góp ý vẫn được giữ lại ẩn danh.</p>\n")
                .Raw("<form method=\"post\" action=\"/p/receipt/").Text(comment.Receipt).Raw("/withdraw\"><button class=\"button secondary\" type=\"submit\">Rút lại thông tin cá nhân</button></form>\n");
        }
        h.Raw("<p><a href=\"").Raw(c is null ? "/p" : "/p/" + Id(c.Id)).Raw("\">Quay lại dự thảo</a></p>\n");
        return h.Close().ToString();
    }

    private static void Breadcrumbs(PortalHtml h, ConsultationInfo c, DraftText? d)
    {
        h.Raw("<nav class=\"breadcrumbs\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/p\">Các dự thảo</a></li><li><a href=\"/p/").Raw(Id(c.Id)).Raw("\">").Text(c.Title).Raw("</a></li>");
        if (d is not null) h.Raw("<li><a href=\"/p/").Raw(Id(c.Id)).Raw("/drafts/").Raw(Id(d.DraftId)).Raw("\">").Text(c.Draft(d.DraftId)?.Title ?? d.Title).Raw("</a></li>");
        h.Raw("</ol></nav>\n");
    }

    private static void WindowNotice(PortalHtml h, ConsultationInfo c, DateTimeOffset? now)
    {
        h.Raw("<p class=\"window\">Thời gian góp ý: <strong>").Text(Window(c)).Raw("</strong>");
        if (now is { } n) h.Raw(c.IsAcceptingAt(n) ? " · <span class=\"tag open\">Đang lấy ý kiến</span>" : " · <span class=\"tag closed\">Không nhận góp ý</span>");
        h.Raw("</p>\n");
    }

    private static void ClosedMessage(PortalHtml h, ConsultationInfo c)
    {
        h.Raw("<div class=\"alert closed-notice\" role=\"status\"><p><strong>Đợt lấy ý kiến này hiện không nhận góp ý.</strong> Thời gian góp ý là từ ")
            .Text(Date(c.OpensAt)).Raw(" đến hết ngày ").Text(Date(c.ClosesAt.AddTicks(-1)))
            .Raw(". Bạn vẫn có thể đọc dự thảo và tra cứu các góp ý đã gửi bằng mã góp ý.</p></div>\n");
    }

    private static void Toc(PortalHtml h, ConsultationInfo c, DraftText d)
    {
        h.Raw("<ol class=\"toc\">\n");
        foreach (var s in d.Sections)
        {
            h.Raw("<li class=\"depth-").Raw(Math.Min(s.Depth, 4).ToString(CultureInfo.InvariantCulture)).Raw("\"><a href=\"").Text(SectionUrl(c, d.DraftId, s.Ref)).Raw("\">").Text(s.Heading).Raw("</a></li>\n");
        }
        h.Raw("</ol>\n");
    }

    private static void Form(PortalHtml h, ConsultationInfo c, int draftId, SectionView? section, FormState form, string key)
    {
        var errors = form.Errors ?? new Dictionary<string, string>(StringComparer.Ordinal);
        h.Raw("<form class=\"form portal-form\" method=\"post\" action=\"/p/").Raw(Id(c.Id)).Raw("/drafts/").Raw(Id(draftId)).Raw("/comments\" novalidate>\n");
        if (errors.Count > 0)
        {
            h.Raw("<div class=\"alert error\" role=\"alert\" id=\"form-errors\"><p><strong>Chưa gửi được góp ý.</strong> Vui lòng sửa các lỗi sau:</p><ul>");
            // Each message links to its field, and the field points back at it (aria-describedby), so a
            // screen-reader user hears what is wrong where it is wrong.
            foreach (var (field, message) in errors)
            {
                h.Raw("<li id=\"err-").Raw(FieldId(field)).Raw("\"><a href=\"#").Raw(FieldId(field)).Raw("\">").Text(message).Raw("</a></li>");
            }
            h.Raw("</ul></div>\n");
        }
        h.Raw("<input type=\"hidden\" name=\"sectionRef\" value=\"").Text(section?.Ref).Raw("\">\n");
        h.Raw("<input type=\"hidden\" name=\"key\" value=\"").Raw(key).Raw("\">\n");
        h.Raw("<fieldset class=\"stances\"").Raw(Invalid(errors, "stance")).Raw("><legend>Quan điểm của bạn về ").Text(section is null ? "toàn văn dự thảo" : "mục này").Raw("</legend>\n");
        foreach (var (code, label) in new[] { ("agree", "Tán thành"), ("disagree", "Không tán thành"), ("partly", "Đồng ý một phần") })
        {
            h.Raw("<label class=\"choice\"><input type=\"radio\" name=\"stance\"").Raw(code == "agree" ? " id=\"stance\"" : "").Raw(" value=\"").Raw(code).Raw("\" required")
                .Raw(Invalid(errors, "stance"))
                .Raw(string.Equals(form.Stance, code, StringComparison.Ordinal) ? " checked" : "").Raw("> ").Raw(label).Raw("</label>\n");
        }
        h.Raw("</fieldset>\n");
        h.Raw("<div class=\"field\"><label for=\"text\">Nội dung góp ý</label>")
            .Raw("<textarea id=\"text\" name=\"text\" rows=\"6\" maxlength=\"").Raw(Id(Comment.TextMaxLength)).Raw("\" required aria-describedby=\"text-help").Raw(errors.ContainsKey("text") ? " err-text\" aria-invalid=\"true" : "").Raw("\">").Text(form.Text).Raw("</textarea>")
            .Raw("<p class=\"help\" id=\"text-help\">Tối đa 5.000 ký tự. Bạn có thể nêu nhiều ý; ghi rõ đề nghị sửa, bổ sung nội dung nào.</p></div>\n");
        // Honeypot: hidden from people and screen readers; bots fill every field.
        h.Raw("<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">Để trống ô này</label><input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>\n");
        h.Raw("<fieldset class=\"identity\"><legend>Thông tin người góp ý (không bắt buộc)</legend>\n")
            .Raw("<p class=\"help\">Mặc định góp ý được gửi <strong>ẩn danh</strong>. Chỉ điền các ô dưới đây nếu bạn muốn cơ quan tổ chức lấy ý kiến có thể liên hệ lại.</p>\n")
            .Raw("<div class=\"consent\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\"").Raw(form.Consent ? " checked" : "").Raw(Invalid(errors, "consent")).Raw(">")
            .Raw("<label for=\"consent\" id=\"consent-text\">Tôi đồng ý để lưu họ tên, thông tin liên hệ, địa bàn và tầng lớp của tôi. <strong>Mục đích:</strong> ").Text(CommentIdentity.DefaultPurpose)
            .Raw(" <strong>Thời hạn lưu:</strong> đến ngày ").Text(Date(c.ClosesAt.AddMonths(12))).Raw(" (12 tháng sau khi kết thúc đợt lấy ý kiến), sau đó tự động xóa. Thông tin được lưu tách riêng khỏi nội dung góp ý; tôi có thể rút lại sự đồng ý bằng mã góp ý.</label></div>\n");
        Input(h, "name", "Họ và tên", form.Name, "name");
        Input(h, "contact", "Số điện thoại hoặc thư điện tử", form.Contact, "email");
        Input(h, "locality", "Xã, phường nơi cư trú", form.Locality, "off");
        h.Raw("<div class=\"field\"><label for=\"group\">Tầng lớp</label><select id=\"group\" name=\"group\"><option value=\"\">— Không chọn —</option>");
        foreach (string g in c.SocialGroups.Count > 0 ? c.SocialGroups : Documents.Intake.IntakeVocabulary.DefaultSocialGroups)
        {
            h.Raw("<option").Raw(string.Equals(form.Group, g, StringComparison.Ordinal) ? " selected" : "").Raw(">").Text(g).Raw("</option>");
        }
        h.Raw("</select></div>\n</fieldset>\n");
        h.Raw("<button class=\"button\" type=\"submit\">Gửi góp ý</button>\n</form>\n");
    }

    private static void Input(PortalHtml h, string name, string label, string? value, string autocomplete) =>
        h.Raw("<div class=\"field\"><label for=\"").Raw(name).Raw("\">").Raw(label).Raw("</label><input type=\"text\" id=\"").Raw(name).Raw("\" name=\"").Raw(name)
            .Raw("\" maxlength=\"200\" autocomplete=\"").Raw(autocomplete).Raw("\" value=\"").Text(value).Raw("\"></div>\n");

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id of the control an error is about (errors on fields the form does not show point at the text).</summary>
    private static string FieldId(string field) => field switch
    {
        "stance" => "stance",
        "consent" => "consent",
        "name" or "contact" or "locality" or "group" => field,
        _ => "text",
    };

    private static string Invalid(IReadOnlyDictionary<string, string> errors, string field) =>
        errors.ContainsKey(field) ? " aria-invalid=\"true\" aria-describedby=\"err-" + field + "\"" : "";
}
