namespace Integration.Alerts.Model;

/// <summary>Province / district filter: a gazetteer code or a name, exactly as the enterprises table holds them (case-insensitive).</summary>
internal static class Location
{
    public static bool Matches(EnterpriseListing row, string? province, string? district) =>
        Matches(province, row.ProvinceCode, row.Province) && Matches(district, row.DistrictCode, row.District);

    /// <summary>The same filter in SQL over <paramref name="alias"/>'s province/district and *_code columns; null when no filter is given.
    /// The parameters are <c>@province</c> and <c>@district</c>, folded by <see cref="Fold"/>.</summary>
    public static string? SqlFilter(string alias, string? province, string? district)
    {
        var parts = new List<string>();
        // A gazetteer code (digits only) can name no place by its name: compared to the code column alone, the
        // filter can use an index on it (the pages always filter by code).
        if (!string.IsNullOrWhiteSpace(province))
        {
            parts.Add(IsCode(province) ? $"{alias}.province_code = @province" : $"(LOWER({alias}.province_code) = @province OR LOWER(TRIM({alias}.province)) = @province)");
        }

        if (!string.IsNullOrWhiteSpace(district))
        {
            parts.Add(IsCode(district) ? $"{alias}.district_code = @district" : $"(LOWER({alias}.district_code) = @district OR LOWER(TRIM({alias}.district)) = @district)");
        }

        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    private static bool IsCode(string value) => value.Trim().All(char.IsAsciiDigit);

    /// <summary>A filter value as the SQL filter compares it.</summary>
    public static string? Fold(string? wanted) => string.IsNullOrWhiteSpace(wanted) ? null : wanted.Trim().ToLowerInvariant();

    private static bool Matches(string? wanted, string? code, string? name) =>
        string.IsNullOrWhiteSpace(wanted)
        || string.Equals(wanted.Trim(), code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(wanted.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase);
}
