namespace DanY.Documents.Plans;

/// <summary>A plan file that cannot be read; the message is for people, in Vietnamese and English.</summary>
public sealed class PlanReadException : Exception
{
    public PlanReadException(string message) : base(message) { }

    public PlanReadException(string message, Exception inner) : base(message, inner) { }

    public PlanReadException() { }
}
