namespace Integration.Host.Api;

/// <summary>Licence checks, leads and targets over HTTP.</summary>
public static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapAlertsEndpoints(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
