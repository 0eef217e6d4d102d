using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests;

/// <summary>The alerts endpoints over real HTTP: Kestrel on a loopback port, HttpClient, the full host.</summary>
public sealed class HttpApiTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Licence_check_over_http_answers_logs_and_404s(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-08");
        h.Seed.Moc("Co.054321/19E", "E2", declared: 3);
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        var on15 = await http.GetFromJsonAsync<JsonElement>("/api/licence-checks/R1?asOf=2026-10-15&user=officer.vanna");
        var today = await http.GetFromJsonAsync<JsonElement>("/api/licence-checks/R1");
        var unknown = await http.GetAsync(new Uri("/api/licence-checks/NOPE", UriKind.Relative));
        var badDate = await http.GetAsync(new Uri("/api/licence-checks/R1?asOf=15/10/2026", UriKind.Relative));
        var slashEncoded = await http.GetFromJsonAsync<JsonElement>("/api/licence-checks/" + Uri.EscapeDataString("Co.054321/19E"));
        var slashRaw = await http.GetFromJsonAsync<JsonElement>("/api/licence-checks/Co.054321/19E");

        Assert.Equal("ALLOW", on15.GetProperty("decision").GetString());
        Assert.Equal("2026-10-15", on15.GetProperty("as_of").GetString());
        Assert.Equal("BLOCK", today.GetProperty("decision").GetString());
        Assert.Equal("2026-10-20", today.GetProperty("as_of").GetString());
        Assert.Equal(1, today.GetProperty("unpaid_periods").GetInt32());
        Assert.Equal("2026-08", today.GetProperty("paid_through").GetString());
        Assert.Equal("m1", today.GetProperty("run_id").GetString());
        Assert.StartsWith("ARREARS: ", today.GetProperty("reasons").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("NOPE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("application/problem+json", badDate.Content.Headers.ContentType?.MediaType);

        Assert.Equal(("Co.054321/19E", "BLOCK"), (slashEncoded.GetProperty("registration_no").GetString(), slashEncoded.GetProperty("decision").GetString()));
        Assert.Equal("Co.054321/19E", slashRaw.GetProperty("registration_no").GetString());

        using var conn = h.Database.Db.Open();
        var log = conn.Query<(string RequestedBy, string Channel, string Decision)>("SELECT requested_by, channel, decision FROM licence_checks ORDER BY check_id").ToList();
        Assert.Equal([("officer.vanna", "http", "ALLOW"), ("anonymous", "http", "BLOCK"), ("anonymous", "http", "NOT_FOUND"), ("anonymous", "http", "BLOCK"), ("anonymous", "http", "BLOCK")], log);
    }

    [Fact]
    public async Task With_api_keys_each_endpoint_needs_a_key_with_its_role_and_the_key_names_the_caller()
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-08");
        var (app, http) = await h.StartApi(new Dictionary<string, string?>
        {
            ["Api:Keys:0:Name"] = "officer.vanna",
            ["Api:Keys:0:Key"] = "licensing-secret",
            ["Api:Keys:0:Roles:0"] = "licensing",
            ["Api:Keys:1:Name"] = "inspector.sok",
            ["Api:Keys:1:KeySha256"] = Integration.Host.Api.ApiKeyAuthentication.Hash("inspection-secret"),
            ["Api:Keys:1:Roles:0"] = "inspection",
        });
        await using var _ = app;
        using var __ = http;

        async Task<HttpResponseMessage> Get(string path, string? key, bool bearerStyle = false)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (key is not null && bearerStyle)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "ApiKey " + key);
            }
            else if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            return await http.SendAsync(request);
        }

        var anonymous = await Get("/api/licence-checks/R1?asOf=2026-10-15", null);
        var wrongKey = await Get("/api/licence-checks/R1?asOf=2026-10-15", "guess");
        var wrongRole = await Get("/api/licence-checks/R1?asOf=2026-10-15", "inspection-secret");
        var allowed = await Get("/api/licence-checks/R1?asOf=2026-10-15&user=someone.else", "licensing-secret");
        var targets = await Get("/api/targets", "inspection-secret", bearerStyle: true);
        var leads = await Get("/api/leads", "inspection-secret");
        var jobs = await Get("/api/jobs", "licensing-secret");
        var health = await Get("/health", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal("application/problem+json", wrongRole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, targets.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, leads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, jobs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        // The check is logged under the key's name, not the name the caller typed; refused calls are not checks.
        using var conn = h.Database.Db.Open();
        Assert.Equal(["officer.vanna"], conn.Query<string>("SELECT requested_by FROM licence_checks WHERE channel = 'http'"));
    }

    [Fact]
    public async Task A_half_configured_api_key_stops_the_start()
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => h.StartApi(new Dictionary<string, string?>
        {
            ["Api:Keys:0:Name"] = "officer.vanna",
            ["Api:Keys:0:Roles:0"] = "licensing",
        }));

        Assert.Contains("Api:Keys:0 (officer.vanna) needs Key or KeySha256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_come_in_pages_with_the_total_and_a_link_to_the_next()
    {
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite);
        h.Seed.Moc("R1", "E1", declared: 5).Moc("R2", "E2", declared: 6).Moc("R3", "E3", declared: 7);
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        var all = await http.GetFromJsonAsync<JsonElement[]>("/api/leads");
        var first = await http.GetAsync(new Uri("/api/leads?onlyNew=false&limit=2", UriKind.Relative));
        var next = first.Headers.GetValues("Link").Single();
        var nextUri = next[1..next.IndexOf('>', StringComparison.Ordinal)];
        var second = await http.GetAsync(new Uri(nextUri, UriKind.Relative));
        var targets = await http.GetAsync(new Uri("/api/targets?limit=1&offset=1", UriKind.Relative));
        var zero = await http.GetAsync(new Uri("/api/leads?limit=0", UriKind.Relative));
        var negative = await http.GetAsync(new Uri("/api/targets?offset=-1", UriKind.Relative));

        Assert.Equal(3, all!.Length);
        Assert.Equal("/api/leads?onlyNew=false&limit=2&offset=2", nextUri);
        Assert.EndsWith("; rel=\"next\"", next, StringComparison.Ordinal);
        var pages = (await first.Content.ReadFromJsonAsync<JsonElement[]>())!.Concat((await second.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Equal(all.Select(l => l.GetProperty("enterprise_id").GetString()), pages.Select(l => l.GetProperty("enterprise_id").GetString()));
        Assert.Equal(["3"], first.Headers.GetValues("X-Total-Count"));
        Assert.False(second.Headers.Contains("Link"));
        Assert.Single((await targets.Content.ReadFromJsonAsync<JsonElement[]>())!);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal("application/problem+json", zero.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leads_and_targets_over_http_with_status_updates(DatabaseProvider provider)
    {
        using var h = new AlertsTestHost(provider);
        h.Seed.Moc("R1", "E1", isic: "1410").Gdt("T1", "E1", employees: 120, period: "2026-09", firstSeen: "2026-03-01");
        h.Seed.Moc("R2", "E2", declared: 5, firstSeen: "2026-05-01");
        h.Seed.Enterprise("E2", "Siem Reap", "Krong Siem Reap", "17", "1710");
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        var leads = await http.GetFromJsonAsync<JsonElement[]>("/api/leads");
        var put = await http.PutAsJsonAsync("/api/leads/E1/status", new { status = "CONTACTED", by = "division.dara", note = "visit booked" });
        var badPut = await http.PutAsJsonAsync("/api/leads/E1/status", new { status = "MAYBE", by = "x" });
        var missingPut = await http.PutAsJsonAsync("/api/leads/E404/status", new { status = "CONTACTED", by = "x" });
        var phnomPenh = await http.GetFromJsonAsync<JsonElement[]>("/api/leads?province=12&onlyNew=true");
        var targets = await http.GetFromJsonAsync<JsonElement[]>("/api/targets?capacity=1");
        var siemReapTargets = await http.GetFromJsonAsync<JsonElement[]>("/api/targets?province=Siem%20Reap&district=1710");
        var badCapacity = await http.GetAsync(new Uri("/api/targets?capacity=-1", UriKind.Relative));

        Assert.Equal(["E2", "E1"], leads!.Select(l => l.GetProperty("enterprise_id").GetString()));
        Assert.Equal("gdt:120 (2026-09)", leads![1].GetProperty("employees_evidence").GetString());
        Assert.True(leads[1].GetProperty("is_new").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingPut.StatusCode);
        var e1 = Assert.Single(phnomPenh!);
        Assert.Equal("CONTACTED", e1.GetProperty("status").GetString());
        var top = Assert.Single(targets!);
        Assert.Equal(1, top.GetProperty("rank").GetInt32());
        Assert.Equal("E1", top.GetProperty("enterprise_id").GetString());
        Assert.StartsWith("NOT_REGISTERED +40; GDT_EMPLOYEES 120 +20", top.GetProperty("reasons").GetString(), StringComparison.Ordinal);
        Assert.Equal(120, top.GetProperty("employees_gdt").GetInt64());
        Assert.Equal("E2", Assert.Single(siemReapTargets!).GetProperty("enterprise_id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCapacity.StatusCode);
    }
}
