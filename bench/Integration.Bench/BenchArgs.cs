namespace Integration.Bench;

/// <summary>A benchmark's arguments: positional ones in order, and <c>--name value</c> options.</summary>
public sealed record BenchArgs(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options)
{
    public static BenchArgs Parse(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                // Every option takes a value: one given without it (`--mistakes` last) is refused now, not after a
                // run of many minutes that then fails where the option is read.
                options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? args[++i]
                    : throw new ArgumentException($"option {args[i]} needs a value (--help lists the options)");
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new BenchArgs(positional, options);
    }

    public string? Get(string name) => Options.TryGetValue(name, out var v) ? v : null;
}
