namespace Integration.Generator;

/// <summary>Who the enterprises are and how they behave: the true state the registries only partly show.</summary>
public sealed record CompositionRates
{
    /// <summary>Share of firms with a MoC registration; the rest are GDT-only (informal firms that only pay tax).</summary>
    public double MocShare { get; init; } = 0.93;

    /// <summary>Share of all firms with a GDT taxpayer record (GDT-only firms included). 0.60 gives 300k at national scale.</summary>
    public double GdtShare { get; init; } = 0.60;

    /// <summary>Share of MoC firms that also registered branches (each branch is one more MoC record of the same enterprise, carrying the parent's TIN).</summary>
    public double BranchRate { get; init; } = 0.03;

    /// <summary>Share of firms that actually employ anyone besides the owner.</summary>
    public double EmployerShare { get; init; } = 0.30;

    /// <summary>Probability that an employer registered with NSSF, by size band 1-4, 5-19, 20-99, 100-999, 1000+ (bigger firms are more visible; about 8% of all firms end up on the NSSF register, ~40k at national scale).</summary>
    public double[] NssfRegistrationBySize { get; init; } = [0.14, 0.42, 0.75, 0.93, 0.97];

    /// <summary>Share of NSSF-registered employers whose NSSF headcount is below the real one (ILO 2015: 14% of inspected firms under-reported employees). These always file GDT salary-tax returns, which show the true headcount.</summary>
    public double UnderDeclaredRate { get; init; } = 0.14;

    /// <summary>Share of NSSF-registered employers with unpaid months in the last 12 due months.</summary>
    public double ArrearsRate { get; init; } = 0.10;

    /// <summary>Share of firms that have ceased trading (true employees 0).</summary>
    public double ClosedRate { get; init; } = 0.06;

    /// <summary>Share of closed firms whose MoC record is still ACTIVE (nobody told the registry).</summary>
    public double ClosedStillRegisteredRate { get; init; } = 0.60;

    /// <summary>Share of MoC records with a licence expiring within <see cref="RenewalWindowDays"/> of the as-of date that have a renewal application pending.</summary>
    public double RenewalPendingRate { get; init; } = 0.50;

    public int RenewalWindowDays { get; init; } = 60;

    /// <summary>Share of GDT employers whose latest salary-tax return is recent (1 to 3 months before as-of); the others' return is over 14 months old.</summary>
    public double GdtCurrentReturnRate { get; init; } = 0.75;

    /// <summary>Share of MoC records carrying an annual headcount declaration.</summary>
    public double MocDeclaredEmployeesRate { get; init; } = 0.45;

    /// <summary>Share of firms created as a "sister" of the previous firm: similar name, own records, but its MoC record carries the sister's TIN (a wrong cross-reference a matcher must not follow blindly).</summary>
    public double SisterFirmRate { get; init; } = 0.01;

    /// <summary>Share of NSSF employers (and of unregistered employers with 20+ workers) visited by an inspector in the period.</summary>
    public double InspectionRate { get; init; } = 0.15;

    // What follows is off in the default profile (0) and set by the hard profile (GeneratorProfiles.Hard). These
    // facts are drawn from a random stream of their own, so they never change the firms the default draws make.

    /// <summary>Share of NSSF employers with a second registration of the same firm: a CLOSED or SUSPENDED earlier one (re-registration after a change of owner, form or address).</summary>
    public double NssfDuplicateRate { get; init; }

    /// <summary>Share of unregistered employers (5+ workers) with an NSSF registration CLOSED years ago although they kept their workers.</summary>
    public double LapsedNssfRate { get; init; }

    /// <summary>Share of GDT taxpayers holding a second, older TIN (sole proprietorship re-registered as a company, a TIN issued twice).</summary>
    public double GdtDuplicateRate { get; init; }

    /// <summary>Share of MoC head offices with an older registration of the same business still on the register (pre-2020 number, struck off or left ACTIVE).</summary>
    public double MocReRegistrationRate { get; init; }

    /// <summary>Share of firms whose brand name is made of words a Khmer register translates rather than transliterates (Golden Star / ផ្កាយមាស / Phkay Meas).</summary>
    public double TranslatedNameRate { get; init; }

    /// <summary>Share of firms with an English corporate name (Pacific, Mercury, Asia Pacific Development...), transliterated in Khmer.</summary>
    public double EnglishNameRate { get; init; }

    /// <summary>Share of firms in lines of business beyond the 30 of the default profile (development, investment, clinic, food, logistics...).</summary>
    public double ExtendedActivityRate { get; init; }

    /// <summary>Share of firms with one of a few very common shop names, placed in one of a few busy districts (many different Heng Mini Marts in one khan).</summary>
    public double CommonNameRate { get; init; }

    /// <summary>Share of Phnom Penh firms renting in one of a few office towers (same house number and street, another unit).</summary>
    public double SharedBuildingRate { get; init; }

    /// <summary>Premises that are not a plain house: a numbered building, a borey (gated housing estate), a unit or flat, a market stall; lots in economic zones for factories.</summary>
    public double BuildingPremisesRate { get; init; }

    public double BoreyPremisesRate { get; init; }

    public double UnitPremisesRate { get; init; }

    /// <summary>Share of retail firms in a market stall.</summary>
    public double StallPremisesRate { get; init; }

    /// <summary>Share of factories (manufacturing, 100+ workers) on a lot of a special economic zone.</summary>
    public double ZoneLotRate { get; init; }

    /// <summary>Share of firms that moved: registers not told show the previous address.</summary>
    public double MovedRate { get; init; }

    /// <summary>Share of firms renamed: registers not told show the previous name.</summary>
    public double RenamedRate { get; init; }

    /// <summary>Share of companies that were sole proprietorships before: registers not told show the old form.</summary>
    public double FormChangeRate { get; init; }

    /// <summary>Share of firms whose commune changed district (boundary change): registers not told show the old district.</summary>
    public double StaleDistrictRate { get; init; }

    /// <summary>Share of foreign-owned firms (foreign names, branches, representative offices) that give a foreign phone number.</summary>
    public double ForeignOwnerPhoneRate { get; init; }

    /// <summary>Share of other firms with a foreign phone number (an owner abroad, a regional office).</summary>
    public double ForeignPhoneRate { get; init; }

    /// <summary>Share of GDT records filed by a tax agent whose phone and e-mail stand for the firm's (one agent serves many firms).</summary>
    public double TaxAgentRate { get; init; }
}
