using Integration.Core.Reference;
using Integration.Generator.Reference;

namespace Integration.Generator.Model;

/// <summary>What kind of premises a firm is at; the number registers share is <see cref="FirmAddress.HouseNo"/>.</summary>
public enum PremisesKind
{
    /// <summary>A plain house or shophouse number.</summary>
    House,

    /// <summary>A numbered building (Building 517A, Bldg 517A).</summary>
    Building,

    /// <summary>A house in a borey, a gated housing estate (Borey Peng Huoth, No. 12).</summary>
    Borey,

    /// <summary>A unit or flat in a numbered building (Unit 3B, No. 45).</summary>
    Unit,

    /// <summary>An office in a named tower: the tower's number, the firm's floor and unit.</summary>
    Tower,

    /// <summary>A market stall (Stall 45, Orussey Market).</summary>
    Stall,

    /// <summary>A factory lot in a special economic zone (Lot A-12, Phnom Penh SEZ).</summary>
    ZoneLot,
}

/// <summary>Premises beyond a plain house number: the named site, the unit and floor.</summary>
public sealed record Premises(PremisesKind Kind, Site? Site, string? Unit, int? Floor);

/// <summary>
/// A record of the firm in one register: the one <see cref="TrueFirm"/> describes, or (hard profile) one more of the
/// same firm: a duplicate NSSF registration, an older TIN, an earlier MoC registration.
/// </summary>
/// <param name="Key">Its register key (nssf_id, tin, registration_no).</param>
/// <param name="EndedOn">When it was closed or struck off; null when the register still shows it open.</param>
/// <param name="Employees">The headcount it shows (insured workers, salary-tax headcount, declared employees).</param>
/// <param name="EmployeesPeriod">For a TIN: month index of its latest salary-tax return.</param>
/// <param name="Stale">Written with the firm's previous name, form and address where it has them.</param>
public sealed record Registration(string Key, string Status, DateOnly RegisteredOn, DateOnly? EndedOn, int? Employees, int? EmployeesPeriod, bool Stale);

/// <summary>A tax agent: one phone and e-mail on the GDT records of the many firms it files for.</summary>
internal sealed record TaxAgent(string Phone, string Email);

/// <summary>
/// The facts of the hard profile (<see cref="CompositionRates"/>, all off in the default profile): duplicate
/// registrations, the previous state that stale registers still show, foreign contacts, a tax agent.
/// </summary>
internal sealed class FirmExtras
{
    public static FirmExtras None { get; } = new();

    public IReadOnlyList<Registration> Moc { get; init; } = [];

    public IReadOnlyList<Registration> Gdt { get; init; } = [];

    public IReadOnlyList<Registration> Nssf { get; init; } = [];

    /// <summary>The name before a rename; registers not told show it.</summary>
    public FirmName? PreviousName { get; init; }

    /// <summary>The address before a move.</summary>
    public FirmAddress? PreviousAddress { get; init; }

    /// <summary>The district the firm's commune belonged to before a boundary change.</summary>
    public GazetteerUnit? PreviousDistrict { get; init; }

    /// <summary>A foreign mobile number: country code, a space, the national number (86 13912345678).</summary>
    public string? ForeignPhone { get; init; }

    /// <summary>The head office abroad of a foreign-owned firm.</summary>
    public ForeignAddress? HeadOffice { get; init; }

    public TaxAgent? Agent { get; init; }

    public bool HasPreviousState => PreviousName is not null || PreviousAddress is not null || PreviousDistrict is not null;
}
