namespace Integration.Host.Api;

/// <summary>
/// What each caller may do. One role per user group of the product, plus <see cref="Admin"/> for all of them.
/// </summary>
internal static class ApiRoles
{
    /// <summary>MoC licensing officers: the licence check.</summary>
    public const string Licensing = "licensing";

    /// <summary>NSSF registration division: leads and their follow-up status.</summary>
    public const string Registration = "registration";

    /// <summary>NSSF inspectors: the risk-ranked target lists.</summary>
    public const string Inspection = "inspection";

    /// <summary>Clerks resolving uncertain matches: enterprises, the review queue, decisions.</summary>
    public const string Matching = "matching";

    /// <summary>Operators: the schedule and the job-run record.</summary>
    public const string Operations = "operations";

    public const string Admin = "admin";

    public static readonly string[] All = [Licensing, Registration, Inspection, Matching, Operations, Admin];
}
