using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integration.Matching.Scoring;

namespace Integration.Matching.Incremental;

/// <summary>
/// The parameters of the last full run, which every incremental run holds fixed: the Fellegi-Sunter model it
/// estimated (m, u, the priors and the namesakes' ISIC u, exactly as doubles), the settings it ran with (as a fingerprint) and when it ran.
/// </summary>
public sealed record ModelState(
    string RunId,
    string StartedAt,
    string SettingsFingerprint,
    double[][] M,
    double[][] U,
    double[][] UWithin,
    double Lambda,
    double LambdaWithin,
    int Iterations,
    double? IsicUBesideName = null)
{
    public FellegiSunterModel Model() => new(M, U, Lambda, UWithin, LambdaWithin, IsicUBesideName);

    public static ModelState Of(string runId, string startedAt, string fingerprint, FellegiSunterModel model, int iterations) => new(
        runId, startedAt, fingerprint, model.M, model.U, model.UWithin, model.Lambda, model.LambdaWithin,
        iterations, model.IsicUBesideName);

    // System.Text.Json writes the shortest text that reads back as the same double, and NaN as a named literal.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static ModelState FromBytes(byte[] bytes) => JsonSerializer.Deserialize<ModelState>(bytes, Json)
        ?? throw new InvalidDataException("match_state 'model' is empty.");

    /// <summary>
    /// A hash of every matching setting that changes what a run decides (thresholds, blocking keys, windows,
    /// training, the id prefix): a model estimated under other settings is not reused. The settings of the
    /// incremental runs themselves and <see cref="MatchingOptions.ExportAfterRun"/> do not count.
    /// </summary>
    public static string Fingerprint(MatchingOptions options)
    {
        var node = JsonSerializer.SerializeToNode(options)!.AsObject();
        node.Remove(nameof(MatchingOptions.Incremental));
        node.Remove(nameof(MatchingOptions.ExportAfterRun));
        var text = node.ToJsonString();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
