namespace DanY.Web.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>Log-in and log-out pages live in this folder; Identity itself is registered by the platform.</summary>
    public static IServiceCollection AddAccountsFeature(this IServiceCollection services) => services;
}
