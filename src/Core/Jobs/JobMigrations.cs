using Integration.Core.Database;

namespace Integration.Core.Jobs;

/// <summary>
/// The tables of job running: job_leases and job_runs (Jobs/Migrations). The module keeps its first name, "host",
/// so databases migrated before the runner moved out of the self-hosted host see nothing new to apply.
/// </summary>
public static class JobMigrations
{
    public static MigrationSet Set { get; } = new("host", typeof(JobMigrations).Assembly);
}
