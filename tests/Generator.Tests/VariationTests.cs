using System.Text.RegularExpressions;

namespace Integration.Generator.Tests;

public class VariationTests
{
    private static double Share<T>(IReadOnlyCollection<T> rows, Func<T, bool> predicate) => rows.Count(predicate) / (double)rows.Count;

    [Fact]
    public void Variation_rates_are_roughly_as_configured()
    {
        var noise = new NoiseRates().With("khmer-only", 0.2).With("latin-only", 0.1).With("xref-empty", 0.5).With("phone-empty", 0.25).With("uppercase", 0.4);
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 4000, Seed = 8, AsOf = GeneratedLanding.AsOf, Noise = noise, BadRows = new BadRowRates { Rate = 0 } });
        var moc = landing.Rows("moc-licences").ToList();
        var gdt = landing.Rows("gdt-taxpayers").ToList();

        Assert.InRange(Share(moc, r => r["name_en"].Length == 0), 0.17, 0.23);
        Assert.InRange(Share(moc, r => r["name_km"].Length == 0), 0.08, 0.12);
        Assert.InRange(Share(moc, r => r["phone"].Length == 0), 0.22, 0.28);
        var withEn = moc.Where(r => r["name_en"].Length > 0).ToList();
        Assert.InRange(Share(withEn, r => !r["name_en"].Any(char.IsLower)), 0.36, 0.46);
        var linked = gdt.Where(r => r["tin"].Length > 0).ToList();
        var withMocRef = gdt.Where(r => r["moc_registration_no"].Length > 0).ToList();
        Assert.InRange(withMocRef.Count / (double)linked.Count, 0.40, 0.55); // 1 - 0.5 empty, of GDT firms that have a MoC record (most)
    }

    [Fact]
    public void Without_noise_every_register_spells_a_firm_in_its_house_style()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 1000, Seed = 2, AsOf = GeneratedLanding.AsOf, Noise = NoiseRates.None, BadRows = new BadRowRates { Rate = 0 } });
        // Head offices only: a branch's name ends with its branch label.
        var moc = landing.Rows("moc-licences").Where(r => r["entity_type"] == "PRIVATE_LIMITED" && !r["name_en"].Contains("Branch", StringComparison.Ordinal)).ToList();
        var gdt = landing.Rows("gdt-taxpayers").ToList();

        Assert.NotEmpty(moc);
        Assert.All(moc, r => Assert.EndsWith(" Co., Ltd.", r["name_en"], StringComparison.Ordinal));
        Assert.All(moc, r => Assert.EndsWith("ឯ.ក", r["name_km"], StringComparison.Ordinal));
        Assert.All(gdt, r => Assert.True(r["name_km"].Length > 0 && r["name_en"].Length > 0));
        Assert.All(gdt.Where(r => r["name_en"].Contains("CO.,LTD", StringComparison.Ordinal)), r => Assert.EndsWith(" CO.,LTD", r["name_en"], StringComparison.Ordinal));
    }

    [Fact]
    public void Registers_spell_the_same_firm_differently()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 3000, Seed = 5, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0 } });
        var names = landing.Rows("moc-licences").Concat(landing.Rows("gdt-taxpayers")).Concat(landing.Rows("nssf-employers")).Select(r => r["name_en"]).Where(n => n.Length > 0).ToList();

        // Legal-form suffix variants, transliteration variants and &/and all occur.
        foreach (var suffix in new[] { "Co., Ltd.", "CO.,LTD", "Company Limited", "Co Ltd" })
        {
            Assert.Contains(names, n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(names, n => n.Contains(" and ", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains(" & ", StringComparison.Ordinal));
        Assert.Contains(names, n => Regex.IsMatch(n, @"\b(Sokhar|Kompong|Raksmey|Rasmey|Odom|Udom|Vattanak|Pech|Somnang)\b", RegexOptions.IgnoreCase));

        // Place names in several romanisations and in Khmer script.
        var provinces = landing.Rows("moc-licences").Select(r => r["province"]).Concat(landing.Rows("moc-licences").Select(r => r["address"])).ToList();
        Assert.Contains(provinces, p => p == "Phnom Penh");
        Assert.Contains(provinces, p => p is "PP" or "Phnum Penh" or "P.Penh" or "Phnompenh");
        Assert.Contains(provinces, p => p.Contains("ភ្នំពេញ", StringComparison.Ordinal));
        Assert.Contains(provinces, p => p.Contains("Khan ", StringComparison.Ordinal) || p.Contains("Sangkat ", StringComparison.Ordinal));
    }

    [Fact]
    public void Khmer_names_really_are_in_Khmer_script()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 1500, Seed = 6, AsOf = GeneratedLanding.AsOf });
        foreach (var feed in new[] { "moc-licences", "gdt-taxpayers", "nssf-employers" })
        {
            var rows = landing.ValidRows(feed).ToList();
            var khmer = rows.Where(r => r["name_km"].Length > 0).ToList();
            Assert.True(khmer.Count > rows.Count * 0.8, feed);
            Assert.All(khmer, r => Assert.True(GeneratedLanding.HasKhmer(r["name_km"]), $"{feed}: {r["name_km"]}"));
            // Either name may be missing, never both.
            Assert.All(rows, r => Assert.True(r["name_km"].Length + r["name_en"].Length > 0));
        }
    }

    [Fact]
    public void Phones_come_in_several_cambodian_formats()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 1500, Seed = 6, AsOf = GeneratedLanding.AsOf });
        var phones = landing.Rows("moc-licences").Select(r => r["phone"]).Where(p => p.Length > 0).ToList();
        var formats = new Dictionary<string, Regex>
        {
            ["spaced"] = new(@"^0\d{2} \d{3} \d{3,4}$"),
            ["dashed"] = new(@"^0\d{2}-\d{3}-\d{3,4}$"),
            ["international"] = new(@"^\+855 \d{2} \d{3} \d{3,4}$"),
            ["bare 855"] = new(@"^855\d{8,9}$"),
            ["plain"] = new(@"^0\d{8,9}$"),
            ["two numbers"] = new(@"[/,;]"),
        };

        foreach (var (name, regex) in formats)
        {
            Assert.True(phones.Any(regex.IsMatch), $"no phone in format {name}");
        }

        // Every number, once its digits are read, is a Cambodian number.
        foreach (var cell in phones)
        {
            foreach (var number in cell.Split(['/', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
                Assert.Matches(@"^(855[1-9]\d{7,8}|0[1-9]\d{7,8})$", digits);
            }
        }
    }

    [Fact]
    public void Cross_references_are_sometimes_wrong_and_tins_come_in_several_formats()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 4000, Seed = 12, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0 } });
        var truth = Integration.Core.Truth.GroundTruth.Load(landing.Dir);
        var tinOwner = truth.Records.Where(r => r.Feed == "gdt-taxpayers").ToDictionary(r => r.SourceKey, r => r.TrueId);
        var regOwner = truth.Records.Where(r => r.Feed == "moc-licences").ToDictionary(r => r.SourceKey, r => r.TrueId);

        var mocTins = landing.Rows("moc-licences").Where(r => r["tin"].Length > 0).Select(r => (Tin: r["tin"], Owner: regOwner[r["registration_no"]])).ToList();
        Assert.Contains(mocTins, t => !tinOwner.ContainsKey(t.Tin)); // reformatted or slipped
        Assert.Contains(mocTins, t => tinOwner.TryGetValue(t.Tin, out var o) && o != t.Owner); // another firm's (or a sister's) TIN
        Assert.Contains(mocTins, t => Regex.IsMatch(t.Tin, @"^[KE]\d{3}-\d{9}$"));
        Assert.Contains(mocTins, t => Regex.IsMatch(t.Tin, @"^\d{9}$") || Regex.IsMatch(t.Tin, @"^[KE]\d{12}$"));

        // Branches: several MoC records of one enterprise.
        Assert.Contains(truth.Records.Where(r => r.Feed == "moc-licences").GroupBy(r => r.TrueId), g => g.Count() > 1);
    }
}
