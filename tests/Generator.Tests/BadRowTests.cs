using System.Globalization;
using Integration.Core.Dates;

namespace Integration.Generator.Tests;

public class BadRowTests
{
    private static readonly string[] DateColumns = ["registered_on", "licence_expires_on", "renewal_applied_on", "paid_on", "inspected_on"];
    private static readonly string[] NumberColumns = ["declared_employees", "employees", "insured_workers", "wages_khr", "due_khr", "paid_khr"];
    private static readonly string[] MoneyColumns = ["due_khr", "paid_khr"];
    private static readonly string[] Feeds = ["moc-licences", "gdt-taxpayers", "nssf-employers", "nssf-contributions", "nssf-inspections"];

    [Fact]
    public void Bad_rows_appear_at_the_configured_rate_with_every_kind()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 3000, Seed = 13, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0.02 } });
        var total = landing.Summary.RowsByFeed.Values.Sum();
        var bad = landing.BadRows.Count;

        Assert.InRange(bad / (double)total, 0.016, 0.024);
        Assert.Equal(Enum.GetNames<BadRowKind>().Order(), landing.BadRows.Select(b => b["kind"]).Distinct().Order());
    }

    [Fact]
    public void Zero_rate_writes_no_bad_rows()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 500, Seed = 13, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0 } });

        Assert.Empty(landing.BadRows);
    }

    [Fact]
    public void Each_listed_bad_row_is_bad_in_the_way_listed_and_every_other_row_is_clean()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 2000, Seed = 17, AsOf = GeneratedLanding.AsOf, BadRows = new BadRowRates { Rate = 0.03 } });
        var listed = landing.BadRows.ToDictionary(b => (b["file"], long.Parse(b["line"], CultureInfo.InvariantCulture)), b => b["kind"]);

        foreach (var feed in Feeds)
        {
            foreach (var file in landing.Files(feed))
            {
                var seen = new HashSet<string>();
                foreach (var row in GeneratedLanding.Read(file))
                {
                    var key = feed switch
                    {
                        "nssf-contributions" => row["nssf_id"] + "|" + row["period"],
                        "nssf-inspections" => row["nssf_id"] + "|" + row["registration_no"] + "|" + row["inspected_on"],
                        _ => row.Fields[0],
                    };
                    var duplicate = !seen.Add(key);
                    if (!listed.TryGetValue((row.File, row.Line), out var kind))
                    {
                        Assert.Equal(row.Header.Count, row.Fields.Count);
                        Assert.False(duplicate, $"{row.File}:{row.Line} unlisted duplicate {key}");
                        Assert.True(key.Trim('|').Length > 0, $"{row.File}:{row.Line} unlisted missing key");
                        Assert.All(DateColumns, c => Assert.True(row[c].Length == 0 || IsoDate.TryParse(row[c], out _), $"{row.File}:{row.Line} {c}={row[c]}"));
                        Assert.All(NumberColumns, c => Assert.True(row[c].Length == 0 || (long.TryParse(row[c], NumberStyles.None, CultureInfo.InvariantCulture, out _)), $"{row.File}:{row.Line} {c}={row[c]}"));
                        Assert.True(row["name_km"].Length == 0 || GeneratedLanding.HasKhmer(row["name_km"]), $"{row.File}:{row.Line} name_km");
                        continue;
                    }

                    switch (kind)
                    {
                        case "WrongColumnCount": Assert.NotEqual(row.Header.Count, row.Fields.Count); break;
                        case "DuplicateKey": Assert.True(duplicate, $"{row.File}:{row.Line} not a duplicate"); break;
                        case "MissingKey": Assert.Equal("", feed == "nssf-inspections" ? row["nssf_id"] + row["registration_no"] : row.Fields[0]); break;
                        case "BadDate": Assert.Contains(DateColumns, c => row[c].Length > 0 && !IsoDate.TryParse(row[c], out _)); break;
                        case "BadNumber": Assert.Contains(NumberColumns, c => row[c].Length > 0 && !long.TryParse(row[c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)); break;
                        case "NegativeMoney": Assert.Contains(MoneyColumns, c => row[c].StartsWith('-')); break;
                        case "LegacyKhmerFont":
                            Assert.NotEqual("", row["name_km"]);
                            Assert.False(GeneratedLanding.HasKhmer(row["name_km"]), row["name_km"]);
                            break;
                        default: Assert.Fail("unknown kind " + kind); break;
                    }
                }
            }
        }
    }
}
