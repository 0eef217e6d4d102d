using Integration.Access.Audit;
using Integration.Matching.Persistence;
using Integration.Matching.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static Integration.Host.Api.ApiInput;

namespace Integration.Host.Api;

/// <summary>A clerk's decision posted to <c>POST /api/review/decisions</c>.</summary>
internal sealed record ReviewDecisionRequest(string? FeedA, string? KeyA, string? FeedB, string? KeyB, string? Decision, string? DecidedBy, string? Note);

/// <summary>Enterprises, links and the clerks' review queue over HTTP; every error is a ProblemDetails document.</summary>
public static class MatchingEndpoints
{
    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        // An id retired by a merge is followed to the enterprise it became (requested_id says which was asked).
        var api = app.MapGroup("/api").WithTags("Matching").RequireAuthorization(ApiRoles.Matching);
        api.MapGet("/enterprises/{id}", async (string id, EnterpriseQueries queries, IOptions<ApiOptions> options, HttpContext http, CancellationToken ct) =>
        {
            if (Text("id", id, options.Value.Limits.MaxIdChars, required: true) is { } bad)
            {
                return bad;
            }

            if (await queries.FindAsync(id, ct) is not { } view)
            {
                return Problem(404, "Unknown enterprise", $"No enterprise with id '{id}'.");
            }

            if (!ApiAccess.Of(http).Sees(view.Enterprise.ProvinceCode))
            {
                return ApiAccess.OutOfScope();
            }

            await ApiAccess.Audit(http, AuditAction.FirmRead, view.Enterprise.EnterpriseId, new { requested = id });
            return Results.Ok(view);
        });

        // Records of one registry held to be one firm (NSSF registered twice, two TINs): the registrations to clean up.
        api.MapGet("/duplicate-registrations", async (string? feed, DuplicateRegistrations duplicates, IOptions<ApiOptions> options, CancellationToken ct) =>
            Text("feed", feed, options.Value.Limits.MaxFilterChars) ?? Results.Ok(await duplicates.ListAsync(feed, ct)));

        api.MapGet("/review", async (int? top, ReviewService review, HttpContext http, CancellationToken ct) =>
            Range("top", top, 1, MaxLimit) ?? Results.Ok(await review.QueueAsync(top ?? 100, ApiAccess.Of(http).ProvinceCode, ct)));

        api.MapPost("/review/decisions", async ([FromBody] ReviewDecisionRequest? body, ReviewService review, HttpContext http, IOptions<ApiOptions> options, CancellationToken ct) =>
        {
            var max = options.Value.Limits;
            var by = ApiCaller.Authenticated(http) ?? body?.DecidedBy;
            if (body is null)
            {
                return Problem(400, "Missing decision", "Send {\"feed_a\", \"key_a\", \"feed_b\", \"key_b\", \"decision\": \"ACCEPT\" or \"REJECT\", \"decided_by\", \"note\"}.");
            }

            if (First(
                    Text("feed_a", body.FeedA, max.MaxIdChars, required: true), Text("key_a", body.KeyA, max.MaxIdChars, required: true),
                    Text("feed_b", body.FeedB, max.MaxIdChars, required: true), Text("key_b", body.KeyB, max.MaxIdChars, required: true),
                    Text("decision", body.Decision, max.MaxFilterChars, required: true), Text("decided_by", by, max.MaxNameChars, required: true),
                    Text("note", body.Note, max.MaxNoteChars, multiline: true)) is { } bad)
            {
                return bad;
            }

            try
            {
                var d = await review.DecideAsync(body.FeedA!, body.KeyA!, body.FeedB!, body.KeyB!, body.Decision!, by!, body.Note, ct);
                await ApiAccess.Audit(http, AuditAction.ReviewDecision, $"{d.FeedA}:{d.KeyA} {d.FeedB}:{d.KeyB}", new { decision = d.Decision, note = body.Note }, by);
                return Results.Created($"/api/review/decisions/{d.FeedA}/{d.KeyA}/{d.FeedB}/{d.KeyB}", d);
            }
            catch (ReviewException e)
            {
                return Problem(400, "Decision refused", e.Message);
            }
        });
        return app;
    }
}
