using System.Security.Cryptography;
using Integration.Core.Reference;
using Integration.Generator.Reference;

namespace Integration.Generator.Tests;

public class DeterminismTests
{
    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Same_seed_and_as_of_give_the_same_bytes_in_every_file()
    {
        var options = new GeneratorOptions { Scale = 1200, Seed = 42, AsOf = GeneratedLanding.AsOf, BadFiles = true, BadRows = new BadRowRates { Rate = 0.01 } };
        using var a = new GeneratedLanding(options);
        using var b = new GeneratedLanding(options);

        var ha = Hashes(a.Dir);
        Assert.True(ha.Count > 30);
        Assert.Equal(ha, Hashes(b.Dir));
    }

    [Fact]
    public void Gzipped_output_is_deterministic_too()
    {
        var options = new GeneratorOptions { Scale = 400, Seed = 3, AsOf = GeneratedLanding.AsOf, Gzip = true };
        using var a = new GeneratedLanding(options);
        using var b = new GeneratedLanding(options);

        Assert.Equal(Hashes(a.Dir), Hashes(b.Dir));
    }

    [Fact]
    public void Another_seed_gives_other_firms()
    {
        using var a = new GeneratedLanding(new GeneratorOptions { Scale = 300, Seed = 1, AsOf = GeneratedLanding.AsOf });
        using var b = new GeneratedLanding(new GeneratorOptions { Scale = 300, Seed = 2, AsOf = GeneratedLanding.AsOf });

        var moc = Path.Combine("moc-licences", "moc-licences_2026-10-01.csv");
        Assert.NotEqual(Hashes(a.Dir)[moc], Hashes(b.Dir)[moc]);
    }

    [Fact]
    public void Noise_and_bad_rows_do_not_change_who_the_firms_are_or_what_the_policy_expects()
    {
        // Separate random streams: spelling noise and corruption are drawn apart from the facts.
        using var clean = new GeneratedLanding(new GeneratorOptions { Scale = 800, Seed = 5, AsOf = GeneratedLanding.AsOf, Noise = NoiseRates.None, BadRows = new BadRowRates { Rate = 0 } });
        using var noisy = new GeneratedLanding(new GeneratorOptions { Scale = 800, Seed = 5, AsOf = GeneratedLanding.AsOf });

        var firms = Path.Combine("ground-truth", "firms.csv");
        var cleanFirms = File.ReadAllLines(Path.Combine(clean.Dir, firms)).ToDictionary(l => l.Split(',')[0]);
        var noisyFirms = File.ReadAllLines(Path.Combine(noisy.Dir, firms)).ToDictionary(l => l.Split(',')[0]);
        var badKeys = noisy.BadRows.Count;
        var same = noisyFirms.Count(kv => cleanFirms.TryGetValue(kv.Key, out var c) && c == kv.Value);

        // Only firms touched by a corrupted row may differ.
        Assert.True(noisyFirms.Count - same <= badKeys, $"{noisyFirms.Count - same} firms differ with {badKeys} bad rows");
    }

    [Fact]
    public void The_shipped_reference_data_is_the_default()
    {
        var names = PersonNames.Load(null);
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 600, Seed = 9, AsOf = GeneratedLanding.AsOf });

        Assert.True(names.IsShipped);
        Assert.Equal((29, 30), (names.Given.Count, names.Surnames.Count)); // the kname lexicon, not a stand-in list
        // The full gazetteer has villages in every province, so real village names appear outside Phnom Penh.
        Assert.Contains(landing.Rows("moc-licences"), r => r["village"].Length > 0 && !r["village"].StartsWith("Phum ", StringComparison.Ordinal) && !r["village"].StartsWith("ភូមិ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_names_file_in_the_kname_layout_replaces_the_shipped_list()
    {
        using var folder = new Integration.TestSupport.TempFolder("names");
        File.WriteAllText(folder.Combine("kname_khmer_names.csv"), "givenName,surname,romanizedGiven,romanizedSurname\nដារា,សុខ,Dara,Sok\nសុភា,ចាន់,Sophea,Chan\n");

        var names = PersonNames.Load(folder.Path);

        Assert.False(names.IsShipped);
        Assert.Equal(["Dara", "Sophea"], names.Given.Select(w => w.Latin));
        Assert.Throws<FileNotFoundException>(() => PersonNames.Load(folder.Combine("missing.csv")));
    }
}
