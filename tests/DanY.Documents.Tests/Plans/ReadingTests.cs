using System.Text;
using DanY.Documents.Plans;
using DanY.Domain.Plans;

namespace DanY.Documents.Tests.Plans;

public sealed class HeaderParserTests
{
    private static PlanHeader Header(string text) => HeaderParser.Read(PlanTextReader.Read(text));

    [Fact]
    public void Party_layout_on_separate_lines()
    {
        PlanHeader header = Header("TỈNH ỦY QUẢNG NGÃI\nBAN DÂN VẬN\n*\nSố 73-KH/BDVTU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Ngãi, ngày 12 tháng 8 năm 2024");
        Assert.Equal("73-KH/BDVTU", header.Number);
        Assert.Equal(new DateOnly(2024, 8, 12), header.Date);
        Assert.Equal("BAN DÂN VẬN TỈNH ỦY", header.Issuer);
        Assert.Equal("TỈNH ỦY QUẢNG NGÃI", header.SuperiorBody);
    }

    [Fact]
    public void Columns_run_together_on_one_line()
    {
        PlanHeader header = Header("ĐẢNG BỘ TỈNH QUẢNG NAM ĐẢNG CỘNG SẢN VIỆT NAM\nBAN THƯỜNG VỤ HUYỆN ỦY Đại Lộc, ngày 03/7/2024\n*\nSố 57 -KH/HU");
        Assert.Equal("57-KH/HU", header.Number);
        Assert.Equal(new DateOnly(2024, 7, 3), header.Date);
        Assert.Equal("BAN THƯỜNG VỤ HUYỆN ỦY", header.Issuer);
    }

    [Fact]
    public void Bold_marks_the_issuing_body()
    {
        PlanHeader header = Header("ĐẢNG BỘ TỈNH BẮC NINH\n**BAN TUYÊN GIÁO VÀ DÂN VẬN**\n**TỈNH ỦY**\n*\nSố 215-KH/BTGDVTU");
        Assert.Equal("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", header.Issuer);
    }

    [Fact]
    public void State_layout_with_national_heading()
    {
        PlanHeader header = Header("LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\nSố: 08 /KH-LĐLĐ\tThanh Hóa, ngày 05 tháng 9 năm 2024");
        Assert.Equal("08/KH-LĐLĐ", header.Number);
        Assert.Equal(new DateOnly(2024, 9, 5), header.Date);
        Assert.Equal("LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA", header.Issuer);
        Assert.Null(header.SuperiorBody);
    }

    [Fact]
    public void Markdown_table_cell_with_line_breaks()
    {
        PlanHeader header = Header("| TỈNH ỦY BÌNH ĐỊNH<br>**BAN DÂN VẬN**<br>* | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| Số 73-KH/BDVTU | *Bình Định, ngày 12 tháng 8 năm 2024* |");
        Assert.Equal("BAN DÂN VẬN TỈNH ỦY", header.Issuer);
        Assert.Equal("73-KH/BDVTU", header.Number);
        Assert.Equal(new DateOnly(2024, 8, 12), header.Date);
    }

    [Fact]
    public void Blank_day_gives_no_date() =>
        Assert.Null(Header("HUYỆN ỦY ĐẠI LỘC\nSố 12-KH/HU\nĐại Lộc, ngày    tháng 8 năm 2024").Date);
}

public sealed class BasisParserTests
{
    [Fact]
    public void Reads_number_date_issuer_and_subject()
    {
        var basis = BasisParser.Read(["Căn cứ Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị “về đại hội Đảng bộ các cấp”; Kế hoạch số 171-KH/BDVTW ngày 03/7/2024 của Ban Dân vận Trung ương “về triển khai theo dõi”", "Thực hiện Kế hoạch số 73-KH/BDVTU ngày 12/8/2024 của Ban Dân vận Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện như sau:"]);
        Assert.Equal(["35-CT/TW", "171-KH/BDVTW", "73-KH/BDVTU"], basis.Select(b => b.Number));
        Assert.Equal(new DateOnly(2024, 7, 3), basis[1].Date);
        Assert.Equal("Ban Dân vận Trung ương", basis[1].Issuer);
        Assert.Equal("về triển khai theo dõi", basis[1].Subject);
        Assert.Equal(ReferenceRelation.Implements, basis[2].Relation);
        Assert.Equal("73-KH/BDVTU", new Plan { Basis = basis }.Parent?.Number);
    }

