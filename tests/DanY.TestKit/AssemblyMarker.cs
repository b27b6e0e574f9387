namespace DanY.TestKit;

/// <summary>Marks the assembly.</summary>
public static class TestKitAssembly;
