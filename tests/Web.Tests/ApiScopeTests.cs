using System.Net;
using System.Text.Json;
using Dapper;
using Integration.Host.Api;
using Microsoft.AspNetCore.Builder;

namespace Integration.Web.Tests;

/// <summary>API keys carry the same roles and province scope as accounts, and their reads and checks are audited.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiScopeTests(WebAppFixture app)
{
    [Fact]
    public async Task A_key_scoped_to_a_province_lists_only_that_province_and_is_refused_another()
    {
        await using var host = ApiHost.Build([], new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = app.Database.ConnectionString,
            ["Storage:LandingPath"] = Path.Combine(app.DataFolder, "landing"),
            ["Storage:RawPath"] = Path.Combine(app.DataFolder, "raw"),
            ["Storage:ExportPath"] = Path.Combine(app.DataFolder, "exports"),
            ["Api:Keys:0:Name"] = "kc-office",
            ["Api:Keys:0:Key"] = "kc-key-0123456789",
            ["Api:Keys:0:Roles:0"] = "registration",
            ["Api:Keys:0:Roles:1"] = "licensing",
            ["Api:Keys:0:Province"] = "Kampong Cham",
            ["Logging:LogLevel:Default"] = "Warning",
        }, new ServeSettings(Urls: "http://127.0.0.1:0"));
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };
        http.DefaultRequestHeaders.Add("X-Api-Key", "kc-key-0123456789");

        var leads = JsonDocument.Parse(await http.GetStringAsync("/api/leads")).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(leads);
        var expected = await app.QueryAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM lead_snapshots WHERE province_code = '03' AND alert_run_id = (SELECT run_id FROM alert_runs ORDER BY started_at DESC LIMIT 1)"));
        Assert.Equal(expected, leads.Count);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/leads?province=12")).StatusCode);
        var outside = await app.ScalarAsync(
            "SELECT l.source_key FROM entity_links l JOIN enterprises e ON e.enterprise_id = l.enterprise_id WHERE l.feed = 'moc-licences' AND e.province_code <> '03' LIMIT 1");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/licence-checks/" + Uri.EscapeDataString(outside))).StatusCode);
        var inside = await app.ScalarAsync(
            "SELECT l.source_key FROM entity_links l JOIN enterprises e ON e.enterprise_id = l.enterprise_id WHERE l.feed = 'moc-licences' AND e.province_code = '03' LIMIT 1");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/licence-checks/" + Uri.EscapeDataString(inside))).StatusCode);

        var audited = await app.QueryAsync(c => c.QueryAsync<(string Action, string Channel, string Province)>(
            "SELECT action, channel, province_code FROM audit_log WHERE actor = 'kc-office' ORDER BY seq"));
        Assert.Equal([("ListRead", "api", "03"), ("LicenceCheck", "api", "03")], audited);
        await host.StopAsync();
    }
}
