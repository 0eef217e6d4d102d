using Integration.Core.Reference;
using Integration.Generator.Reference;

namespace Integration.Generator.Model;

/// <summary>The true compliance situation of an enterprise: the label written to ground-truth/firms.csv.</summary>
public enum Compliance
{
    /// <summary>Registered with NSSF, declares every worker and pays.</summary>
    Compliant,

    /// <summary>Trading with no employees besides the owner: nothing to register.</summary>
    NoEmployees,

    /// <summary>Has employees and no NSSF registration.</summary>
    Unregistered,

    /// <summary>Registered, but declares fewer workers to NSSF than it has (GDT's salary-tax headcount shows the truth).</summary>
    UnderDeclared,

    /// <summary>Registered, with unpaid months in the last 12 due months.</summary>
    Arrears,

    /// <summary>Ceased trading and deregistered everywhere it was registered.</summary>
    Closed,

    /// <summary>Ceased trading but at least one register still shows it ACTIVE.</summary>
    ClosedStillRegistered,
}

public static class ComplianceLabels
{
    public static string Label(this Compliance c) => c switch
    {
        Compliance.Compliant => "COMPLIANT",
        Compliance.NoEmployees => "NO_EMPLOYEES",
        Compliance.Unregistered => "UNREGISTERED",
        Compliance.UnderDeclared => "UNDER_DECLARED",
        Compliance.Arrears => "ARREARS",
        Compliance.Closed => "CLOSED",
        Compliance.ClosedStillRegistered => "CLOSED_STILL_REGISTERED",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}

/// <summary>How a firm names itself: name words, line of business and legal form, before any registry respells it.</summary>
/// <param name="Stems">Distinctive words (a good-omen word, family names, a founder's name, a factory's Chinese name).</param>
/// <param name="Ampersand">The first two stems are joined by "&amp;" ("Heng &amp; Ly").</param>
/// <param name="CambodiaTag">Foreign-owned: "(Cambodia)" after the activity.</param>
internal sealed record FirmName(IReadOnlyList<KhmerWord> Stems, Activity Activity, LegalForm Form, bool Ampersand, bool CambodiaTag)
{
    /// <summary>
    /// For a brand name Khmer translates (hard profile): the English form (Golden Star). <see cref="Stems"/> then hold
    /// the Khmer words in Khmer order with their romanisation (ផ្កាយ Phkay, មាស Meas).
    /// </summary>
    public string? English { get; init; }
}

/// <summary>Where a firm is: gazetteer units down to the lowest level available, plus house number and street.</summary>
/// <param name="HouseNo">The premises number every register that writes one writes (house, building, stall or lot number).</param>
public sealed record FirmAddress(GazetteerUnit Province, GazetteerUnit District, GazetteerUnit? Commune, GazetteerUnit? Village, int VillageNo, string HouseNo, Street? Street)
{
    /// <summary>Premises beyond a plain house (hard profile only); null for a house.</summary>
    public Premises? Premises { get; init; }
}

/// <summary>A street as written in Latin and Khmer script.</summary>
public sealed record Street(string Latin, string Km);

/// <summary>
/// One true enterprise with everything the registries are generated from. Registry statuses and headcounts live
/// here (not in the renderers) because the ground truth depends on them.
/// </summary>
internal sealed class TrueFirm
{
    public required int Index { get; init; }

    public string TrueId => "F" + (Index + 1).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    public required FirmName Name { get; init; }

    public required KhmerWord DirectorGiven { get; init; }

    public required KhmerWord DirectorSurname { get; init; }

    public required FirmAddress Address { get; init; }

    /// <summary>National-format numbers (0XX then 6 or 7 digits): the office line and the owner's mobile.</summary>
    public required string Phone { get; init; }

    public required string OtherPhone { get; init; }

    public required DateOnly Founded { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public bool IsClosed => ClosedOn is not null;

    /// <summary>Workers today (0 for a closed firm).</summary>
    public required int TrueEmployees { get; init; }

    /// <summary>Workers while it traded (equals <see cref="TrueEmployees"/> for an open firm): what stale register entries show.</summary>
    public required int FormerEmployees { get; init; }

    public required Compliance Compliance { get; init; }

    // MoC
    public bool HasMoc => RegistrationNos.Count > 0;

    /// <summary>Registration numbers of the head office (first) and its branches.</summary>
    public required IReadOnlyList<string> RegistrationNos { get; init; }

    /// <summary>Registration date of each entry of <see cref="RegistrationNos"/>.</summary>
    public required IReadOnlyList<DateOnly> MocRegisteredOn { get; init; }

    public required string MocStatus { get; init; }

    public int? MocDeclaredEmployees { get; init; }

    /// <summary>A sister firm's TIN that this firm's MoC record carries instead of its own (wrong cross-reference).</summary>
    public string? BorrowedTin { get; init; }

    // GDT
    public string? Tin { get; init; }

    public bool HasGdt => Tin is not null;

    public required string GdtStatus { get; init; }

    public int? GdtEmployees { get; init; }

    /// <summary>Month index (year*12 + month-1) of the latest salary-tax return.</summary>
    public int? GdtEmployeesPeriod { get; init; }

    // NSSF
    public string? NssfId { get; init; }

    public bool HasNssf => NssfId is not null;

    public DateOnly? NssfRegisteredOn { get; init; }

    public required string NssfStatus { get; init; }

    public int NssfInsured { get; init; }

    /// <summary>Average monthly wage per worker (KHR).</summary>
    public required long AverageWageKhr { get; init; }

    /// <summary>Duplicate registrations, previous state, foreign contacts (hard profile; <see cref="FirmExtras.None"/> otherwise).</summary>
    public FirmExtras Extras { get; init; } = FirmExtras.None;

    /// <summary>Foreign-owned: a foreign factory name, a foreign branch or a representative office.</summary>
    public bool IsForeignOwned => Name.CambodiaTag || Name.Form.EntityType is "FOREIGN_BRANCH" or "REPRESENTATIVE_OFFICE";
}
