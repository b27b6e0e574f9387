namespace DanY.Web.Features.Units;

public static class UnitsFeature
{
    public static IServiceCollection AddUnitsFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapUnitsFeature(this IEndpointRouteBuilder endpoints)
    {
        UnitsApi.Map(endpoints);
        return endpoints;
    }
}
