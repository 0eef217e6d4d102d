using System.Globalization;
using System.Text;
using System.Text.Json;
using Integration.Matching.Comparison;
using Integration.Matching.Scoring;

namespace Integration.Matching.Tests;

/// <summary>
/// The evidence texts are made without LINQ, interpolation or reflection for speed; stored evidence must read
/// exactly as before. The references below are the straightforward formulations they replaced.
/// </summary>
public class EvidenceTests
{
    // Values at the rounding edges of "+0.0;-0.0" and of 3 decimals, ties in strength, negative zero.
    private static readonly double[] Awkward = [0, -0.0, 0.05, -0.05, 0.04, -0.04, 0.15, -0.15, 0.25, 2.25, -2.25, 9.95, -9.95, 0.0005, -0.0005, 1.0005, 13.2, -13.2, 1e-9, 123.456789];

    [Fact]
    public void Text_and_json_read_as_string_formatting_and_JsonSerializer_made_them()
    {
        var random = new Random(7);
        var model = new FellegiSunterModel(
            Fields.Levels.Select(l => l.Select((_, i) => 0.1 + (0.8 * (i + 1) / l.Length)).ToArray()).ToArray(),
            Fields.Levels.Select(l => l.Select((_, i) => 0.9 - (0.8 * (i + 1) / (l.Length + 1))).ToArray()).ToArray(),
            0.0003);
        for (var n = 0; n < 5_000; n++)
        {
            var levels = new int[Fields.Count];
            var weights = new double[Fields.Count];
            for (var f = 0; f < Fields.Count; f++)
            {
                levels[f] = random.Next(-1, Fields.LevelCount(f));
                weights[f] = random.Next(3) == 0 ? Awkward[random.Next(Awkward.Length)] : Math.Round((random.NextDouble() - 0.4) * 30, random.Next(1, 5));
            }

            var pattern = Pattern.Pack(levels);
            var total = random.Next(4) == 0 ? Awkward[random.Next(Awkward.Length)] : (random.NextDouble() - 0.5) * 80;
            var probability = random.Next(4) == 0 ? Awkward[random.Next(Awkward.Length)] % 1 : random.NextDouble();

            Assert.Equal(ReferenceText(pattern, weights, total), Evidence.Text(pattern, weights, total));
            Assert.Equal(ReferenceJson(model, pattern, weights, total, probability), Evidence.Json(model.PriorWeight, pattern, weights, total, probability));
        }
    }

    [Fact]
    public void Text_lists_the_strongest_fields_first_and_keeps_field_order_on_ties()
    {
        var weights = new double[Fields.Count];
        weights[Fields.Name] = 2.0;
        weights[Fields.Phone] = -2.0;
        weights[Fields.Place] = 5.04;
        var pattern = Pattern.Pack([1, -1, -1, 0, 2, -1, -1, -1]);

        Assert.Equal(
            $"place {Fields.Levels[Fields.Place][2]} +5.0; name {Fields.Levels[Fields.Name][1]} +2.0; phone {Fields.Levels[Fields.Phone][0]} -2.0 (total 5.0)",
            Evidence.Text(pattern, weights, 5.04));
    }

    private static string ReferenceText(int pattern, double[] fieldWeights, double totalWeight)
    {
        var contributions = Enumerable.Range(0, Fields.Count)
            .Where(f => Pattern.Level(pattern, f) >= 0)
            .Select(f => (Field: Fields.Names[f], Level: Fields.Levels[f][Pattern.Level(pattern, f)], Weight: fieldWeights[f]));
        var sb = new StringBuilder();
        foreach (var (field, level, weight) in contributions.OrderByDescending(c => Math.Abs(c.Weight)))
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

    private static string ReferenceJson(FellegiSunterModel model, int pattern, double[] fieldWeights, double totalWeight, double probability)
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
}
