namespace Integration.Host.Api;

/// <summary>Enterprises, links and the clerks' review queue over HTTP.</summary>
public static class MatchingEndpoints
{
    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
