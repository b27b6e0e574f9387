namespace DanY.Domain;
/// <summary>Marks the assembly.</summary>
public static class DomainAssembly;
