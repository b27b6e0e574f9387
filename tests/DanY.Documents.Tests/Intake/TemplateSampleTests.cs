using DanY.Documents.Intake;

namespace DanY.Documents.Tests.Intake;

public sealed class TemplateSampleTests
{
    [Fact]
    public void Writes_sample_template_when_asked()
    {
        string? samples = Environment.GetEnvironmentVariable("DANY_SAMPLES_DIR");
        if (samples is null) Assert.Skip("DANY_SAMPLES_DIR not set.");
        Directory.CreateDirectory(samples);
        File.WriteAllBytes(Path.Combine(samples, "template.xlsx"), IntakeTemplateTests.Template(["X00004", "X00007"], 5));
        File.WriteAllBytes(Path.Combine(samples, "draft.docx"), Drafts.DocxDraftReaderTests.PoliticalReport());
    }
}
