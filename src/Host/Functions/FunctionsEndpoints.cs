namespace Integration.Host.Functions;

/// <summary>POST /{FunctionName}: the Azure Functions custom-handler invocation route (only in <c>serve --functions</c>).</summary>
public static class FunctionsEndpoints
{
    public static IEndpointRouteBuilder MapFunctionsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{function}", (string function, InvokeRequest request, FunctionsInvoker invoker, CancellationToken ct) =>
                invoker.InvokeAsync(function, request, ct))
            .WithName("InvokeFunction")
            .WithTags("Azure Functions")
            .WithSummary("Custom-handler invocation from the Functions host: {\"Data\":{...},\"Metadata\":{...}} in, {\"Outputs\":{...},\"Logs\":[...],\"ReturnValue\":...} out.")
            .Produces<InvokeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
