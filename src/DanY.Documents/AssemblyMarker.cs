namespace DanY.Documents;

/// <summary>Marks the assembly.</summary>
public static class DocumentsAssembly;
