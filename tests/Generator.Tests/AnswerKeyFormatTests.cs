using Integration.Core.Truth;
using Integration.TestSupport;

namespace Integration.Generator.Tests;

/// <summary>
/// The two answer-key formats <c>evaluate --truth</c> reads: the generator's ground-truth folder and a labelled
/// sample (truth/records.csv with feed, source_key, entity), as the public benchmarks ship it and a ministry
/// would make it from a clerk-labelled extract.
/// </summary>
public sealed class AnswerKeyFormatTests : IDisposable
{
    private readonly TempFolder _dir = new("truth");

    [Fact]
    public void A_labelled_sample_loads_by_header_name_without_firms_or_as_of()
    {
        // Columns in another order, an extra notes column, a BOM, short feed names and a trailing blank line:
        // what a spreadsheet export of a clerk's labels looks like.
        Write("truth/records.csv", "\uFEFFentity,notes,feed,source_key\nE1,same shop,moc-licences,M1\nE1,,nssf,N9\nE2,,gdt,K001\nE1,,moc-licences,M1\n\n");

        var truth = GroundTruth.Load(_dir.Path);

        Assert.Null(truth.AsOf);
        Assert.False(truth.HasFirms);
        Assert.Empty(truth.Firms);
        Assert.Equal(
            [new TruthRecord("E1", "moc-licences", "M1"), new TruthRecord("E1", "nssf-employers", "N9"), new TruthRecord("E2", "gdt-taxpayers", "K001")],
            truth.Records);

        // The truth folder itself and its records.csv name the same key.
        Assert.Equal(truth.Records, GroundTruth.Load(_dir.Combine("truth")).Records);
        Assert.Equal(truth.Records, GroundTruth.Load(_dir.Combine("truth", "records.csv")).Records);
    }

    [Fact]
    public void The_generators_folder_loads_with_its_firms_and_as_of()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 200, Seed = 3, AsOf = GeneratedLanding.AsOf });

        var truth = GroundTruth.Load(landing.Dir);

        Assert.Equal(GeneratedLanding.AsOf, truth.AsOf);
        Assert.True(truth.HasFirms);
        Assert.Equal(truth.Records.Select(r => r.TrueId).Distinct().Count(), truth.Firms.Count);
        Assert.Contains(truth.Firms, f => f.ExpectedDecision is "ALLOW" or "BLOCK");
    }

    [Theory]
    [InlineData("feed,source_key\nmoc-licences,M1\n", "line 1: no column 'true_id' or 'entity'")]
    [InlineData("feed,source_key,entity\nmoc-licences,M1,E1\nnssf-employers,,E1\n", "line 3: column 'source_key' is empty")]
    [InlineData("feed,source_key,entity\nmoc-licences,M1,E1\nmoc-licences,M1,E2\n", "line 3: column 'entity' gives moc-licences M1 to 'E2', an earlier line to 'E1'")]
    public void A_malformed_key_is_refused_naming_file_line_and_column(string csv, string message)
    {
        Write("truth/records.csv", csv);

        var e = Assert.Throws<FormatException>(() => GroundTruth.Load(_dir.Path));

        Assert.Contains(Path.Combine("truth", "records.csv"), e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_key_says_where_it_looked()
    {
        var e = Assert.Throws<FileNotFoundException>(() => GroundTruth.Load(_dir.Path));

        Assert.Contains("truth/records.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("ground-truth/records.csv", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private void Write(string relative, string text)
    {
        var path = _dir.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
