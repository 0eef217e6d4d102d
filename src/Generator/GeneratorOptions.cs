namespace Integration.Generator;

/// <summary>Output file format of the feeds.</summary>
public enum FeedFormat
{
    Csv,
    Jsonl,
}

/// <summary>
/// Everything the generator needs to know. The defaults produce a registry that looks like Cambodia's at
/// national scale (500,000 true enterprises: about 500k MoC records, 300k GDT taxpayers, 40k NSSF employers);
/// every proportion scales linearly with <see cref="Scale"/>. The figures and their sources are explained in
/// docs/generator.md.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of true enterprises (1,000 to 500,000 is the intended range; any positive number works).</summary>
    public int Scale { get; init; } = 1_000;

    /// <summary>Seed of every random stream: same seed, same as-of and same options give the same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Extract date of the snapshots and the check date of the ground truth.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 10, 1);

    /// <summary>Months of NSSF contributions delivered (one append file per month).</summary>
    public int Months { get; init; } = 24;

    public FeedFormat Format { get; init; } = FeedFormat.Csv;

    public bool Gzip { get; init; }

    /// <summary>Also write a handful of whole bad files (for demos of ingest's file rejection).</summary>
    public bool BadFiles { get; init; }

    public CompositionRates Composition { get; init; } = new();

    public NoiseRates Noise { get; init; } = new();

    public BadRowRates BadRows { get; init; } = new();

    public ContributionRates Contributions { get; init; } = new();
}
