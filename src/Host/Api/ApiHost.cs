namespace Integration.Host.Api;

/// <summary>Builds the HTTP host: the modules' minimal-API endpoints on one ASP.NET Core app.</summary>
public static class ApiHost
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddIntegration(builder.Configuration);
        var app = builder.Build();
        app.MapMatchingEndpoints();
        app.MapAlertsEndpoints();
        return app;
    }
}
