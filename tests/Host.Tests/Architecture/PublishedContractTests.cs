using System.Reflection;
using System.Text.RegularExpressions;
using Integration.Alerts;
using Integration.Ingest;
using Integration.Matching;
using Integration.TestSupport;
using NetArchTest.Rules;

namespace Integration.Host.Tests.Architecture;

/// <summary>
/// Alerts reads Ingest and Matching only through their published read contracts (docs/architecture.md): the
/// types in <c>Integration.Ingest.Contracts</c> (FeedRowReader and the feed rows) and <c>Integration.Matching.Contracts</c>
/// (LinkageReader, links, pairs, enterprises, duplicate registrations). The type rule catches a using of an
/// internal type; the source rule catches SQL naming a table another module owns, which no type rule can see.
/// </summary>
public sealed partial class PublishedContractTests
{
    private static readonly Assembly Ingest = typeof(IngestServiceCollectionExtensions).Assembly;
    private static readonly Assembly Matching = typeof(MatchingServiceCollectionExtensions).Assembly;

    [Fact]
    public void Alerts_uses_only_the_published_contracts_of_ingest_and_matching()
    {
        var internals = Internals(Ingest, "Integration.Ingest.Contracts").Concat(Internals(Matching, "Integration.Matching.Contracts")).ToArray();
        Assert.NotEmpty(internals);

        var result = Types.InAssembly(typeof(AlertsServiceCollectionExtensions).Assembly).ShouldNot().HaveDependencyOnAny(internals).GetResult();

        Assert.True(result.IsSuccessful, "Alerts uses internals of Ingest/Matching in: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_contract_rule_sees_a_real_dependency()
    {
        // Guards the rule: the Host composes Ingest's internals (IngestService), so the same rule must fail there.
        var result = Types.InAssembly(typeof(AppServices).Assembly).ShouldNot().HaveDependencyOnAny(Internals(Ingest, "Integration.Ingest.Contracts").ToArray()).GetResult();

        Assert.False(result.IsSuccessful);
    }

    /// <summary>
    /// Matching reads Ingest's tables only through Ingest's published SQL (RegistryRowSql, FeedRowReader). The one
    /// exception: the MoC search of the check page, which filters registrations by their enterprise's province in
    /// one indexed query over the links (LinkageReader.SearchMocAsync).
    /// </summary>
    [Fact]
    public void Matching_names_no_table_of_ingest()
    {
        var tables = OwnedTables("src/Ingest/Migrations").ToList();
        Assert.Contains("moc_licences", tables);
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src/Matching"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            offences.AddRange(tables
                .Where(t => !(relative == "src/Matching/Contracts/LinkageReader.cs" && t == "moc_licences") && NamesTable(text, t))
                .Select(t => $"{relative}: {t}"));
        }

        Assert.True(offences.Count == 0, "Matching SQL on an Ingest table (use RegistryRowSql / FeedRowReader): " + string.Join("; ", offences));
    }

    [Theory]
    [InlineData("src/Alerts")]
    [InlineData("src/Web")]
    [InlineData("src/Host")]
    public void No_sql_names_a_table_of_ingest_or_matching(string folder)
    {
        var tables = OwnedTables("src/Ingest/Migrations").Concat(OwnedTables("src/Matching/Migrations")).ToList();
        Assert.Contains("entity_links", tables);
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            offences.AddRange(tables
                .Where(t => NamesTable(text, t))
                .Select(t => $"{relative}: {t}"));
        }

        Assert.True(offences.Count == 0, "SQL on another module's table (use FeedRowReader / FeedRowSql / LinkageReader / LinkageSql): " + string.Join("; ", offences));
    }

    private static bool NamesTable(string sql, string table) => Regex.IsMatch(sql, $@"\b(FROM|JOIN|INTO|UPDATE)\s+{table}\b");

    /// <summary>Full names of the module's types outside its contracts namespace (a prefix match, as NetArchTest does).</summary>
    private static IEnumerable<string> Internals(Assembly module, string contracts) =>
        module.GetTypes()
            .Where(t => t.FullName is not null && !t.FullName.Contains('<', StringComparison.Ordinal) && t.DeclaringType is null)
            .Where(t => t.Namespace != contracts && !(t.Namespace ?? "").StartsWith(contracts + ".", StringComparison.Ordinal))
            .Select(t => t.FullName!);

    private static IEnumerable<string> OwnedTables(string migrations) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, migrations), "*.sql")
            .SelectMany(f => CreateTable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.ToLowerInvariant()))
            .Distinct();

    [GeneratedRegex(@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
