using System.Globalization;
using Integration.Alerts.Checks;
using Integration.Core.Dates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Integration.Functions;

/// <summary>
/// GET /api/licence-checks/{registrationNo}[?asOf=yyyy-MM-dd]: ALLOW, BLOCK or REVIEW with reasons, from the same
/// <see cref="LicenceCheckService"/> (and the same check log) as the self-hosted API; the same JSON body, a
/// ProblemDetails 404 for an unknown number and 400 for a bad date. Function keys guard it (authLevel function).
/// </summary>
public sealed class LicenceCheckFunction(LicenceCheckService checks)
{
    [Function("licence-check")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "licence-checks/{registrationNo}")] HttpRequest request,
        string registrationNo,
        CancellationToken ct)
    {
        DateOnly? asOf = null;
        if (request.Query["asOf"].ToString() is { Length: > 0 } text)
        {
            if (!IsoDate.TryParse(text, out var date))
            {
                return Problem(400, "Bad date", $"asOf '{text}' is not a date yyyy-MM-dd.");
            }

            asOf = date;
        }

        try
        {
            var logged = await checks.CheckAsync(new CheckRequest(Uri.UnescapeDataString(registrationNo), asOf, Caller(request), "azure-functions"), ct);
            return new JsonResult(LicenceCheckRow.From(logged.Decision, logged.CheckId), AlertsJson.Options);
        }
        catch (UnknownRegistrationException e)
        {
            return Problem(404, "Unknown registration number", e.Message);
        }
    }

    /// <summary>Who asked, for the check log: the signed-in user (App Service authentication), else X-User or ?user=, else the channel.</summary>
    private static string Caller(HttpRequest request)
    {
        foreach (var value in new[] { request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString(), request.Headers["X-User"].ToString(), request.Query["user"].ToString() })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return "azure-functions";
    }

    private static ObjectResult Problem(int status, string title, string detail) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail }) { StatusCode = status, ContentTypes = { "application/problem+json" } };
}
