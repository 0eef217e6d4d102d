namespace Integration.Ingest.Contracts;

/// <summary>Feed names as the landing zone, entity_links and every module spell them (the one place they are written).</summary>
public static class FeedNames
{
    public const string Moc = "moc-licences";
    public const string Gdt = "gdt-taxpayers";
    public const string Nssf = "nssf-employers";
    public const string NssfContributions = "nssf-contributions";
    public const string NssfInspections = "nssf-inspections";

    /// <summary>The register's short name for sentences: MoC, GDT, NSSF.</summary>
    public static string Label(string feed) => feed switch
    {
        Moc => "MoC",
        Gdt => "GDT",
        Nssf => "NSSF",
        _ => feed,
    };
}
