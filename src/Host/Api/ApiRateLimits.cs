using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Integration.Host.Api;

/// <summary>
/// Limits that keep one caller from taking the service down: the size of a request body (413), and how many
/// lists for another date are recomputed at once (429 with Retry-After when the queue is full). A list for
/// another date (<c>?asOf=</c> on leads and targets) may run the alerts batch over the whole register; a few at
/// once on a national register took gigabytes and made every licence check wait.
/// </summary>
public static class ApiRateLimits
{
    /// <summary>Policy of the list endpoints: requests with <c>asOf</c> share the recomputation permits, the others pass.</summary>
    public const string Recompute = "recompute";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Recompute, http =>
            {
                if (!http.Request.Query.ContainsKey("asOf"))
                {
                    return RateLimitPartition.GetNoLimiter("stored");
                }

                var limits = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Limits;
                return RateLimitPartition.GetConcurrencyLimiter("recompute", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.Recomputations),
                    QueueLimit = Math.Max(0, limits.RecomputationQueue),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Limits;
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "10";
                await Results.Problem(statusCode: 429, title: "Too many lists for other dates at once",
                    detail: string.Create(CultureInfo.InvariantCulture,
                        $"Lists for a date no stored run covers are computed from the whole register, {limits.Recomputations} at a time with {limits.RecomputationQueue} waiting (Api:Limits:Recomputations, Api:Limits:RecomputationQueue). Try again shortly, or ask without asOf for the latest run's list."))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>The body limit of every /api request (Api:Limits:MaxBodyBytes): a declared length past it is refused before it is read.</summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                var max = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Limits.MaxBodyBytes;
                if (http.Request.ContentLength > max)
                {
                    http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await Results.Problem(statusCode: 413, title: "Request body too large",
                        detail: string.Create(CultureInfo.InvariantCulture, $"The body may hold at most {max:N0} bytes (Api:Limits:MaxBodyBytes), got {http.Request.ContentLength:N0}."))
                        .ExecuteAsync(http);
                    return;
                }

                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = max; // a body sent without a length is cut off at the limit while it is read
                }
            }

            await next(http);
        });
}