    [Fact]
    public void Documents_quoted_in_a_subject_are_not_a_basis()
    {
        var basis = BasisParser.Read(["Thực hiện Kế hoạch số 238-KH/QU, ngày 01/8/2024 của Quận ủy về “Thực hiện Chỉ thị 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị (khóa XIII); Kế hoạch 258-KH/TU, ngày 15/7/2024 của Thành ủy Hà Nội”; Kế hoạch số 211-KH/QU, ngày 15/3/2024 về “xây dựng Văn kiện”, Ban Thường vụ Quận ủy xây dựng kế hoạch như sau:"]);
        Assert.Equal(["238-KH/QU", "211-KH/QU"], basis.Select(b => b.Number));
        Assert.Equal("Quận ủy", basis[1].Issuer);
        Assert.Equal(new DateOnly(2024, 3, 15), basis[1].Date);
    }

    [Fact]
    public void Date_after_the_issuer()
    {
        PlanReference reference = Assert.Single(BasisParser.Read(["Thực hiện Kế hoạch số 171-KH/BDVTW của Ban Dân vận Trung ương ngày 03/7/2024 về triển khai theo dõi,"]));
        Assert.Equal(new DateOnly(2024, 7, 3), reference.Date);
        Assert.Equal("Ban Dân vận Trung ương", reference.Issuer);
    }

    [Fact]
    public void State_numbers_and_long_dates()
    {
        var basis = BasisParser.Read(["Căn cứ Hướng dẫn số 05/HD-MTTW-BTT ngày 10 tháng 10 năm 2025 của Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam về tổ chức lấy ý kiến;"]);
        PlanReference reference = Assert.Single(basis);
        Assert.Equal("05/HD-MTTW-BTT", reference.Number);
        Assert.Equal(new DateOnly(2025, 10, 10), reference.Date);
        Assert.Equal("Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam", reference.Issuer);
        Assert.Equal("Hướng dẫn", reference.DocumentType);
    }
}

public sealed class RecipientsParserTests
{
    [Fact]
    public void Table_with_a_purpose_column()
    {
        string text = "Nơi nhận:\n\n- | | | |\n|---|--|---|\n| - Thường trực TU, | | để\nbáo cáo |\n| - Các Ban Đảng và VPTU, | | |\n| - Thường trực QU, | | để\nthực\nhiện |\n| - Lưu VPQU. | | |";
        var recipients = RecipientsParser.Read(PlanTextReader.Read(text));
        Assert.Equal(["Thường trực TU", "Các Ban Đảng và VPTU", "Thường trực QU"], recipients.Select(r => r.Name));
        Assert.Equal(["để báo cáo", "để báo cáo", "để thực hiện"], recipients.Select(r => r.Purpose));
    }

    [Fact]
    public void List_with_inline_purposes_beside_a_signature()
    {
        string text = "Nơi nhận:                 TM. BAN THƯỜNG VỤ\n- Tổng LĐLĐ Việt Nam (để báo cáo);      CHỦ TỊCH\n- Như trên;\n- Ban Dân vận Tỉnh ủy (b/c);\n- Lưu: VT.";
        var recipients = RecipientsParser.Read(PlanTextReader.Read(text));
        Assert.Equal([new PlanRecipient("Tổng LĐLĐ Việt Nam", "để báo cáo"), new PlanRecipient("Ban Dân vận Tỉnh ủy", "để báo cáo")], recipients);
    }
}

public sealed class PlanTextReaderTests
{
    [Fact]
    public void Markdown_is_removed_and_lines_are_cleaned()
    {
        var lines = PlanTextReader.Read("### **1.2. Xây dựng báo cáo**\n\n- Thời gian hoàn thành trước **01/7/2025**.\n*\n*Nguyễn Văn A*");
        Assert.Equal(["1.2. Xây dựng báo cáo", "- Thời gian hoàn thành trước 01/7/2025.", "*", "Nguyễn Văn A"], lines.Select(l => l.Text));
        Assert.True(lines[0].Heading);
        Assert.True(lines[0].Bold);
        Assert.True(lines[1].BlankBefore);
    }

    [Fact]
    public void Page_breaks_inside_a_sentence_are_joined()
    {
        var blocks = PlanLayout.Blocks(PlanTextReader.Read("1. Giao Ban Dân vận theo dõi,\n\n\n\nnắm tình hình Nhân dân.\n\nPhối hợp tuyên truyền."));
        Assert.Equal(["Giao Ban Dân vận theo dõi, nắm tình hình Nhân dân.", "Phối hợp tuyên truyền."], blocks.Select(b => b.Text));
    }

