namespace DanY.Infrastructure;

/// <summary>Marks the assembly.</summary>
public static class InfrastructureAssembly;
