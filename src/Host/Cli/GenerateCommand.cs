using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Integration.Core.Dates;
using Integration.Core.Reference;
using Integration.Generator;
using Integration.Generator.Output;
using Integration.Generator.Reference;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary>
/// <c>generate</c>: synthetic MoC, GDT and NSSF extracts with ground truth (src/Generator). This file only parses
/// options and shows progress; docs/generator.md explains what is generated.
/// </summary>
internal static class GenerateCommand
{
    private static readonly Option<int> Scale = new("--scale") { Description = "Number of true enterprises (500000 = national scale).", DefaultValueFactory = _ => 1_000 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Random seed: same seed and as-of, same bytes.", DefaultValueFactory = _ => 1 };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder (becomes a landing zone: DIR/<feed>/<file>, plus DIR/ground-truth).", Required = true };
    private static readonly Option<string?> AsOf = new("--as-of") { Description = "Extract date yyyy-MM-dd (default: today)." };
    private static readonly Option<int> MonthsOption = new("--months") { Description = "Months of NSSF contributions.", DefaultValueFactory = _ => 24 };
    private static readonly Option<string> Format = new("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
    private static readonly Option<bool> Gzip = new("--gzip") { Description = "Compress every feed file (.gz)." };
    private static readonly Option<string?> GazetteerPath = new("--gazetteer") { Description = "Folder of a newer copy of the NCDD gazetteer CSVs (default: Reference:GazetteerPath, else the shipped one)." };
    private static readonly Option<string?> NamesPath = new("--names") { Description = "Khmer names CSV or its folder (default: Reference:NamesPath, else the shipped kname list)." };
    private static readonly Option<double?> BadRows = new("--bad-rows") { Description = "Share of rows deliberately corrupted (default 0.002; 0 disables)." };
    private static readonly Option<bool> BadFilesOption = new("--bad-files") { Description = "Also write a few whole bad files (encoding, header, truncated, empty, resent, wrong feed)." };
    private static readonly Option<string> Profile = new("--profile") { Description = "Noise profile: default, or hard (duplicate registrations, premises forms, foreign contacts, translated and abbreviated names...; docs/generator.md). --noise overrides apply on top.", DefaultValueFactory = _ => "default" };
    private static readonly Option<string[]> Noise = new("--noise") { Description = "Override a variation rate, name=rate (repeatable). Names: " + string.Join(", ", NoiseRates.Names), AllowMultipleArgumentsPerToken = true };
    private static readonly Option<bool> Overwrite = new("--overwrite") { Description = "Replace feed and ground-truth folders left in --out by an earlier run." };

    public static Command Create()
    {
        var command = new Command("generate", "Write synthetic MoC, GDT and NSSF extracts for N true enterprises, with ground truth.");
        foreach (var option in new Option[] { Scale, Seed, Out, AsOf, MonthsOption, Format, Gzip, GazetteerPath, NamesPath, BadRows, BadFilesOption, Profile, Noise, Overwrite })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await RunAsync(parse, ct);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException)
            {
                Console.Error.WriteLine("generate: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        using var services = CliServices.Build(parse);
        var configuration = services.GetRequiredService<IConfiguration>();
        var clock = services.GetRequiredService<TimeProvider>();
        var options = Options(parse, clock);
        var gazetteer = parse.GetValue(GazetteerPath) is { Length: > 0 } g ? Gazetteer.Load(g) : services.GetRequiredService<Gazetteer>();
        var names = PersonNames.Load(parse.GetValue(NamesPath) ?? configuration["Reference:NamesPath"]);
        var outDir = Path.GetFullPath(parse.GetValue(Out)!);
        OutputFolder.Prepare(outDir, parse.GetValue(Overwrite));

        var generator = new RegistryGenerator(options, gazetteer, names);
        var watch = Stopwatch.StartNew();
        GenerationSummary summary;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            summary = await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Generating {options.Scale:N0} enterprises", maxValue: options.Scale);
                return await Task.Run(() => generator.Run(outDir, new Reporter(p => task.Value = p.Firms), ct), ct);
            });
        }
        else
        {
            var step = Math.Max(1, options.Scale / 10);
            var next = 0;
            summary = await Task.Run(
                () => generator.Run(outDir, new Reporter(p =>
                {
                    if (p.Firms >= next)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {p.Firms:N0}/{p.Total:N0} enterprises"));
                        next = p.Firms + step;
                    }
                }), ct),
                ct);
        }

        Print(summary, outDir, gazetteer, names, watch.Elapsed);
        return 0;
    }

    private static GeneratorOptions Options(ParseResult parse, TimeProvider clock)
    {
        var asOf = parse.GetValue(AsOf) is { Length: > 0 } text
            ? IsoDate.Parse(text)
            : DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var format = parse.GetValue(Format)?.ToLowerInvariant() switch
        {
            "csv" => FeedFormat.Csv,
            "jsonl" => FeedFormat.Jsonl,
            var f => throw new ArgumentException($"--format must be csv or jsonl, got '{f}'."),
        };
        var scale = parse.GetValue(Scale);
        if (scale <= 0)
        {
            throw new ArgumentException($"--scale must be positive, got {scale}.");
        }

        var options = new GeneratorOptions
        {
            Scale = scale,
            Seed = parse.GetValue(Seed),
            AsOf = asOf,
            Months = Math.Max(1, parse.GetValue(MonthsOption)),
            Format = format,
            Gzip = parse.GetValue(Gzip),
            BadFiles = parse.GetValue(BadFilesOption),
        }.Apply(GeneratorProfiles.Parse(parse.GetValue(Profile)!));
        if (parse.GetValue(BadRows) is { } rate)
        {
            options = options with { BadRows = options.BadRows with { Rate = rate is >= 0 and <= 1 ? rate : throw new ArgumentException($"--bad-rows must be between 0 and 1, got {rate}.") } };
        }

        var noise = options.Noise;
        foreach (var item in parse.GetValue(Noise) ?? [])
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(item[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"--noise expects name=rate, got '{item}'.");
            }

            noise = noise.With(item[..eq], value);
        }

        return options with { Noise = noise };
    }

    private static void Print(GenerationSummary s, string outDir, Gazetteer gazetteer, PersonNames names, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("feed", "rows written", "valid records");
        foreach (var (feed, rows) in s.RowsByFeed)
        {
            table.AddRow(feed, rows.ToString("N0", CultureInfo.InvariantCulture), s.ValidRecordsByFeed.TryGetValue(feed, out var v) ? v.ToString("N0", CultureInfo.InvariantCulture) : "");
        }

        AnsiConsole.Write(table);
        var firms = string.Join(", ", s.FirmsByCompliance.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value:N0}"));
        var bad = string.Join(", ", s.BadRows.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"as of {IsoDate.Format(s.AsOf)}: {s.Firms:N0} enterprises ({firms})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"expected leads {s.Leads:N0}, pending renewals {s.PendingRenewals:N0}; bad rows: {(bad.Length == 0 ? "none" : bad)}"));
        Console.WriteLine($"reference: {gazetteer}, {(names.IsShipped ? "shipped" : "loaded")} names ({names.Given.Count} given, {names.Surnames.Count} surnames)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Files.Count} files in {outDir} in {elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Calls back on the generating thread (Progress&lt;T&gt; would post to the thread pool out of order).</summary>
    private sealed class Reporter(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
