using System.Data.Common;
using System.Text.Json;
using Dapper;
using Integration.Alerts.Policy;
using Integration.Core.Dates;

namespace Integration.Alerts.Checks;

/// <summary>Writes the licence_checks log: every question and its answer, with the evidence as JSON.</summary>
internal static class CheckLog
{
    private const string Insert = """
        INSERT INTO licence_checks (checked_at, requested_by, channel, registration_no, as_of, decision, reasons,
            enterprise_id, nssf_id, paid_through, unpaid_periods, arrears_khr, run_id, alert_run_id, evidence)
        VALUES (@CheckedAt, @RequestedBy, @Channel, @RegistrationNo, @AsOf, @Decision, @Reasons,
            @EnterpriseId, @NssfId, @PaidThrough, @UnpaidPeriods, @ArrearsKhr, @RunId, @AlertRunId, @Evidence)
        """;

    public static long Write(DbConnection conn, CheckRequest request, LicenceDecision decision, DateTimeOffset at, DbTransaction? tx = null) =>
        conn.ExecuteScalar<long>(Insert + " RETURNING check_id", Row(request, decision, at), tx);

    /// <summary>Rows per transaction of <see cref="WriteMany"/>: the checks answered meanwhile wait for at most one of them.</summary>
    public const int BatchRowsPerTransaction = 500;

    /// <summary>
    /// Many rows (the batch job), in short transactions of <see cref="BatchRowsPerTransaction"/>: a national batch in one
    /// transaction would hold the log's write lock for a fraction of a second while officers' checks wait to be logged.
    /// </summary>
    public static void WriteMany(DbConnection conn, IEnumerable<(CheckRequest Request, LicenceDecision Decision)> checks, DateTimeOffset at)
    {
        foreach (var chunk in checks.Chunk(BatchRowsPerTransaction))
        {
            using var tx = conn.BeginTransaction();
            foreach (var (request, decision) in chunk)
            {
                conn.Execute(Insert, Row(request, decision, at), tx);
            }

            tx.Commit();
        }
    }

    /// <summary>An unknown number is logged too: someone asked, and was told it is unknown.</summary>
    public static long WriteNotFound(DbConnection conn, CheckRequest request, DateOnly asOf, DateTimeOffset at, DbTransaction? tx = null) =>
        conn.ExecuteScalar<long>(Insert + " RETURNING check_id", new
        {
            CheckedAt = at.UtcDateTime.ToString("O"),
            request.RequestedBy,
            request.Channel,
            request.RegistrationNo,
            AsOf = IsoDate.Format(asOf),
            Decision = "NOT_FOUND",
            Reasons = "",
            EnterpriseId = (string?)null,
            NssfId = (string?)null,
            PaidThrough = (string?)null,
            UnpaidPeriods = 0L,
            ArrearsKhr = 0L,
            RunId = (string?)null,
            request.AlertRunId,
            Evidence = "{}",
        }, tx);

    private static object Row(CheckRequest request, LicenceDecision d, DateTimeOffset at) => new
    {
        CheckedAt = at.UtcDateTime.ToString("O"),
        request.RequestedBy,
        request.Channel,
        d.RegistrationNo,
        AsOf = IsoDate.Format(d.AsOf),
        d.Decision,
        Reasons = d.ReasonCodes,
        d.EnterpriseId,
        d.NssfId,
        d.PaidThrough,
        UnpaidPeriods = (long)d.UnpaidPeriods,
        d.ArrearsKhr,
        d.RunId,
        request.AlertRunId,
        Evidence = JsonSerializer.Serialize(d.Evidence, AlertsJson.Options),
    };
}
