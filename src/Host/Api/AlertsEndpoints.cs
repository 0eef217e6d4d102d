using System.Globalization;
using Integration.Access.Audit;
using Integration.Alerts.Checks;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Leads;
using Integration.Alerts.Runs;
using Integration.Alerts.Targets;
using Integration.Core.Dates;
using Integration.Core.Identifiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static Integration.Host.Api.ApiInput;

namespace Integration.Host.Api;

/// <summary>
/// Licence checks, leads and targets over HTTP. Responses carry the same fields as the CSV exports
/// (snake_case); every error is a ProblemDetails document. Every parameter and body is checked (<see cref="ApiInput"/>,
/// <see cref="ApiLimits"/>); lists for another date, which may be recomputed, take a turn in the recomputation limiter.
/// </summary>
public static class AlertsEndpoints
{
    /// <summary>Body of PUT /api/leads/{enterprise_id}/status.</summary>
    public sealed record LeadStatusBody(string? Status, string? By, string? Note);

    public static IEndpointRouteBuilder MapAlertsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Alerts");

        // Catch-all: registration numbers such as Co.054321/19E contain a slash, sent raw or as %2F.
        api.MapGet("/licence-checks/{**registration_no}", CheckAsync)
            .RequireAuthorization(ApiRoles.Licensing)
            .WithName("CheckLicence")
            .WithSummary("ALLOW, BLOCK or REVIEW for one MoC registration number, with reasons and the data it rests on. 404 for an unknown number.");

        api.MapGet("/leads", async (LeadService leads, string? province, string? district, bool? onlyNew, string? status, string? asOf, int? limit, int? offset,
                HttpContext http, IOptions<ApiOptions> api, DateRules dates, TimeProvider clock, CancellationToken ct) =>
            {
                var max = api.Value.Limits;
                if (First(Text("province", province, max.MaxFilterChars), Text("district", district, max.MaxFilterChars), Text("status", status, max.MaxFilterChars)) is { } bad)
                {
                    return bad;
                }

                if (status is { Length: > 0 } && LeadStatuses.Normalise(status) is null)
                {
                    return Problem(400, "Unknown lead status", $"status must be one of {string.Join(", ", LeadStatuses.All)}, got '{Shown(status)}'.");
                }

                if (!TryDate(asOf, dates, Today(clock), out var date, out var problem) || !TryPage(limit, offset, out var page, out problem)
                    || !ApiAccess.TryProvince(http, province, out province, out problem))
                {
                    return problem;
                }

                var answer = await leads.ReadAsync(new LeadQuery(province, district, onlyNew ?? false, status), date, ct);
                await ApiAccess.Audit(http, AuditAction.ListRead, "leads", new { province, district, only_new = onlyNew, status, rows = answer.Rows.Count, limit, offset });
                return Answer(http, answer, page);
            })
            .RequireAuthorization(ApiRoles.Registration)
            .RequireRateLimiting(ApiRateLimits.Recompute)
            .WithName("ListLeads")
            .WithSummary("Enterprises that must register with NSSF and have not, newest first, as the latest alerts run stored them (statuses live).");

        api.MapPut("/leads/{enterprise_id}/status", async (string enterprise_id, [FromBody] LeadStatusBody? body, LeadService leads, HttpContext http, IOptions<ApiOptions> api, CancellationToken ct) =>
            {
                var max = api.Value.Limits;
                body = body is null ? null : body with { By = ApiCaller.Name(http, body.By) };
                if (body is null || string.IsNullOrWhiteSpace(body.Status) || string.IsNullOrWhiteSpace(body.By))
                {
                    return Problem(400, "Status and by are required", "Send {\"status\": \"CONTACTED\", \"by\": \"name\", \"note\": \"...\"}; status is one of " + string.Join(", ", LeadStatuses.All) + ".");
                }

                if (First(Text("enterprise_id", enterprise_id, max.MaxIdChars), Text("by", body.By, max.MaxNameChars), Text("note", body.Note, max.MaxNoteChars, multiline: true)) is { } bad)
                {
                    return bad;
                }

                if (LeadStatuses.Normalise(body.Status) is null)
                {
                    return Problem(400, "Unknown lead status", $"'{Shown(body.Status)}' is not one of {string.Join(", ", LeadStatuses.All)}.");
                }

                if (!await ApiAccess.SeesEnterpriseAsync(http, enterprise_id, ct))
                {
                    return ApiAccess.OutOfScope();
                }

                var change = await leads.SetStatusAsync(enterprise_id, body.Status, body.By, body.Note, ct);
                if (change is null)
                {
                    return Problem(404, "Unknown enterprise", $"Enterprise '{enterprise_id}' does not exist.");
                }

                await ApiAccess.Audit(http, AuditAction.LeadStatus, enterprise_id, new { to = change.Status, note = change.Note }, body.By);
                return Results.Json(change, AlertsJson.Options);
            })
            .RequireAuthorization(ApiRoles.Registration)
            .WithName("SetLeadStatus")
            .WithSummary("Sets the NSSF division's status of a lead (kept across runs).");

