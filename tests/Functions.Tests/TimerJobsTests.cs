using Integration.Core.Jobs;
using Integration.TestSupport;
using Integration.Core.Database;

namespace Integration.Functions.Tests;

public class TimerJobsTests
{
    [Theory]
    [InlineData("2026-11-01T19:00:00.3000000Z", "2026-11-01T19:00:00Z")] // fired just after its occurrence
    [InlineData("2026-11-01T18:59:59.2000000Z", "2026-11-01T19:00:00Z")] // a moment early still counts
    [InlineData("2026-11-01T19:02:00Z", "2026-11-01T19:00:00Z")]        // late (a cold start): the occurrence it stands for
    public async Task A_firing_stands_for_the_occurrence_of_the_jobs_cron(string firedAt, string occurrence)
    {
        await using var app = FunctionsApp.Start(new Dictionary<string, string?>());

        var at = app.Get<TimerJobs>().Occurrence("ingest-moc-licences", DateTimeOffset.Parse(firedAt, System.Globalization.CultureInfo.InvariantCulture)); // 0 0 19 * * *

        Assert.Equal(DateTimeOffset.Parse(occurrence, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Fact]
    public async Task A_failed_run_fails_the_invocation_and_is_recorded()
    {
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var app = FunctionsApp.Start(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = test.Options.ConnectionString,
            ["Storage:Kind"] = "AzureBlob",
            ["Storage:Azure:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + TestServices.AzuriteKey + ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            ["Schedule:MaxAttempts"] = "1",
        });
        var functions = app.Get<JobFunctions>();

        var e = await Assert.ThrowsAsync<JobFailedException>(() => functions.IngestMocLicences(new Microsoft.Azure.Functions.Worker.TimerInfo(), new TestFunctionContext(app.Services)));

        Assert.Contains("unreachable", e.Message, StringComparison.Ordinal);
        var run = Assert.Single(await app.Get<JobRunStore>().ListAsync());
        Assert.Equal(("ingest-moc-licences", "failed", "azure-functions"), (run.Job, run.Outcome, run.TriggeredBy));
    }
}
