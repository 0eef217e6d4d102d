using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Integration.Host.Api;

/// <summary>Declares the API-key scheme in the OpenAPI document, on every <c>/api</c> operation (health stays open).</summary>
public static class ApiKeyOpenApi
{
    public const string SchemeId = "ApiKey";

    public static OpenApiOptions AddApiKeyScheme(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "The key you were given (also accepted as Authorization: ApiKey <key>). Needed once the service has Api:Keys configured; its roles decide which endpoints it may call.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
