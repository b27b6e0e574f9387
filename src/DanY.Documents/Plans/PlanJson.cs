using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>
/// The JSON contract of <c>dany plans extract</c>: number, date, issuer, title, basis (number, date, issuer)
/// and obligations (kind, title, start, due, rrule, ongoing, lead, recipients, source), dates ISO, UTF-8
/// with Vietnamese letters written as themselves rather than \uXXXX.
/// </summary>
public static class PlanJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Plan plan) => Encoding.UTF8.GetString(SerializeToUtf8(plan));

    public static byte[] SerializeToUtf8(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("number", plan.Number);
            WriteDate(writer, "date", plan.Date);
            writer.WriteString("issuer", plan.Issuer);
            writer.WriteString("title", plan.Title);
            writer.WriteStartArray("basis");
            foreach (PlanReference reference in plan.Basis)
            {
                writer.WriteStartObject();
                writer.WriteString("number", reference.Number);
                WriteDate(writer, "date", reference.Date);
                writer.WriteString("issuer", reference.Issuer);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("obligations");
            foreach (Obligation obligation in plan.Obligations)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", obligation.Kind.ToString().ToLowerInvariant());
                writer.WriteString("title", obligation.Title);
                WriteDate(writer, "start", obligation.Start);
                WriteDate(writer, "due", obligation.Due);
                writer.WriteString("rrule", obligation.Recurrence?.ToString());
                writer.WriteBoolean("ongoing", obligation.Ongoing);
                WriteList(writer, "lead", obligation.Lead);
                WriteList(writer, "recipients", obligation.Recipients);
                writer.WriteString("source", obligation.Source);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is { } d) writer.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else writer.WriteNull(name);
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
