namespace Integration.Alerts;

/// <summary>Bound from the <c>Alerts</c> configuration section. Every number of the policy lives here, not in code.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    public LicencePolicyOptions LicencePolicy { get; set; } = new();

    public TargetOptions Targets { get; set; } = new();

    /// <summary>Check date for the batch job and exports (yyyy-MM-dd). Empty: the as-of date of the current
    /// match run's data, else today from the clock. On-demand checks default to today.</summary>
    public string? BatchAsOf { get; set; }

    /// <summary>User name recorded in the check log for batch checks.</summary>
    public string BatchUser { get; set; } = "alerts-job";

    /// <summary>Enterprises the batch reads, decides and releases at a time: what bounds its memory, whatever the length
    /// of the contribution history. Smaller chunks cost more statements (about ten per chunk).</summary>
    public int BatchChunkSize { get; set; } = 20_000;
}

/// <summary>The licence-check decision policy of rules.md ("Default decision policy").</summary>
public sealed class LicencePolicyOptions
{
    /// <summary>Contributions for month M are due by this day of month M+1.</summary>
    public int DueDay { get; set; } = 15;

    /// <summary>Look-back window, in due months, ending at the latest due month.</summary>
    public int WindowMonths { get; set; } = 12;

    /// <summary>A GDT headcount counts only when its return month lies within this many months before the check date.</summary>
    public int GdtHeadcountRecencyMonths { get; set; } = 12;

    /// <summary>Unpaid months in the window tolerated before BLOCK ARREARS.</summary>
    public int AllowedUnpaidMonths { get; set; }

    /// <summary>Employees evidence above this makes a firm liable to register (rules: one or more employees).</summary>
    public int MinEmployeesForRegistration { get; set; } = 1;

    // Collections default to null: the configuration binder appends to a pre-filled list instead of
    // replacing it, so defaults are applied when nothing was configured.

    /// <summary>NSSF employer statuses that count as registered. Default ACTIVE.</summary>
    public string[]? ActiveNssfStatuses { get; set; }

    /// <summary>MoC / GDT statuses of a trading firm (for leads). Default ACTIVE.</summary>
    public string[]? ActiveRegistryStatuses { get; set; }

    /// <summary>Link methods in the review band. Used for a record whose pairs the match run did not store: its own
    /// link then says whether it is certainly joined. Default review.</summary>
    public string[]? UncertainLinkMethods { get; set; }

    /// <summary>Most groups of records joined to R only through review-band links whose every combination is weighed
    /// (2^n answers); more than this is REVIEW outright.</summary>
    public int MaxUncertainGroups { get; set; } = 10;

    /// <summary>BLOCK NOT_REGISTERED becomes REVIEW when no record certainly joined to R carries an address or a phone:
    /// on a name alone the matcher cannot find the firm's NSSF employer, so the missing link proves nothing.</summary>
    public bool ReviewNotRegisteredOnNameOnly { get; set; } = true;

    public IReadOnlyCollection<string> NssfActive => ActiveNssfStatuses is { Length: > 0 } a ? a : ["ACTIVE"];

    public IReadOnlyCollection<string> RegistryActive => ActiveRegistryStatuses is { Length: > 0 } a ? a : ["ACTIVE"];

    public IReadOnlyCollection<string> Uncertain => UncertainLinkMethods is { Length: > 0 } a ? a : ["review"];
}

/// <summary>Weights of the inspectors' risk score. Points add up and are capped at <see cref="MaxScore"/>.</summary>
public sealed class TargetOptions
{
    public int MaxScore { get; set; } = 100;

    /// <summary>Rows below this score are not listed.</summary>
    public int MinScore { get; set; } = 1;

    /// <summary>Rows in targets.csv when no capacity is given (0 = all).</summary>
    public int DefaultCapacity { get; set; }

    /// <summary>Liable (employees evidence) with no active NSSF employer.</summary>
    public int NotRegisteredPoints { get; set; } = 40;

    /// <summary>Points when the whole GDT headcount is uninsured; scaled by the uninsured share otherwise.</summary>
    public int GdtGapMaxPoints { get; set; } = 20;

    /// <summary>Smallest gap (GDT employees minus NSSF insured) that scores.</summary>
    public int GdtGapMinWorkers { get; set; } = 1;

    public int ArrearsPointsPerMonth { get; set; } = 3;

    public int ArrearsMonthsMaxPoints { get; set; } = 15;

    /// <summary>One point per this many riel in arrears.</summary>
    public long ArrearsKhrPerPoint { get; set; } = 1_000_000;

    public int ArrearsKhrMaxPoints { get; set; } = 10;

    /// <summary>ISIC prefix to points; the longest matching prefix wins. Garment (14), textile (13) and
    /// footwear/leather (15) first, then other labour-intensive classes.</summary>
    public Dictionary<string, int> SectorPoints { get; set; } = new(StringComparer.Ordinal)
    {
        ["13"] = 10,
        ["14"] = 10,
        ["15"] = 10,
        ["10"] = 5,
        ["16"] = 5,
        ["31"] = 5,
        ["41"] = 5,
        ["42"] = 5,
        ["43"] = 5,
        ["55"] = 3,
        ["56"] = 3,
    };

    /// <summary>Size tiers by employees evidence; the highest tier reached scores. Default 200:+10, 50:+6, 10:+3.</summary>
    public List<Tier>? SizeTiers { get; set; }

    public IReadOnlyList<Tier> Size => SizeTiers is { Count: > 0 } t ? t : [new(200, 10), new(50, 6), new(10, 3)];

    public int NeverInspectedPoints { get; set; } = 10;

    /// <summary>Months since the last inspection; the highest tier reached scores. Default 24:+10, 12:+5.</summary>
    public List<Tier>? InspectionTiers { get; set; }

    public IReadOnlyList<Tier> Inspection => InspectionTiers is { Count: > 0 } t ? t : [new(24, 10), new(12, 5)];
}

/// <summary>A threshold and the points for reaching it.</summary>
public sealed class Tier
{
    public Tier()
    {
    }

    public Tier(int min, int points)
    {
        Min = min;
        Points = points;
    }

    public int Min { get; set; }

    public int Points { get; set; }
}
