using Integration.Matching.Comparison;
using Integration.Matching.Scoring;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace Integration.Matching.Tests;

/// <summary>
/// The evidence JSON is stored with every pair (match_pairs) and shown to clerks and in exports: its shape and
/// wording change only on purpose, seen as a snapshot diff (<c>__snapshots__/</c>; delete the file to accept).
/// </summary>
public sealed class EvidenceSnapshotTests
{
    [Fact]
    public void The_evidence_of_a_pair_reads_as_before()
    {
        // A fixed model: m rises and u falls with the agreement level, as estimated models do.
        var model = new FellegiSunterModel(
            Fields.Levels.Select(l => l.Select((_, i) => 0.05 + (0.9 * (i + 1) / l.Length)).ToArray()).ToArray(),
            Fields.Levels.Select(l => l.Select((_, i) => 0.5 / (i + 1)).ToArray()).ToArray(),
            0.001);
        var levels = new int[Fields.Count];
        Array.Fill(levels, -1); // missing on one side
        levels[Fields.Name] = Fields.LevelCount(Fields.Name) - 1;
        levels[Fields.Tin] = Fields.LevelCount(Fields.Tin) - 1;
        levels[Fields.Phone] = 0;
        levels[Fields.Place] = 1;
        var pattern = Pattern.Pack(levels);
        var weights = new double[Fields.Count];
        for (var f = 0; f < Fields.Count; f++)
        {
            weights[f] = levels[f] < 0 ? 0 : model.Weights[f][levels[f]];
        }

        var total = model.MatchWeight(pattern);

        JToken.Parse(Evidence.Json(model.PriorWeight, pattern, weights, total, FellegiSunterModel.Probability(total))).MatchSnapshot();
    }
}
