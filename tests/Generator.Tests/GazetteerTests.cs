using Integration.Core.Reference;
using Integration.TestSupport;

namespace Integration.Generator.Tests;

public class GazetteerTests
{
    [Fact]
    public void Full_gazetteer_loads_all_levels_from_shared_data()
    {
        var g = Gazetteer.Load(RepoPaths.Gazetteer);

        Assert.False(g.IsBuiltIn);
        Assert.Equal(25, g.Provinces.Count());
        Assert.Equal(210, g.Districts.Count());
        Assert.Equal(1652, g.Communes.Count());
        Assert.Equal("Phnom Penh", g.Find("12")!.NameLatin);
    }

    [Fact]
    public void Built_in_subset_is_used_when_no_folder_is_configured()
    {
        var g = Gazetteer.Load("");

        Assert.True(g.IsBuiltIn);
        Assert.Equal(25, g.Provinces.Count());
        Assert.Contains(g.Children("12"), d => d.Level == GazetteerLevel.District);
        Assert.Contains(g.Communes, c => c.ProvinceCode == "12");
    }
}
