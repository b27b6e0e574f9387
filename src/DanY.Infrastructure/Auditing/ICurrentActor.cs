namespace DanY.Infrastructure.Auditing;

/// <summary>Who is making the change being saved: the signed-in staff member, or "system".</summary>
public interface ICurrentActor
{
    string Id { get; }
    string Name { get; }
}

/// <summary>The CLI, the seeder and background jobs.</summary>
public sealed class SystemActor : ICurrentActor
{
    public static readonly SystemActor Instance = new();
    public string Id => "system";
    public string Name => "Hệ thống";
}
