using System.Diagnostics;

namespace Integration.TestSupport;

/// <summary>
/// Connection settings of the real PostgreSQL and Azurite the tests run against. They come from the
/// environment (set by scripts/test.sh) or from .tools/services.env; when neither exists the services are
/// started here with scripts/services.sh, so a plain `dotnet test` works too. Never skipped: a missing
/// service is a failing test.
/// </summary>
public static class TestServices
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Settings = new(Load);

    public static string PostgresConnectionString => Get("INTEGRATION_TEST_POSTGRES");

    /// <summary>Azurite blob endpoint including the account, e.g. http://127.0.0.1:10100/devstoreaccount1.</summary>
    public static string AzuriteBlobEndpoint => Get("INTEGRATION_TEST_AZURITE");

    /// <summary>The Azurite that takes bearer tokens (HTTPS, OAuth), e.g. https://127.0.0.1:10102/devstoreaccount1.</summary>
    public static string AzuriteOAuthEndpoint => Get("INTEGRATION_TEST_AZURITE_OAUTH");

    /// <summary>The self-signed certificate (PEM) of <see cref="AzuriteOAuthEndpoint"/>, made by scripts/services.sh.</summary>
    public static string AzuriteOAuthCertificate => Get("INTEGRATION_TEST_AZURITE_CERT");

    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    public const string AzuriteAccount = "devstoreaccount1";

    public const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static string Get(string name) =>
        Settings.Value.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)
            ? v
            : throw new InvalidOperationException($"{name} is not set and scripts/services.sh did not provide it.");

    private static Dictionary<string, string> Load()
    {
        var fromEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] names = ["INTEGRATION_TEST_POSTGRES", "INTEGRATION_TEST_AZURITE", "INTEGRATION_TEST_AZURITE_OAUTH", "INTEGRATION_TEST_AZURITE_CERT"];
        foreach (var name in names)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } v)
            {
                fromEnv[name] = v;
            }
        }

        if (fromEnv.Count == names.Length)
        {
            return fromEnv;
        }

        var envFile = Path.Combine(RepoPaths.Root, ".tools", "services.env");
        if (!File.Exists(envFile) || !File.ReadAllText(envFile).Contains("INTEGRATION_TEST_AZURITE_OAUTH", StringComparison.Ordinal))
        {
            StartServices();
        }

        foreach (var line in File.ReadAllLines(envFile))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fromEnv.TryAdd(line[..eq], line[(eq + 1)..].Trim('\''));
            }
        }

        return fromEnv;
    }

    private static void StartServices()
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "services.sh"), "start"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/services.sh start failed: " + err);
        }
    }
}
