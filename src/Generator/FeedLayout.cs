namespace Integration.Generator;

/// <summary>
/// The five feeds with the canonical columns of shared/spec/extracts.md, in the order the generator writes them
/// (the same order as the ingest tables). Column indexes are constants so row building stays allocation-light.
/// </summary>
internal sealed record FeedLayout(string Name, IReadOnlyList<string> Columns, string KeyColumn, bool IsSnapshot)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"Feed {Name} has no column '{column}'.", nameof(column));
    }

    private static readonly string[] AddressAndContact = ["house_no", "street", "village", "commune", "district", "province", "address", "phone", "email"];

    public static readonly FeedLayout Moc = new(
        "moc-licences",
        ["registration_no", "licence_no", "name_km", "name_en", "entity_type", "tin", "registered_on", "licence_expires_on",
         "renewal_applied_on", "status", "declared_employees", "director_name", "activity", "isic_code", .. AddressAndContact],
        "registration_no",
        IsSnapshot: true);

    public static readonly FeedLayout Gdt = new(
        "gdt-taxpayers",
        ["tin", "name_km", "name_en", "moc_registration_no", "taxpayer_class", "registered_on", "status", "employees",
         "employees_period", "activity", "isic_code", .. AddressAndContact],
        "tin",
        IsSnapshot: true);

    public static readonly FeedLayout Nssf = new(
        "nssf-employers",
        ["nssf_id", "name_km", "name_en", "tin", "moc_registration_no", "registered_on", "status", "insured_workers",
         "activity", "isic_code", .. AddressAndContact],
        "nssf_id",
        IsSnapshot: true);

    public static readonly FeedLayout Contributions = new(
        "nssf-contributions",
        ["nssf_id", "period", "insured_workers", "wages_khr", "due_khr", "paid_khr", "paid_on"],
        "nssf_id",
        IsSnapshot: false);

    public static readonly FeedLayout Inspections = new(
        "nssf-inspections",
        ["nssf_id", "registration_no", "inspected_on", "outcome", "inspector", "notes"],
        "nssf_id",
        IsSnapshot: false);

    public static IReadOnlyList<FeedLayout> All { get; } = [Moc, Gdt, Nssf, Contributions, Inspections];

    /// <summary>The three registers whose records the ground truth assigns to enterprises.</summary>
    public static IReadOnlyList<FeedLayout> Registers { get; } = [Moc, Gdt, Nssf];
}
