using System.Text.Json;
using Integration.Access.Audit;
using Integration.Matching.Review;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Review;

/// <summary>One field of the matcher's evidence for a pair: its comparison level and the weight it added.</summary>
public sealed record FieldEvidence(string Field, string Level, double Weight)
{
    public string Mark => Level == "missing" || Weight == 0 ? "missing" : Weight > 0 ? "agree" : "disagree";
}

/// <summary>
/// The clerks' queue: the best undecided pair, both records side by side with each field marked as agreeing
/// or disagreeing, accept or reject from the keyboard; the decision is stored and wins in every later run.
/// </summary>
public sealed class IndexModel(ReviewService review) : WebPage
{
    private const int Window = 10;

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public ReviewItem? Item { get; private set; }

    public IReadOnlyList<ReviewItem> Upcoming { get; private set; } = [];

    public IReadOnlyList<FieldEvidence> Fields { get; private set; } = [];

    public string? Recorded { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? recorded)
    {
        Recorded = recorded;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(string feedA, string keyA, string feedB, string keyB, string decision)
    {
        try
        {
            var d = await review.DecideAsync(feedA, keyA, feedB, keyB, decision, Caller.Name, null, HttpContext.RequestAborted);
            await AuditAsync(AuditAction.ReviewDecision, $"{d.FeedA}:{d.KeyA} {d.FeedB}:{d.KeyB}", new { decision = d.Decision });
            return Redirect($"/review?recorded={Uri.EscapeDataString(d.Decision)}" + (Skip > 0 ? $"&skip={Skip}" : ""));
        }
        catch (ReviewException e)
        {
            Error = e.Message;
            await LoadAsync();
            return PageWithStatus(400);
        }
    }

    /// <summary>The evidence field that speaks about a record field shown side by side.</summary>
    public FieldEvidence? For(string field) => Fields.FirstOrDefault(f => f.Field == field);

    private async Task LoadAsync()
    {
        Skip = Math.Max(0, Skip);
        var queue = await review.QueueAsync(Skip + Window, Caller.ProvinceCode, HttpContext.RequestAborted);
        Item = queue.Skip(Skip).FirstOrDefault();
        Upcoming = queue.Skip(Skip + 1).ToList();
        if (Item is not null)
        {
            Fields = Parse(Item.Evidence);
            await AuditAsync(AuditAction.FirmRead, $"{Item.A.Feed}:{Item.A.SourceKey} {Item.B.Feed}:{Item.B.SourceKey}", new { page = "review" });
        }
    }

    private static List<FieldEvidence> Parse(string json)
    {
        var list = new List<FieldEvidence>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty("fields", out var fields))
            {
                foreach (var f in fields.EnumerateObject())
                {
                    list.Add(new FieldEvidence(
                        f.Name,
                        f.Value.TryGetProperty("level", out var l) ? l.GetString() ?? "" : "",
                        f.Value.TryGetProperty("weight", out var w) && w.TryGetDouble(out var x) ? x : 0));
                }
            }
        }
        catch (JsonException)
        {
            // Evidence written by an older version in another shape: the pair is still shown, without marks.
        }

        return list;
    }
}