    [Fact]
    public void Non_utf8_text_is_refused()
    {
        byte[] tcvn3 = [0x4B, 0xD5, 0x20, 0x68, 0x6F, 0xB9, 0x63, 0x68, 0xFF];
        var error = Assert.Throws<PlanReadException>(() => PlanReader.ReadLines(tcvn3));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_a_broken_surrogate_is_refused()
    {
        // "Kế" then a lone high surrogate (D800) in UTF-16 LE with its byte-order mark.
        byte[] broken = [0xFF, 0xFE, 0x4B, 0x00, 0xBF, 0x1E, 0x00, 0xD8, 0x20, 0x00];
        var error = Assert.Throws<PlanReadException>(() => PlanReader.ReadLines(broken));
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_byte_order_mark_is_read()
    {
        byte[] text = [.. new byte[] { 0xFF, 0xFE }, .. Encoding.Unicode.GetBytes("Kế hoạch")];
        Assert.Equal("Kế hoạch", PlanTextReader.Decode(text));
    }

    [Fact]
    public void Nfd_and_nfc_give_the_same_plan()
    {
        string text = File.ReadAllText(Path.Combine(TestFiles.PlansFolder(), "huyen-uy-dai-loc.txt"));
        string nfc = PlanJson.Serialize(PlanExtractor.Extract(PlanTextReader.Read(text)));
        string nfd = PlanJson.Serialize(PlanExtractor.Extract(PlanTextReader.Read(text.Normalize(NormalizationForm.FormD))));
        Assert.Equal(nfc, nfd);
    }
}

public sealed class PlanReaderTests
{
    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<PlanReadException>(() => PlanReader.ReadFile(Path.Combine(Path.GetTempPath(), "khong-co-" + Guid.NewGuid() + ".docx")));
        Assert.Contains("Không tìm thấy tệp", error.Message, StringComparison.Ordinal);
        Assert.Contains("File not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_docx_is_a_clear_error()
    {
        byte[] zipHeaderOnly = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        var error = Assert.Throws<PlanReadException>(() => PlanReader.ReadLines(zipHeaderOnly));
        Assert.Contains("DOCX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_and_binary_files_are_refused()
    {
        Assert.Throws<PlanReadException>(() => PlanReader.ReadLines([]));
        Assert.Throws<PlanReadException>(() => PlanReader.ReadLines([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]));
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(20241);
        string alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạ0123456789 ,.;:/-–()“”\"*#|\n\tSốngàytháng";
        for (int run = 0; run < 300; run++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 600);
            for (int i = 0; i < length; i++) builder.Append(alphabet[random.Next(alphabet.Length)]);
            Plan plan = PlanExtractor.Extract(PlanTextReader.Read(builder.ToString()));
            Assert.NotNull(plan);
        }
    }

    [Fact]
    public void Shuffled_plan_lines_never_throw()
    {
        string[] lines = File.ReadAllLines(Path.Combine(TestFiles.PlansFolder(), "ldld-tinh.txt"));
        var random = new Random(7);
        for (int run = 0; run < 50; run++)
        {
            string text = string.Join('\n', lines.OrderBy(_ => random.Next()));
            Assert.NotNull(PlanExtractor.Extract(PlanTextReader.Read(text)));
        }
    }
}

public sealed class PlanJsonTests
{
    [Fact]
    public void Writes_the_contract_with_vietnamese_unescaped()
    {
        var plan = new Plan
        {
            Number = "57-KH/ĐU",
            Date = new DateOnly(2024, 7, 3),
            Issuer = "ĐẢNG ỦY PHƯỜNG",
            Title = "lấy ý kiến “Nhân dân”",
            Basis = [new PlanReference { Number = "171-KH/BDVTW", Date = new DateOnly(2024, 7, 3), Issuer = "Ban Dân vận Trung ương" }],
            Obligations =
            [
                new Obligation
                {
                    Kind = ObligationKind.Report,
                    Title = "Báo cáo",
                    Recurrence = new RecurrenceRule(RecurrenceFrequency.Monthly, 1, 15),
                    Lead = ["Ban Dân vận Huyện ủy"],
                    Source = "vào ngày 15 hàng tháng",
                },
            ],
        };
        string json = PlanJson.Serialize(plan);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains("\"number\": \"57-KH/ĐU\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rrule\": \"FREQ=MONTHLY;BYMONTHDAY=15\"", json, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(["number", "date", "issuer", "title", "basis", "obligations"], document.RootElement.EnumerateObject().Select(p => p.Name));
        var obligation = document.RootElement.GetProperty("obligations")[0];
        Assert.Equal(["kind", "title", "start", "due", "rrule", "ongoing", "lead", "recipients", "source"], obligation.EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, obligation.GetProperty("due").ValueKind);
        Assert.Equal("report", obligation.GetProperty("kind").GetString());
    }
}
