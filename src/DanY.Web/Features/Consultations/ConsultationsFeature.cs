using System.Net;
using System.Threading.RateLimiting;
using DanY.Infrastructure.Consultations;
using DanY.Web.Features.Comments;
using DanY.Web.Features.Portal;

namespace DanY.Web.Features.Consultations;

/// <summary>Consultations, the public portal and the comment API.</summary>
public static class ConsultationsFeature
{
    /// <summary>Rate-limit policy of the public write paths (comment submission, identity withdrawal).</summary>
    public const string PublicWritePolicy = "public-write";

    /// <summary>Rate-limit policy of the public read paths (portal pages, API reads).</summary>
    public const string PublicReadPolicy = "public-read";

    public static IServiceCollection AddConsultationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConsultations();
        services.AddSingleton<PortalPages>();
        int writesPerMinute = configuration.GetValue("Consultations:RateLimit:CommentsPerMinute", 30);
        int readsPerMinute = configuration.GetValue("Consultations:RateLimit:ReadsPerMinute", 600);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicWritePolicy, context => PerClient(context, writesPerMinute));
            o.AddPolicy(PublicReadPolicy, context => PerClient(context, readsPerMinute));
        });
        return services;
    }

    // Per remote address; loopback is not limited (the load benchmark and a reverse proxy on the same host).
    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null || IPAddress.IsLoopback(address)) return RateLimitPartition.GetNoLimiter("loopback");
        return RateLimitPartition.GetTokenBucketLimiter(address.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, perMinute / 6),
            ReplenishmentPeriod = TimeSpan.FromSeconds(10),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public static WebApplication MapConsultationsFeature(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        CommentsApi.Map(app);
        PortalEndpoints.Map(app);
        Intake.IntakeApi.Map(app);
        return app;
    }
}