        api.MapGet("/targets", async (TargetService targets, string? province, string? district, int? capacity, string? asOf, int? limit, int? offset,
                HttpContext http, IOptions<ApiOptions> api, DateRules dates, TimeProvider clock, CancellationToken ct) =>
            {
                var max = api.Value.Limits;
                if (First(Text("province", province, max.MaxFilterChars), Text("district", district, max.MaxFilterChars)) is { } bad)
                {
                    return bad;
                }

                if (capacity is < 0)
                {
                    return Problem(400, "Invalid capacity", "capacity must be zero (no cut) or a positive number of visits.");
                }

                if (!TryDate(asOf, dates, Today(clock), out var date, out var problem) || !TryPage(limit, offset, out var page, out problem)
                    || !ApiAccess.TryProvince(http, province, out province, out problem))
                {
                    return problem;
                }

                var answer = await targets.ReadAsync(new TargetQuery(province, district, capacity), date, ct);
                await ApiAccess.Audit(http, AuditAction.ListRead, "targets", new { province, district, capacity, rows = answer.Rows.Count, limit, offset });
                return Answer(http, answer, page);
            })
            .RequireAuthorization(ApiRoles.Inspection)
            .RequireRateLimiting(ApiRateLimits.Recompute)
            .WithName("ListTargets")
            .WithSummary("Enterprises ranked by inspection risk score (0..100) with each factor's points, cut to capacity, as the latest alerts run stored them.");

        api.MapGet("/duplicates", async (DuplicateService duplicates, string? province, string? district, string? action, string? asOf, int? limit, int? offset,
                HttpContext http, IOptions<ApiOptions> api, DateRules dates, TimeProvider clock, CancellationToken ct) =>
            {
                var max = api.Value.Limits;
                if (First(Text("province", province, max.MaxFilterChars), Text("district", district, max.MaxFilterChars), Text("action", action, max.MaxFilterChars)) is { } bad)
                {
                    return bad;
                }

                if (!string.IsNullOrWhiteSpace(action) && DuplicateActions.Normalise(action) is null)
                {
                    return Problem(400, "Unknown action", $"'{Shown(action)}' is not one of {string.Join(", ", DuplicateActions.All)}.");
                }

                if (!TryDate(asOf, dates, Today(clock), out var date, out var problem) || !TryPage(limit, offset, out var page, out problem))
                {
                    return problem;
                }

                return Answer(http, await duplicates.ReadAsync(new DuplicateQuery(province, district, action), date, ct), page);
            })
            .RequireAuthorization(ApiRoles.Registration)
            .RequireRateLimiting(ApiRateLimits.Recompute)
            .WithName("ListDuplicateRegistrations")
            .WithSummary("NSSF registrations of employers registered more than once: the registration to keep and what to do with each other one (MERGE, CLOSE, SUPERSEDED, CONFIRM_MATCH), as the latest alerts run stored them.");
        return app;
    }

    private static async Task<IResult> CheckAsync(string? registration_no, string? asOf, string? user, HttpContext http, LicenceCheckService checks,
        IOptions<ApiOptions> api, DateRules dates, CancellationToken ct)
    {
        var max = api.Value.Limits;

        // ASP.NET Core leaves %2F encoded in route values; the number is the decoded text.
        var typed = Uri.UnescapeDataString(registration_no ?? "");
        var header = http.Request.Headers["X-User"].ToString();
        if (First(Text("registration_no", typed, max.MaxIdChars, required: true), Text("user", user, max.MaxNameChars), Text("X-User", header, max.MaxNameChars)) is { } bad)
        {
            return bad;
        }

        if (!TryDate(asOf, dates, checks.Today(), out var date, out var problem))
        {
            return problem;
        }

        // The number as ingest stores it (RegistryIds): "CO 054321/19E" finds Co.054321/19E.
        var number = RegistryIds.Canonical(IdentifierKind.MocRegistrationNo, typed) ?? typed.Trim();
        var who = ApiCaller.Name(http, user, header) ?? "anonymous";
        try
        {
            if (!await ApiAccess.SeesRegistrationAsync(http, number, ct))
            {
                return ApiAccess.OutOfScope();
            }

            var logged = await checks.CheckAsync(new CheckRequest(number, date, who, "http"), ct);
            await ApiAccess.Audit(http, AuditAction.LicenceCheck, logged.Decision.RegistrationNo,
                new { decision = logged.Decision.Decision, reasons = logged.Decision.ReasonCodes, check_id = logged.CheckId, as_of = IsoDate.Format(logged.Decision.AsOf) }, who);
            return Results.Json(LicenceCheckRow.From(logged.Decision, logged.CheckId), AlertsJson.Options);
        }
        catch (UnknownRegistrationException e)
        {
            return Problem(404, "Unknown registration number", e.Message);
        }
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// The rows (one page of them) as JSON; headers name the run they come from, so an empty list says it too.
    /// X-Total-Count gives the whole list's length and, when there are more rows, a Link header points at the next page.
    /// </summary>
    private static IResult Answer<T>(HttpContext http, ListAnswer<T> answer, Page page)
    {
        http.Response.Headers["X-Total-Count"] = answer.Rows.Count.ToString(CultureInfo.InvariantCulture);
        IEnumerable<T> rows = answer.Rows;
        if (page.Offset > 0 || page.Limit is not null)
        {
            var end = page.Limit is { } n ? Math.Min(answer.Rows.Count, (long)page.Offset + n) : answer.Rows.Count;
            rows = answer.Rows.Skip(page.Offset).Take((int)Math.Max(0, end - page.Offset));
            if (end < answer.Rows.Count)
            {
                var next = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
                next["offset"] = end.ToString(CultureInfo.InvariantCulture);
                var query = Microsoft.AspNetCore.Http.QueryString.Create(next.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))));
                http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"";
            }
        }

        foreach (var (header, value) in new[] { ("X-Alert-Run-Id", answer.AlertRunId), ("X-Match-Run-Id", answer.MatchRunId), ("X-As-Of", answer.AsOf) })
        {
            if (value is not null)
            {
                http.Response.Headers[header] = value;
            }
        }

        return Results.Json(rows, AlertsJson.Options);
    }
}
