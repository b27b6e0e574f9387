namespace DanY.TestKit.Web;

/// <summary>The seeded demo accounts; in tests all share <see cref="Password"/>.</summary>
public static class DemoAccounts
{
    public const string Password = "Test-Passw0rd!";
    public const string Admin = "admin@dany.local";
    public const string ProvinceBoardEditor = "bandanvan@dany.local";
    public const string WardAOfficer = "kinhbac@dany.local";
    public const string WardBOfficer = "vocuong@dany.local";
    public const string WardA = "09187";
    public const string WardB = "09190";
    public const string Province = "24";
}
