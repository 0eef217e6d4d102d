namespace Integration.Host.Api;

/// <summary>Who is calling: a caller with an API key is who the key says, whatever the request claims.</summary>
internal static class ApiCaller
{
    /// <summary>The name of the key the request was authenticated with; null on an open API or without a key.</summary>
    public static string? Authenticated(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    /// <summary>The authenticated caller's name, else the first non-blank name the request gives (trimmed), else null.</summary>
    public static string? Name(HttpContext http, params string?[] claimed) =>
        Authenticated(http) ?? claimed.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
