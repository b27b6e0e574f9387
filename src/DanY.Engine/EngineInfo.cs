namespace DanY.Engine;

/// <summary>Identifies the engine build that produced a result, so that a synthesis can be reproduced.</summary>
public static class EngineInfo
{
    /// <summary>Bumped whenever a change alters any output for the same input and settings.</summary>
    public const string Version = "0.2.0";
}
