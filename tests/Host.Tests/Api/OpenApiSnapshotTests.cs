using Integration.Core.Database;
using Integration.TestSupport;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Integration.Host.Tests.Api;

/// <summary>
/// The OpenAPI document is the API's contract with the ministries' systems: any change to a path, a parameter, a
/// schema or a status code shows up here as a snapshot diff to be accepted on purpose
/// (<c>__snapshots__/</c>; delete the file and re-run to accept).
/// </summary>
public sealed class OpenApiSnapshotTests
{
    [Fact]
    public async Task The_OpenAPI_document_changes_only_on_purpose()
    {
        var name = Snapshot.FullName(); // before the first await: Snapshooter finds the test by its stack
        using var test = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await RunningHost.StartAsync(test.Options);

        var json = await host.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var doc = JObject.Parse(json);
        doc.Remove("servers"); // the loopback address with this run's port
        Snapshot.Match(doc, name);
    }
}
