using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integration.Host.Functions;

/// <summary>
/// What the Azure Functions host POSTs to a custom handler at <c>/{FunctionName}</c>: the trigger and input
/// bindings under <c>Data</c> (keyed by binding name from function.json), trigger metadata under <c>Metadata</c>.
/// </summary>
public sealed record InvokeRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata);

/// <summary>
/// The custom handler's answer: output bindings by name under <c>Outputs</c> (an HTTP output binding
/// named <c>res</c> takes statusCode/body/headers), lines for the invocation log, and the <c>$return</c> value.
/// </summary>
public sealed record InvokeResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);

/// <summary>The <c>res</c> HTTP output binding value.</summary>
public sealed record HttpOutput(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("headers")] Dictionary<string, string> Headers);

/// <summary>The <c>req</c> HTTP trigger value, as the Functions host sends it when it does not forward the request itself.</summary>
public sealed record HttpTriggerData(
    [property: JsonPropertyName("Url")] string Url,
    [property: JsonPropertyName("Method")] string? Method,
    [property: JsonPropertyName("Headers")] Dictionary<string, string[]>? Headers,
    [property: JsonPropertyName("Body")] JsonElement? Body);
