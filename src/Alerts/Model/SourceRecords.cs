namespace Integration.Alerts.Model;

// The columns of the feed tables (src/Ingest/Migrations/0001_feeds.sql) the alerts read. Dates stay
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

    /// <summary>Enterprise of this record's link, when read together with it (single checks).</summary>
    public string? LinkedEnterpriseId { get; init; }
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

/// <summary>One row of entity_links: a source record's enterprise and how sure the matcher is.</summary>
public sealed record LinkRow
{
    public string Feed { get; init; } = "";

    public string SourceKey { get; init; } = "";

    public string EnterpriseId { get; init; } = "";

    public double Confidence { get; init; }

    public string Method { get; init; } = "";

    public string RunId { get; init; } = "";

    public RecordKey Record => new(Feed, SourceKey);
}

/// <summary>A source record by feed and key: how links, pairs and evidence name it.</summary>
public readonly record struct RecordKey(string Feed, string Key)
{
    /// <summary>e.g. <c>NSSF N00123</c>.</summary>
    public override string ToString() => $"{Feeds.Label(Feed)} {Key}";
}

/// <summary>Feed names as entity_links and the landing zone spell them.</summary>
public static class Feeds
{
    public const string Moc = "moc-licences";
    public const string Gdt = "gdt-taxpayers";
    public const string Nssf = "nssf-employers";

    /// <summary>The register's short name for sentences: MoC, GDT, NSSF.</summary>
    public static string Label(string feed) => feed switch
    {
        Moc => "MoC",
        Gdt => "GDT",
        Nssf => "NSSF",
        _ => feed,
    };
}
