using System.Text.Json.Serialization;

namespace Integration.Alerts.Model;

/// <summary>
/// The columns a lead and a target share: who the enterprise is, how to reach it, where it is (with the
/// gazetteer codes the place filters use), and the runs the row comes from.
/// </summary>
public abstract record EnterpriseListing
{
    [JsonPropertyOrder(-10)]
    public string EnterpriseId { get; init; } = "";

    [JsonPropertyOrder(-8)]
    public string? MocRegistrationNo { get; init; }

    [JsonPropertyOrder(-8)]
    public string? Tin { get; init; }

    [JsonPropertyOrder(-7)]
    public string? NameEn { get; init; }

    [JsonPropertyOrder(-7)]
    public string? NameKm { get; init; }

    [JsonPropertyOrder(-7)]
    public string? Province { get; init; }

    [JsonPropertyOrder(-7)]
    public string? District { get; init; }

    [JsonPropertyOrder(-7)]
    public string? Address { get; init; }

    [JsonPropertyOrder(-7)]
    public string? Phone { get; init; }

    /// <summary>Gazetteer codes, for filtering only (not a column).</summary>
    [JsonIgnore]
    public string? ProvinceCode { get; init; }

    [JsonIgnore]
    public string? DistrictCode { get; init; }

    /// <summary>Match run whose links the row rests on.</summary>
    [JsonPropertyOrder(10)]
    public string RunId { get; init; } = "";

    /// <summary>Date the row was computed for.</summary>
    [JsonPropertyOrder(10)]
    public string AsOf { get; init; } = "";

    /// <summary>The stored alerts run the row was read from; null when computed on demand for another date.</summary>
    [JsonPropertyOrder(11)]
    public string? AlertRunId { get; init; }

    /// <summary>Display and contact values of an enterprise: the enterprises row first, else the first value its records give.</summary>
    protected static T WithContact<T>(T row, EnterpriseFacts facts)
        where T : EnterpriseListing
    {
        var e = facts.Enterprise;
        return row with
        {
            EnterpriseId = facts.EnterpriseId,
            NameEn = e?.NameEn ?? facts.Pick(r => r.NameEn),
            NameKm = e?.NameKm ?? facts.Pick(r => r.NameKm),
            Province = e?.Province ?? facts.Pick(r => r.Province),
            District = e?.District ?? facts.Pick(r => r.District),
            ProvinceCode = e?.ProvinceCode,
            DistrictCode = e?.DistrictCode,
            Address = facts.Pick(r => r.AddressLine()),
            Phone = facts.Pick(r => r.Phone),
        };
    }
}
