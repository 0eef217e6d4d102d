using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Integration.Core.Database;
using Integration.Host.Cli;
using Integration.TestSupport;

namespace Integration.Host.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, row 7): a snapshot the removal guard holds is listed and confirmed by an
/// operator over the API, or confirmed and applied at once from the command line.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class HeldSnapshotTests
{
    private static string Snapshot(int count) =>
        "registration_no,name_en,name_km,status\n"
        + string.Concat(Enumerable.Range(1, count).Select(i => $"{i:D5},Firm {i},ក្រុមហ៊ុន {i},ACTIVE\n"));

    [Fact]
    public async Task The_command_line_exits_3_on_a_held_snapshot_and_confirm_removal_applies_it()
    {
        using var folder = new TempFolder("held-cli");
        var landing = Directory.CreateDirectory(folder.Combine("data", "landing", "moc-licences")).FullName;
        await File.WriteAllTextAsync(Path.Combine(landing, "2026-09-01.csv"), Snapshot(120));
        Assert.Equal(0, await CliApp.RunAsync(["ingest", "--data", folder.Combine("data")]));
        await File.WriteAllTextAsync(Path.Combine(landing, "2026-10-01.csv"), Snapshot(5));

        var held = await CliApp.RunAsync(["ingest", "--data", folder.Combine("data")]);
        var database = new Db(new DatabaseOptions { ConnectionString = folder.Combine("data", "integration.db") });
        long fileId;
        using (var conn = database.Open())
        {
            fileId = conn.QuerySingle<long>("SELECT file_id FROM source_files WHERE status = 'HELD'");
        }

        var unnamed = await CliApp.RunAsync(["ingest", "--data", folder.Combine("data"), "--confirm-removal", fileId.ToString(CultureInfo.InvariantCulture)]);
        var applied = await CliApp.RunAsync(["ingest", "--data", folder.Combine("data"), "--confirm-removal", fileId.ToString(CultureInfo.InvariantCulture), "--by", "ops.sokha"]);

        Assert.Equal((IngestCommand.HeldExitCode, 2, 0), (held, unnamed, applied));
        using var after = database.Open();
        Assert.Equal(5, after.ExecuteScalar<long>("SELECT COUNT(*) FROM moc_licences WHERE is_current = 1"));
        Assert.Equal(("LOADED", "ops.sokha"), after.QuerySingle<(string, string)>("SELECT status, confirmed_by FROM source_files WHERE file_id = @fileId", new { fileId }));
    }

    [Fact]
    public async Task Operators_list_and_confirm_held_snapshots_over_the_api()
    {
        using var folder = new TempFolder("held-api");
        var landing = Directory.CreateDirectory(folder.Combine("landing", "moc-licences")).FullName;
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await RunningHost.StartAsync(test.Options, config: new Dictionary<string, string?>
        {
            ["Storage:LandingPath"] = folder.Combine("landing"),
            ["Storage:RawPath"] = folder.Combine("raw"),
            ["Storage:ExportPath"] = folder.Combine("exports"),
        });
        var ingest = (Integration.Ingest.Runs.IngestService)host.Services.GetService(typeof(Integration.Ingest.Runs.IngestService))!;
        await File.WriteAllTextAsync(Path.Combine(landing, "2026-09-01.csv"), Snapshot(120));
        await ingest.RunAsync(new Integration.Ingest.Runs.IngestRequest("test"));
        await File.WriteAllTextAsync(Path.Combine(landing, "2026-10-01.csv"), Snapshot(5));
        await ingest.RunAsync(new Integration.Ingest.Runs.IngestRequest("test"));

        var list = await host.Http.GetFromJsonAsync<JsonElement[]>("/api/ingest/held");
        var held = Assert.Single(list!);
        var id = held.GetProperty("fileId").GetInt64();
        using var nameless = await host.Http.PostAsJsonAsync($"/api/ingest/held/{id}/confirm", new { note = "purge of dormant firms" });
        using var unknown = await host.Http.PostAsJsonAsync("/api/ingest/held/999/confirm", new { by = "ops.sokha" });
        using var confirmed = await host.Http.PostAsJsonAsync($"/api/ingest/held/{id}/confirm", new { by = "ops.sokha", note = "purge of dormant firms" });
        var applied = await ingest.RunAsync(new Integration.Ingest.Runs.IngestRequest("test"));

        Assert.Equal(115, held.GetProperty("removals").GetInt64());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.OK), (nameless.StatusCode, unknown.StatusCode, confirmed.StatusCode));
        Assert.Equal("ops.sokha", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("confirmedBy").GetString());
        Assert.Equal("SUCCEEDED", applied.Outcome);
        Assert.Empty((await host.Http.GetFromJsonAsync<JsonElement[]>("/api/ingest/held"))!);
    }
}
