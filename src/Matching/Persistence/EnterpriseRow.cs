namespace Integration.Matching.Persistence;

/// <summary>One row of the enterprises table.</summary>
public sealed record EnterpriseRow
{
    public string EnterpriseId { get; init; } = "";
    public string? NameEn { get; init; }
    public string? NameKm { get; init; }
    public string? Province { get; init; }
    public string? District { get; init; }
    public string? ProvinceCode { get; init; }
    public string? DistrictCode { get; init; }
    public string? CommuneCode { get; init; }
    public string? MocRegistrationNos { get; init; }
    public string? Tins { get; init; }
    public string? NssfIds { get; init; }
    public string? Feeds { get; init; }
    public string CreatedRunId { get; init; } = "";
    public string UpdatedRunId { get; init; } = "";
    public string? RetiredRunId { get; init; }
    public string? RetiredInto { get; init; }

    /// <summary>True when the displayed content is the same (run ids aside).</summary>
    public bool SameContent(EnterpriseRow o) =>
        NameEn == o.NameEn && NameKm == o.NameKm && Province == o.Province && District == o.District
        && ProvinceCode == o.ProvinceCode && DistrictCode == o.DistrictCode && CommuneCode == o.CommuneCode
        && MocRegistrationNos == o.MocRegistrationNos && Tins == o.Tins && NssfIds == o.NssfIds && Feeds == o.Feeds
        && RetiredInto == o.RetiredInto;

    public object?[] Values() =>
    [
        EnterpriseId, NameEn, NameKm, Province, District, ProvinceCode, DistrictCode, CommuneCode,
        MocRegistrationNos, Tins, NssfIds, Feeds, CreatedRunId, UpdatedRunId, RetiredRunId, RetiredInto,
    ];

    public static readonly string[] Columns =
    [
        "enterprise_id", "name_en", "name_km", "province", "district", "province_code", "district_code", "commune_code",
        "moc_registration_nos", "tins", "nssf_ids", "feeds", "created_run_id", "updated_run_id", "retired_run_id", "retired_into",
    ];
}
