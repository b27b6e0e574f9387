using DanY.Documents.Drafts;

namespace DanY.Documents.Tests.Drafts;

public sealed class DocxDraftReaderTests
{
    /// <summary>A commune Political Report laid out the usual way: no heading styles, bold numbered headings.</summary>
    internal static byte[] PoliticalReport() => new DocxFixture()
        .Para("ĐẢNG BỘ TỈNH QUẢNG NINH")
        .Para("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true)
        .Para("DỰ THẢO", bold: true)
        .Para("BÁO CÁO CHÍNH TRỊ", bold: true)
        .Para("CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ ĐÔNG TIẾN KHÓA I TẠI ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ LẦN THỨ I, NHIỆM KỲ 2025 - 2030", bold: true)
        .Para("Đại hội đại biểu Đảng bộ xã lần thứ I diễn ra trong bối cảnh cả nước vừa hoàn thành sắp xếp đơn vị hành chính, tổ chức chính quyền địa phương hai cấp.")
        .Para("Phần thứ nhất", bold: true)
        .Para("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025", bold: true)
        .Para("I. KẾT QUẢ ĐẠT ĐƯỢC", bold: true)
        .Para("1. Về phát triển kinh tế", bold: true)
        .Para("1.1. Sản xuất nông nghiệp", bold: true, italic: true)
        .Para("Tổng sản lượng lương thực bình quân đạt 12.500 tấn/năm; giá trị thu nhập trên một héc-ta canh tác đạt 145 triệu đồng.")
        .Para("1.2. Công nghiệp, thương mại, dịch vụ", bold: true)
        .Para("Giá trị sản xuất công nghiệp tăng bình quân 11,2%/năm; các chỉ tiêu chủ yếu gồm:")
        .Para("1. Thu nhập bình quân đầu người đạt 78 triệu đồng/năm.")
        .Para("2. Tỷ lệ hộ nghèo còn dưới 1%.")
        .Para("2. Về văn hóa - xã hội", bold: true)
        .Para("a) Giáo dục và đào tạo", bold: true, italic: true)
        .Para("100% trường học đạt chuẩn quốc gia; tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt 98,6%.")
        .Para("b) Y tế, chăm sóc sức khỏe Nhân dân", italic: true)
        .Para("Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95,3%.")
        .Para("II. HẠN CHẾ, YẾU KÉM VÀ NGUYÊN NHÂN")
        .RunIn("1. Hạn chế, yếu kém: ", "Chuyển dịch cơ cấu kinh tế còn chậm; thu hút đầu tư chưa đạt kỳ vọng.")
        .Para("2. Nguyên nhân", bold: true)
        .Para("Nguyên nhân chủ quan là chủ yếu; một bộ phận cán bộ còn né tránh, ngại va chạm.")
        .Para("Phần thứ hai: PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP NHIỆM KỲ 2025 - 2030", bold: true)
        .Para("I. MỤC TIÊU TỔNG QUÁT", bold: true)
        .Para("Xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh; phát triển kinh tế nhanh và bền vững.")
        .Para("II. CÁC CHỈ TIÊU CHỦ YẾU", bold: true)
        .Table(["Chỉ tiêu", "Đến năm 2030"], ["Thu nhập bình quân đầu người", "120 triệu đồng"])
        .Para("III. NHIỆM VỤ, GIẢI PHÁP", bold: true)
        .AutoNumbered("Tập trung phát triển kinh tế nông nghiệp sinh thái", bold: true)
        .Para("Khuyến khích tích tụ ruộng đất, hình thành vùng sản xuất hàng hóa tập trung.")
        .AutoNumbered("Xây dựng chính quyền số", bold: true)
        .Para("Đẩy mạnh dịch vụ công trực tuyến toàn trình.")
        .ToBytes();

    [Fact]
    public void Numbered_headings_without_styles_become_a_tree_with_refs()
    {
        DraftOutline outline = DocxDraftReader.Read(new MemoryStream(PoliticalReport()));

        Assert.StartsWith("BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH", outline.Title, StringComparison.Ordinal);
        string[] refs = outline.Flatten().Select(s => s.Ref).ToArray();
        Assert.Equal(
            ["I", "I.1", "I.1.1", "I.1.1.1", "I.1.1.2", "I.1.2", "I.1.2.a", "I.1.2.b", "I.2", "I.2.1", "I.2.2",
             "II", "II.1", "II.2", "II.3", "II.3.1", "II.3.2"],
            refs);

        DraftSection part1 = outline.Sections[0];
        Assert.Equal("Phần thứ nhất", part1.Label);
        Assert.Equal("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025", part1.Title);
        Assert.Equal("PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP NHIỆM KỲ 2025 - 2030", outline.Sections[1].Title);

        DraftSection industry = outline.Find("I.1.1.2")!;
        Assert.Equal("Công nghiệp, thương mại, dịch vụ", industry.Title);
        // Plain numbered lines are a list inside the section, not headings.
        Assert.Equal(3, industry.Paragraphs.Count);
        Assert.StartsWith("1. Thu nhập bình quân", industry.Paragraphs[1].Text, StringComparison.Ordinal);
        Assert.Equal("I.1.1.2#p2", industry.Paragraphs[1].Ref);
        Assert.Equal("muc-I-1-1-2-p2", industry.Paragraphs[1].Anchor);

        Assert.Equal("Y tế, chăm sóc sức khỏe Nhân dân", outline.Find("I.1.2.b")!.Title);
        Assert.Equal("HẠN CHẾ, YẾU KÉM VÀ NGUYÊN NHÂN", outline.Find("I.2")!.Title);

        DraftSection runIn = outline.Find("I.2.1")!;
        Assert.Equal("Hạn chế, yếu kém", runIn.Title);
        Assert.Equal("Chuyển dịch cơ cấu kinh tế còn chậm; thu hút đầu tư chưa đạt kỳ vọng.", Assert.Single(runIn.Paragraphs).Text);

        Assert.Contains(outline.Find("II.2")!.Paragraphs, p => p.Text.Contains("120 triệu đồng", StringComparison.Ordinal));
        Assert.Equal("Xây dựng chính quyền số", outline.Find("II.3.2")!.Title);
        Assert.Equal("2.", outline.Find("II.3.2")!.Label);
        // Everything before the first heading (header lines, title, opening paragraph) is the preamble.
        Assert.Equal(6, outline.Preamble.Count);
        Assert.StartsWith("Đại hội đại biểu", outline.Preamble[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_styles_give_the_tree_and_numbering_text_gives_refs()
    {
        byte[] docx = new DocxFixture()
            .Para("Báo cáo tổng kết 15 năm thi hành Điều lệ Đảng", style: "Title")
            .Heading(1, "Tình hình thực hiện")
            .Para("Việc thi hành Điều lệ Đảng được các cấp ủy quan tâm.")
            .Heading(2, "Công tác đảng viên")
            .Heading(3, "Kết nạp đảng viên")
            .Para("Bình quân mỗi năm kết nạp trên 200 nghìn đảng viên.")
            .Heading(3, "Quản lý đảng viên", styleId: "u3")
            .Para("Quản lý đảng viên ở nơi cư trú còn lỏng lẻo.")
            .Heading(2, "Tổ chức cơ sở đảng")
            .Heading(1, "PHẦN II. ĐỀ XUẤT SỬA ĐỔI")
            .Heading(2, "3. Về đảng viên")
            .Para("Đề nghị nghiên cứu bổ sung quy định về đảng viên làm việc ở nước ngoài.")
            .ToBytes();

        DraftOutline outline = DocxDraftReader.Read(new MemoryStream(docx));

        Assert.Equal("Báo cáo tổng kết 15 năm thi hành Điều lệ Đảng", outline.Title);
        Assert.Equal(["I", "I.1", "I.1.1", "I.1.2", "I.2", "II", "II.3"], outline.Flatten().Select(s => s.Ref).ToArray());
        Assert.Equal("Quản lý đảng viên", outline.Find("I.1.2")!.Title);
        Assert.Equal(3, outline.Find("I.1.2")!.Depth);
        Assert.Equal("I.1", outline.Find("I.1.2")!.ParentRef);
        Assert.Equal("ĐỀ XUẤT SỬA ĐỔI", outline.Find("II")!.Title);
        Assert.Single(outline.Find("II.3")!.Paragraphs);
    }

    [Fact]
    public void Heading_styles_numbered_by_a_word_list_take_refs_from_the_list()
    {
        byte[] docx = new DocxFixture()
            .NumberedHeadingStyles()
            .Heading(1, "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT")
            .Heading(2, "Về kinh tế")
            .Para("Tăng trưởng bình quân 7,1%/năm.")
            .Heading(2, "Về xã hội")
            .Heading(1, "PHƯƠNG HƯỚNG, NHIỆM VỤ")
            .Heading(2, "Mục tiêu")
            .ToBytes();
        DraftOutline outline = DocxDraftReader.Read(new MemoryStream(docx));
        Assert.Equal(["I", "I.1", "I.2", "II", "II.1"], outline.Flatten().Select(s => s.Ref));
        Assert.Equal("I.", outline.Sections[0].Label);
        Assert.Equal("Về xã hội", outline.Find("I.2")!.Title);
    }

    [Fact]
    public void Duplicate_numbers_get_unique_refs_and_a_warning()
    {
        byte[] docx = new DocxFixture()
            .Para("I. TÌNH HÌNH", bold: true)
            .Para("1. Kinh tế", bold: true)
            .Para("1. Xã hội", bold: true)
            .ToBytes();
        DraftOutline outline = DocxDraftReader.Read(new MemoryStream(docx));
        Assert.Equal(["I", "I.1", "I.1-2"], outline.Flatten().Select(s => s.Ref).ToArray());
        Assert.Contains(outline.Warnings, w => w.Contains("I.1", StringComparison.Ordinal));
    }
}
