using System.Reflection;
using Integration.Access;
using Integration.Alerts;
using Integration.Core;
using Integration.Ingest;
using Integration.Matching;
using NetArchTest.Rules;

namespace Integration.Host.Tests.Architecture;

/// <summary>
/// Data flows one way, Ingest → Matching → Alerts, over Core (docs/architecture.md): a module never uses a module
/// downstream of it, and Core uses none. Project references already forbid a cycle; these rules also catch a
/// reference added "just for one type" in the wrong direction, which the compiler would allow.
/// </summary>
public sealed class ModuleDependencyTests
{
    private const string Core = "Integration.Core";
    private const string Ingest = "Integration.Ingest";
    private const string Matching = "Integration.Matching";
    private const string Alerts = "Integration.Alerts";
    private const string Access = "Integration.Access";
    private const string Web = "Integration.Web";
    private const string Host = "Integration.Host";
    private const string Functions = "Integration.Functions";
    private const string Generator = "Integration.Generator";

    public static TheoryData<string, string[]> Downstream => new()
    {
        { Core, [Ingest, Matching, Alerts, Access, Web, Host, Functions, Generator] },
        { Ingest, [Matching, Alerts, Access, Web, Host, Functions, Generator] },
        { Matching, [Alerts, Access, Web, Host, Functions, Generator] },
        { Alerts, [Access, Web, Host, Functions, Generator] },
        { Access, [Ingest, Matching, Alerts, Web, Host, Functions, Generator] },
    };

    private static readonly Dictionary<string, Assembly> Assemblies = new(StringComparer.Ordinal)
    {
        [Core] = typeof(CoreServiceCollectionExtensions).Assembly,
        [Ingest] = typeof(IngestServiceCollectionExtensions).Assembly,
        [Matching] = typeof(MatchingServiceCollectionExtensions).Assembly,
        [Alerts] = typeof(AlertsServiceCollectionExtensions).Assembly,
        [Access] = typeof(AccessServiceCollectionExtensions).Assembly,
    };

    [Theory]
    [MemberData(nameof(Downstream))]
    public void A_module_uses_no_module_downstream_of_it(string module, string[] downstream)
    {
        var result = Types.InAssembly(Assemblies[module]).ShouldNot().HaveDependencyOnAny(downstream).GetResult();

        Assert.True(result.IsSuccessful, $"{module} uses {string.Join("/", downstream)} in: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_rule_sees_a_real_dependency()
    {
        // Guards the test itself: Alerts does use Matching, so a rule that found nothing would be a broken rule.
        var result = Types.InAssembly(Assemblies[Alerts]).ShouldNot().HaveDependencyOn(Matching).GetResult();

        Assert.False(result.IsSuccessful);
    }
}
