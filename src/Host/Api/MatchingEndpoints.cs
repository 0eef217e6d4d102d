using Integration.Matching.Persistence;
using Integration.Matching.Review;

namespace Integration.Host.Api;

/// <summary>A clerk's decision posted to <c>POST /api/review/decisions</c>.</summary>
public sealed record ReviewDecisionRequest(string FeedA, string KeyA, string FeedB, string KeyB, string Decision, string DecidedBy, string? Note);

/// <summary>Enterprises, links and the clerks' review queue over HTTP.</summary>
public static class MatchingEndpoints
{
    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        // An id retired by a merge is followed to the enterprise it became (requested_id says which was asked).
        var api = app.MapGroup("/api").WithTags("Matching").RequireAuthorization(ApiRoles.Matching);
        api.MapGet("/enterprises/{id}", async (string id, EnterpriseQueries queries, CancellationToken ct) =>
            await queries.FindAsync(id, ct) is { } view
                ? Results.Ok(view)
                : Results.NotFound(new { error = $"No enterprise with id '{id}'." }));

        // Records of one registry held to be one firm (NSSF registered twice, two TINs): the registrations to clean up.
        api.MapGet("/duplicate-registrations", async (string? feed, DuplicateRegistrations duplicates, CancellationToken ct) =>
            Results.Ok(await duplicates.ListAsync(feed, ct)));

        api.MapGet("/review", async (int? top, ReviewService review, CancellationToken ct) =>
            Results.Ok(await review.QueueAsync(top ?? 100, ct)));

        api.MapPost("/review/decisions", async (ReviewDecisionRequest body, ReviewService review, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                var by = ApiCaller.Authenticated(http) ?? body.DecidedBy;
                var d = await review.DecideAsync(body.FeedA, body.KeyA, body.FeedB, body.KeyB, body.Decision, by, body.Note, ct);
                return Results.Created($"/api/review/decisions/{d.FeedA}/{d.KeyA}/{d.FeedB}/{d.KeyB}", d);
            }
            catch (ReviewException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });
        return app;
    }
}
