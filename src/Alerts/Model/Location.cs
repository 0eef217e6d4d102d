namespace Integration.Alerts.Model;

/// <summary>Province / district filter: a gazetteer code or a name, exactly as the enterprises table holds them (case-insensitive).</summary>
public static class Location
{
    public static bool Matches(EnterpriseRow? e, string? province, string? district) =>
        Matches(province, e?.ProvinceCode, e?.Province) && Matches(district, e?.DistrictCode, e?.District);

    private static bool Matches(string? wanted, string? code, string? name) =>
        string.IsNullOrWhiteSpace(wanted)
        || string.Equals(wanted.Trim(), code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(wanted.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase);
}
