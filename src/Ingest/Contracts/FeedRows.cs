namespace Integration.Ingest.Contracts;

// The one model of the current feed rows other modules read (FeedRowReader selects exactly these columns, checked
// against FeedCatalog when first used). Dates stay
// ISO text as stored; FileId/Line trace every value back to the delivered file.

/// <summary>Where a record came from: the file and line it was last loaded from, and when it was first seen.</summary>
public abstract record SourceRow
{
    public long FileId { get; init; }

    public long Line { get; init; }

    public string? FirstSeenOn { get; init; }

    /// <summary>As-of date of the latest extract that held the record.</summary>
    public string? LastSeenOn { get; init; }

    /// <summary>1 when the latest extract of its register holds the record; 0 once it was removed from it.</summary>
    public long IsCurrent { get; init; } = 1;

    public string? Activity { get; init; }

    public string? IsicCode { get; init; }

    public string? HouseNo { get; init; }

    public string? Street { get; init; }

    public string? Village { get; init; }

    public string? Commune { get; init; }

    public string? District { get; init; }

    public string? Province { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Status { get; init; }

    public string? NameEn { get; init; }

    public string? NameKm { get; init; }

    /// <summary>The address as one line: the free-text line when given, else the parts joined.</summary>
    public string? AddressLine()
    {
        if (!string.IsNullOrWhiteSpace(Address))
        {
            return Address.Trim();
        }

        var parts = new[] { HouseNo, Street, Village, Commune, District, Province }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}

public sealed record MocRecord : SourceRow
{
    public string RegistrationNo { get; init; } = "";

    public string? RenewalAppliedOn { get; init; }

    public long? DeclaredEmployees { get; init; }
}

public sealed record GdtRecord : SourceRow
{
    public string Tin { get; init; } = "";

    public long? Employees { get; init; }

    public string? EmployeesPeriod { get; init; }
}

public sealed record NssfEmployerRecord : SourceRow
{
    public string NssfId { get; init; } = "";

    public string? RegisteredOn { get; init; }

    public long? InsuredWorkers { get; init; }
}

/// <summary>One month's declaration and payment of one employer.</summary>
public sealed record ContributionRow
{
    public string NssfId { get; init; } = "";

    public string Period { get; init; } = "";

    public long? DueKhr { get; init; }

    public long? PaidKhr { get; init; }

    public string? PaidOn { get; init; }

    public long FileId { get; init; }

    public long Line { get; init; }

    public bool FullyPaid => (PaidKhr ?? 0) >= (DueKhr ?? 0);

    public long Outstanding => Math.Max(0, (DueKhr ?? 0) - (PaidKhr ?? 0));
}

/// <summary>The latest inspection visit of an NSSF employer or MoC registration.</summary>
public sealed record InspectionRow
{
    public string? NssfId { get; init; }

    public string? RegistrationNo { get; init; }

    public string InspectedOn { get; init; } = "";
}
