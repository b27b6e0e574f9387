using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DanY.Web.Features.Portal;

/// <summary>
/// A tiny HTML writer for the public portal: every piece of data goes through <see cref="Text"/> (HTML
/// encoding), so citizen text is always shown as text. Pages are plain HTML and CSS, no script, so
/// they work on a cheap phone and can be cached as bytes.
/// </summary>
internal sealed class PortalHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _sb = new(8 * 1024);

    public PortalHtml Raw(string html)
    {
        _sb.Append(html);
        return this;
    }

    public PortalHtml Text(string? text)
    {
        if (!string.IsNullOrEmpty(text)) _sb.Append(Encoder.Encode(text));
        return this;
    }

    /// <summary>Paragraphs separated by blank lines become &lt;p&gt;; single line breaks become &lt;br&gt;.</summary>
    public PortalHtml Paragraphs(string? text, string? cssClass = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return this;
        foreach (string paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Raw(cssClass is null ? "<p>" : "<p class=\"" + cssClass + "\">");
            string[] lines = paragraph.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (i > 0) Raw("<br>");
                Text(lines[i]);
            }
            Raw("</p>\n");
        }
        return this;
    }

    public PortalHtml Open(string title, string? description = null)
    {
        Raw("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Text(title).Raw(" · Cổng góp ý DanY</title>\n");
        if (description is not null) Raw("<meta name=\"description\" content=\"").Text(description).Raw("\">\n");
        Raw("<link rel=\"stylesheet\" href=\"/css/site.css\">\n<link rel=\"stylesheet\" href=\"/css/portal.css\">\n</head>\n<body class=\"portal\">\n")
            .Raw("<a class=\"skip-link\" href=\"#main\">Bỏ qua, đến nội dung chính</a>\n")
            .Raw("<header class=\"site-header\"><div class=\"wrap header-row\"><a class=\"brand\" href=\"/p\"><span class=\"brand-mark\" aria-hidden=\"true\">DY</span> <span>Góp ý dự thảo <small>Dân ý</small></span></a>")
            .Raw("<nav aria-label=\"Cổng góp ý\"><ul class=\"nav\"><li><a href=\"/p\">Các dự thảo</a></li><li><a href=\"/p/receipt\">Tra cứu mã góp ý</a></li></ul></nav></div></header>\n")
            .Raw("<main id=\"main\" class=\"wrap portal-main\" tabindex=\"-1\">\n");
        return this;
    }

    public PortalHtml Close()
    {
        Raw("</main>\n<footer class=\"site-footer\"><div class=\"wrap\">Góp ý được ghi nhận ẩn danh theo mặc định. Thông tin cá nhân chỉ lưu khi bạn đồng ý và có thể rút lại bằng mã góp ý. Dữ liệu lưu trữ tại Việt Nam.</div></footer>\n</body>\n</html>\n");
        return this;
    }

    public override string ToString() => _sb.ToString();
}
