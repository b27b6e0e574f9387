using System.CommandLine;
using DanY.Documents.Plans;
using DanY.Domain.Plans;

namespace DanY.Cli.Commands;

internal static class PlanCommands
{
    /// <summary><c>plans extract &lt;file&gt;</c>: the structure of a plan (DOCX, text or Markdown) as one JSON object on stdout.</summary>
    public static Command Plans()
    {
        var plans = new Command("plans", "Kế hoạch: đọc số, ngày, cơ quan ban hành, căn cứ và nhiệm vụ có thời hạn. / Plans.");
        var file = new Argument<string>("file") { Description = "Tệp kế hoạch (.docx, .txt, .md). / Plan file." };
        var inclusive = new Option<bool>("--before-inclusive")
        {
            Description = "Đọc \"trước ngày X\" là hạn chót ngày X (mặc định: ngày X − 1). / Read \"trước ngày X\" as due on X (default: X − 1).",
        };
        var extract = new Command("extract", "Trích cấu trúc một kế hoạch ra JSON. / Extract a plan's structure as JSON.");
        extract.Arguments.Add(file);
        extract.Options.Add(inclusive);
        extract.SetAction(parseResult =>
        {
            string path = parseResult.GetValue(file)!;
            var options = new PlanReadingOptions { BeforeIsExclusive = !parseResult.GetValue(inclusive) };
            Plan plan;
            try
            {
                plan = PlanReader.ReadFile(path, options);
            }
            catch (PlanReadException e)
            {
                Console.Error.WriteLine("Lỗi / Error: " + e.Message);
                return 2;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A plan the reader does not understand must still end with a message, not a stack trace.
                Console.Error.WriteLine($"Lỗi / Error: không đọc được kế hoạch ({e.GetType().Name}: {e.Message}). / Cannot read the plan.");
                return 2;
            }
            using Stream stdout = Console.OpenStandardOutput();
            stdout.Write(PlanJson.SerializeToUtf8(plan));
            stdout.Write("\n"u8);
            return 0;
        });
        plans.Subcommands.Add(extract);
        return plans;
    }
}
