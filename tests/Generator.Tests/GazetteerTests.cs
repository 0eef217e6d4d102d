using System.IO.Compression;
using Integration.Core.Reference;
using Integration.TestSupport;

namespace Integration.Generator.Tests;

public class GazetteerTests
{
    [Fact]
    public void The_shipped_gazetteer_is_the_full_NCDD_set()
    {
        var g = Gazetteer.Load(null);

        Assert.True(g.IsShipped);
        Assert.Equal(25, g.Provinces.Count());
        Assert.Equal(210, g.Districts.Count());
        Assert.Equal(1652, g.Communes.Count());
        Assert.Equal(14578, g.Units.Count(u => u.Level == GazetteerLevel.Village));
        Assert.Equal("Phnom Penh", g.Find("12")!.NameLatin);
        Assert.Equal(("ខណ្ឌ", "Khan"), (g.Find("1201")!.UnitKm, g.Find("1201")!.UnitLatin));
        Assert.All(g.Units.Where(u => u.ParentCode is not null), u => Assert.NotNull(g.Find(u.ParentCode!)));
    }

    [Fact]
    public void Its_licence_and_attribution_ship_beside_the_binaries()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "licenses", "ncdd-gazetteer");

        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(dir, "LICENSE.txt")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dwilkie/pumi", File.ReadAllText(Path.Combine(dir, "README.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "licenses", "kname", "LICENSE.txt")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_configured_folder_replaces_the_shipped_gazetteer(bool gzip)
    {
        using var folder = new TempFolder("gazetteer");
        const string header = "code,level,name_km,name_latin,admin_unit_km,admin_unit_latin\n";
        Write(folder.Combine("cambodia_provinces.csv"), header + "12,province,ភ្នំពេញ,Phnom Penh,រាជធានី,Reachtheani\n", gzip);
        Write(folder.Combine("cambodia_districts.csv"), header + "1201,district,ចំការមន,Chamkar Mon,ខណ្ឌ,Khan\n", gzip);

        var g = Gazetteer.Load(folder.Path);

        Assert.False(g.IsShipped);
        Assert.Equal(["12", "1201"], g.Units.Select(u => u.Code));
    }

    [Fact]
    public void A_configured_folder_without_the_gazetteer_is_an_error_not_a_silent_fallback()
    {
        using var folder = new TempFolder("gazetteer");

        var e = Assert.Throws<FileNotFoundException>(() => Gazetteer.Load(folder.Path));

        Assert.Contains("Reference:GazetteerPath", e.Message, StringComparison.Ordinal);
    }

    private static void Write(string path, string text, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllText(path, text);
            return;
        }

        using var file = File.Create(path + ".gz");
        using var z = new GZipStream(file, CompressionLevel.Optimal);
        z.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
