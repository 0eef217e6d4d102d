using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Integration.Core.Database;

namespace Integration.Alerts.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, rows 8, 11, 12 and the smaller items): every API parameter and body is
/// checked; what is refused is a 400 (413 for a body past the limit) problem document naming the parameter, never a 500,
/// and nothing of it is stored.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class ApiInputTests
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { "/api/review?top=-1", "top" },
        { "/api/review?top=0", "top" },
        { "/api/review?top=100001", "top" },
        { "/api/licence-checks/R1?asOf=0001-01-01", "plausible range" },
        { "/api/licence-checks/R1?asOf=9999-12-31", "plausible range" },
        { "/api/licence-checks/R1?asOf=2569-10-01", "Buddhist-era" },
        { "/api/licence-checks/R1?user=" + new string('u', 200), "user" },
        { "/api/licence-checks/R1?user=a%00b", "control character U+0000" },
        { "/api/licence-checks/" + new string('9', 200), "registration_no" },
        { "/api/leads?status=BOGUS", "status" },
        { "/api/leads?province=" + new string('p', 300), "province" },
        { "/api/leads?asOf=0001-01-01", "plausible range" },
        { "/api/leads?limit=abc", "" },
        { "/api/targets?district=%1B%5B2J", "control character U+001B" },
        { "/api/targets?asOf=9999-12-31", "plausible range" },
        { "/api/enterprises/" + new string('e', 300), "id" },
        { "/api/jobs/runs?limit=0", "limit" },
        { "/api/jobs/runs?limit=5000", "limit" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string path, string named)
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        h.Seed.Moc("R1", "E1");
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var said = problem.GetProperty("title").GetString() + " " + (problem.TryGetProperty("detail", out var detail) ? detail.GetString() : "");
        Assert.Contains(named, said, StringComparison.Ordinal);
        using var conn = h.Database.Db.Open();
        Assert.Equal(0, conn.ExecuteScalar<long>("SELECT COUNT(*) FROM licence_checks")); // a refused check is not a check
    }

    [Fact]
    public async Task A_huge_note_is_refused_whole_and_a_long_one_by_its_limit_and_neither_is_stored()
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        h.Seed.Moc("R1", "E1").Gdt("T1", "E1", employees: 120, period: "2026-09");
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        var huge = JsonSerializer.Serialize(new { status = "CONTACTED", by = "division.dara", note = new string('n', 1_000_000) });
        using var tooBig = await http.PutAsync(new Uri("/api/leads/E1/status", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json"));
        using var tooLong = await http.PutAsJsonAsync("/api/leads/E1/status", new { status = "CONTACTED", by = "division.dara", note = new string('n', 2_001) });
        using var fine = await http.PutAsJsonAsync("/api/leads/E1/status", new { status = "CONTACTED", by = "division.dara", note = "visit booked\non Monday" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("application/problem+json", tooBig.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Api:Limits:MaxBodyBytes", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("note may hold at most 2,000 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        using var conn = h.Database.Db.Open();
        Assert.Equal(["visit booked\non Monday"], conn.Query<string>("SELECT note FROM lead_status_history"));
    }

    [Fact]
    public async Task A_review_decision_without_its_fields_is_a_400_problem()
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        using var empty = await http.PostAsJsonAsync("/api/review/decisions", new { });
        using var wrong = await http.PostAsJsonAsync("/api/review/decisions", new { feedA = "moc-licences", keyA = "R1", feedB = "moc-licences", keyB = "R2", decision = "ACCEPT", decidedBy = "clerk" });

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (empty.StatusCode, empty.Content.Headers.ContentType?.MediaType));
        Assert.Contains("feed_a is required", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (wrong.StatusCode, wrong.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task An_unknown_enterprise_is_a_404_problem()
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        using var response = await http.GetAsync(new Uri("/api/enterprises/E999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("E999", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_number_written_another_way_finds_the_registration()
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        h.Seed.Moc("Co.054321/19E", "E2", declared: 3);
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        var check = await http.GetFromJsonAsync<JsonElement>("/api/licence-checks/" + Uri.EscapeDataString("co 054321/19e"));

        Assert.Equal("Co.054321/19E", check.GetProperty("registration_no").GetString());
    }
}
