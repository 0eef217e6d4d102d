using Integration.Core.Identifiers;
using Integration.Ingest.Contracts;

namespace Integration.Ingest.Feeds;

/// <summary>The five feeds of shared/spec/extracts.md, with the columns of Migrations/0001_feeds.sql.</summary>
public static class FeedCatalog
{
    public const string MocLicences = FeedNames.Moc;
    public const string GdtTaxpayers = FeedNames.Gdt;
    public const string NssfEmployers = FeedNames.Nssf;
    public const string NssfContributions = FeedNames.NssfContributions;
    public const string NssfInspections = FeedNames.NssfInspections;

    private static readonly FeedColumn[] Address =
    [
        FeedColumn.Text("activity"),
        FeedColumn.Text("isic_code"),
        FeedColumn.Text("house_no"),
        FeedColumn.Text("street"),
        FeedColumn.Text("village"),
        FeedColumn.Text("commune"),
        FeedColumn.Text("district"),
        FeedColumn.Text("province"),
        FeedColumn.Text("address"),
        FeedColumn.Text("phone"),
        FeedColumn.Text("email"),
    ];

    public static FeedDefinition Moc { get; } = new(
        MocLicences,
        "moc_licences",
        [
            FeedColumn.Id("registration_no", IdentifierKind.MocRegistrationNo),
            FeedColumn.Text("licence_no"),
            FeedColumn.Text("name_km"),
            FeedColumn.Text("name_en"),
            FeedColumn.Enum("entity_type", "SOLE_PROPRIETORSHIP", "PARTNERSHIP", "PRIVATE_LIMITED", "SINGLE_MEMBER_PRIVATE_LIMITED", "PUBLIC_LIMITED", "FOREIGN_BRANCH", "REPRESENTATIVE_OFFICE"),
            FeedColumn.Id("tin", IdentifierKind.Tin),
            FeedColumn.Date("registered_on"),
            FeedColumn.Date("licence_expires_on"),
            FeedColumn.Date("renewal_applied_on"),
            FeedColumn.Enum("status", "ACTIVE", "SUSPENDED", "STRUCK_OFF", "DISSOLVED"),
            FeedColumn.Int("declared_employees"),
            FeedColumn.Text("director_name"),
            .. Address,
        ],
        ["registration_no"],
        [],
        null,
        FeedSemantics.Snapshot,
        HasNames: true,
        ["licence_no", "tin", "name_km", "name_en", "phone", "province", "declared_employees"]);

    public static FeedDefinition Gdt { get; } = new(
        GdtTaxpayers,
        "gdt_taxpayers",
        [
            FeedColumn.Id("tin", IdentifierKind.Tin),
            FeedColumn.Text("name_km"),
            FeedColumn.Text("name_en"),
            FeedColumn.Id("moc_registration_no", IdentifierKind.MocRegistrationNo),
            FeedColumn.Enum("taxpayer_class", "SMALL", "MEDIUM", "LARGE"),
            FeedColumn.Date("registered_on"),
            FeedColumn.Enum("status", "ACTIVE", "DORMANT", "DEREGISTERED"),
            FeedColumn.Int("employees"),
            FeedColumn.Month("employees_period"),
            .. Address,
        ],
        ["tin"],
        [],
        null,
        FeedSemantics.Snapshot,
        HasNames: true,
        ["moc_registration_no", "name_km", "name_en", "phone", "province", "employees"]);

    public static FeedDefinition NssfEmployer { get; } = new(
        NssfEmployers,
        "nssf_employers",
        [
            FeedColumn.Id("nssf_id", IdentifierKind.NssfId),
            FeedColumn.Text("name_km"),
            FeedColumn.Text("name_en"),
            FeedColumn.Id("tin", IdentifierKind.Tin),
            FeedColumn.Id("moc_registration_no", IdentifierKind.MocRegistrationNo),
            FeedColumn.Date("registered_on"),
            FeedColumn.Enum("status", "ACTIVE", "SUSPENDED", "CLOSED"),
            FeedColumn.Int("insured_workers"),
            .. Address,
        ],
        ["nssf_id"],
        [],
        null,
        FeedSemantics.Snapshot,
        HasNames: true,
        ["tin", "moc_registration_no", "name_km", "name_en", "phone", "province"]);

    public static FeedDefinition NssfContribution { get; } = new(
        NssfContributions,
        "nssf_contributions",
        [
            FeedColumn.Id("nssf_id", IdentifierKind.NssfId),
            FeedColumn.Month("period"),
            FeedColumn.Int("insured_workers"),
            FeedColumn.Money("wages_khr"),
            FeedColumn.Money("due_khr"),
            FeedColumn.Money("paid_khr"),
            FeedColumn.Date("paid_on"),
        ],
        ["nssf_id", "period"],
        [],
        null,
        FeedSemantics.Append,
        HasNames: false,
        ["insured_workers", "wages_khr", "due_khr", "paid_khr", "paid_on"]);

    public static FeedDefinition NssfInspection { get; } = new(
        NssfInspections,
        "nssf_inspections",
        [
            FeedColumn.Id("nssf_id", IdentifierKind.NssfId),
            FeedColumn.Id("registration_no", IdentifierKind.MocRegistrationNo),
            FeedColumn.Date("inspected_on"),
            FeedColumn.Enum("outcome", "COMPLIANT", "NON_COMPLIANT", "CLOSED", "NOT_FOUND"),
            FeedColumn.Text("inspector"),
            FeedColumn.Text("notes"),
        ],
        ["nssf_id", "registration_no", "inspected_on"],
        ["nssf_id", "registration_no"],
        "inspection_key",
        FeedSemantics.Append,
        HasNames: false,
        ["nssf_id", "registration_no", "outcome", "inspector"]);

    /// <summary>In the order a full ingest applies them (registers before the contributions that refer to them).</summary>
    public static IReadOnlyList<FeedDefinition> All { get; } = [Moc, Gdt, NssfEmployer, NssfContribution, NssfInspection];

    public static FeedDefinition? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static FeedDefinition Get(string name) =>
        Find(name) ?? throw new ArgumentException($"Unknown feed '{name}'. Feeds: {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));
}
