namespace DanY.Web.Features.Plans;

public static class PlansFeature
{
    public static IServiceCollection AddPlansFeature(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPlansFeature(this IEndpointRouteBuilder endpoints) => endpoints;
}
