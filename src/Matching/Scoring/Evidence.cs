using System.Globalization;
using System.Text;
using System.Text.Json;
using Integration.Matching.Comparison;

namespace Integration.Matching.Scoring;

/// <summary>
/// Explanations of a pair's score: for each field, the comparison level and the weight (log2 m/u) it
/// added or took away. Short text for entity_links and links.csv, JSON for match_pairs and the API.
/// </summary>
public static class Evidence
{
    /// <summary>"name exact +9.1; tin equal +13.2; place same district +3.0; phone different -2.1".</summary>
    public static string Text(int pattern, IReadOnlyList<double> fieldWeights, double totalWeight)
    {
        var sb = new StringBuilder();
        foreach (var (field, level, weight) in Contributions(pattern, fieldWeights).OrderByDescending(c => Math.Abs(c.Weight)))
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(CultureInfo.InvariantCulture, $"{field} {level} {weight:+0.0;-0.0}");
        }

        sb.Append(CultureInfo.InvariantCulture, $" (total {totalWeight:0.0})");
        return sb.ToString();
    }

    public static string Json(FellegiSunterModel model, int pattern, IReadOnlyList<double> fieldWeights, double totalWeight, double probability)
    {
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            fields[Fields.Names[f]] = l < 0
                ? new { level = "missing", weight = 0.0 }
                : new { level = Fields.Levels[f][l], weight = Math.Round(fieldWeights[f], 3) };
        }

        return JsonSerializer.Serialize(new
        {
            probability = Math.Round(probability, 6),
            match_weight = Math.Round(totalWeight, 3),
            prior_weight = Math.Round(model.PriorWeight, 3),
            fields,
        });
    }

    public static IEnumerable<(string Field, string Level, double Weight)> Contributions(int pattern, IReadOnlyList<double> fieldWeights)
    {
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            if (l >= 0)
            {
                yield return (Fields.Names[f], Fields.Levels[f][l], fieldWeights[f]);
            }
        }
    }
}
