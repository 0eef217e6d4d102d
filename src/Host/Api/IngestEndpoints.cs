using Integration.Ingest.Runs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static Integration.Host.Api.ApiInput;

namespace Integration.Host.Api;

/// <summary>Operators' side of ingest over HTTP: the snapshots the removal guard holds, and their confirmation.</summary>
public static class IngestEndpoints
{
    /// <summary>Body of POST /api/ingest/held/{file_id}/confirm.</summary>
    public sealed record ConfirmBody(string? By, string? Note);

    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ingest").WithTags("Operations").RequireAuthorization(ApiRoles.Operations);
        group.MapGet("/held", async (HeldSnapshots held, CancellationToken ct) => Results.Ok(await held.ListAsync(ct)))
            .WithName("ListHeldSnapshots")
            .WithSummary("Snapshots held by the removal guard (they would remove more than Ingest:RemovalGuard:MaxShare of their feed), confirmed or not.");

        group.MapPost("/held/{file_id:long}/confirm", async (long file_id, [FromBody] ConfirmBody? body, HeldSnapshots held, HttpContext http, IOptions<ApiOptions> api, CancellationToken ct) =>
            {
                var max = api.Value.Limits;
                var by = ApiCaller.Name(http, body?.By);
                if (First(Text("by", by, max.MaxNameChars, required: true), Text("note", body?.Note, max.MaxNoteChars, multiline: true)) is { } bad)
                {
                    return bad;
                }

                return await held.ConfirmAsync(file_id, by!, body?.Note, ct) is { } confirmed
                    ? Results.Ok(confirmed)
                    : Problem(404, "Not a held snapshot", $"File {file_id} is not held by the removal guard (unknown, or applied already).");
            })
            .WithName("ConfirmHeldSnapshot")
            .WithSummary("Confirms that a held snapshot's removals are real; the next ingest of its feed applies it.");
        return app;
    }
}
