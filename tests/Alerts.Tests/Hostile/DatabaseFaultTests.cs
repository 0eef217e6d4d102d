using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Alerts.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, rows 13 and 14): a full disk under the database (a small tmpfs), and a
/// database file that cannot be written when the service starts (chattr +i). Checks answer 503 naming the fault as the database reported it, /health
/// says unhealthy because it writes, and both recover without a restart once the disk has space or is writable.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task Checks_on_a_full_disk_answer_503_naming_it_and_recover_when_there_is_space_again()
    {
        using var disk = new ScratchDisk("32m");
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite, sqliteFile: disk.Combine("integration.db"));
        h.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-08");
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/licence-checks/R1", UriKind.Relative))).StatusCode);

        disk.Fill();
        var full = await Until(http, "/api/licence-checks/R1", HttpStatusCode.ServiceUnavailable);
        using var sick = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
        var problem = await full.Content.ReadFromJsonAsync<JsonElement>();
        // SQLite reports ENOSPC as SQLITE_FULL (13) on most write paths, but as SQLITE_IOERR (10) on some (seen
        // since the check log has its own file, about one run in three): both must be a 503 naming SQLite's code.
        // Telling the second apart needs the database's free space, which the error does not carry (left open).
        var (title, detail) = (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()!);
        Assert.True(
            (title == "The database's disk is full" && detail.StartsWith("the disk is full (SQLite error 13", StringComparison.Ordinal))
            || (title == "The database is unavailable" && detail.StartsWith("SQLite error 10", StringComparison.Ordinal)),
            $"{title}: {detail}");
        Assert.NotNull(full.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sick.StatusCode);
        var health = await sick.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("unhealthy", "failed"), (health.GetProperty("status").GetString(), health.GetProperty("write").GetString()));
        var error = health.GetProperty("error").GetString()!;
        Assert.True(error.StartsWith("the disk is full", StringComparison.Ordinal) || error.StartsWith("SQLite error 10", StringComparison.Ordinal), error);

        disk.Free();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/licence-checks/R1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_database_that_cannot_be_written_at_start_answers_503_then_recovers_without_a_restart()
    {
        using var folder = new TempFolder("readonly-db");
        var file = folder.Combine("integration.db");
        using (var seeded = new AlertsTestHost(DatabaseProvider.Sqlite, sqliteFile: file))
        {
            seeded.Seed.Moc("R1", "E1").Nssf("N1", "E1").Paid("N1", "2025-01", "2026-08");
            var (first, client) = await seeded.StartApi(); // a first start applies every migration, as a deployed service has
            client.Dispose();
            await first.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var unwritable = new UnwritableFile(file);
        using var unwritableLog = new UnwritableFile(folder.Combine("integration-log.db")); // where checks are logged (SQLite's log database)
        using var h = new AlertsTestHost(DatabaseProvider.Sqlite, sqliteFile: file);
        var (app, http) = await h.StartApi();
        await using var _ = app;
        using var __ = http;

        using var refused = await http.GetAsync(new Uri("/api/licence-checks/R1", UriKind.Relative));
        using var sick = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The database cannot be written", problem.GetProperty("title").GetString());
        Assert.Contains("readonly database", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sick.StatusCode);

        unwritable.Release();
        unwritableLog.Release();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/licence-checks/R1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    /// <summary>A full disk shows on the first write that needs a new page; a few checks may still fit in pages already there.</summary>
    private static async Task<HttpResponseMessage> Until(HttpClient http, string path, HttpStatusCode status)
    {
        for (var i = 0; i < 200; i++)
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == status)
            {
                return response;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        throw new InvalidOperationException($"{path} never answered {status} on a full disk");
    }
}
