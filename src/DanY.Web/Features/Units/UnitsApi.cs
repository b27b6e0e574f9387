namespace DanY.Web.Features.Units;

internal static class UnitsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
    }
}
