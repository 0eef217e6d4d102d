using Dapper;
using Integration.Alerts.Model;
using Integration.Core.Database;
using Integration.Core.Dates;

namespace Integration.Alerts.Tests;

/// <summary>
/// Writes feed and linkage rows straight into the tables the other modules own, the way ingest and
/// matching would leave them, so the alerts can be tested on exact situations.
/// </summary>
public sealed class Seed(Db db)
{
    private long _line = 2;

    public Seed Moc(string reg, string ent, string status = "ACTIVE", long? declared = null, string? renewal = "2026-10-01",
        string firstSeen = "2026-01-01", string method = "id", string? isic = "4711", string? province = "Phnom Penh", string? district = "Chamkar Mon", int current = 1,
        string? street = "Street 271", string? phone = "012 345 678")
    {
        Exec("""
            INSERT INTO moc_licences (registration_no, name_en, name_km, status, declared_employees, renewal_applied_on, isic_code, activity, province, district, street, phone,
                file_id, line, row_hash, first_seen_on, last_seen_on, is_current)
            VALUES (@reg, @name, NULL, @status, @declared, @renewal, @isic, 'Trading', @province, @district, @street, @phone, 1, @line, 'h', @firstSeen, '2026-10-01', @current)
            """, new { reg, name = "Firm " + reg, status, declared, renewal, isic, province, district, street, phone, line = _line++, firstSeen, current });
        return Link(FeedNames.Moc, reg, ent, method);
    }

    public Seed Gdt(string tin, string ent, long? employees, string? period, string status = "ACTIVE", string firstSeen = "2026-01-01", string method = "id", string? isic = null)
    {
        Exec("""
            INSERT INTO gdt_taxpayers (tin, name_en, status, employees, employees_period, isic_code, file_id, line, row_hash, first_seen_on, last_seen_on, is_current)
            VALUES (@tin, @name, @status, @employees, @period, @isic, 2, @line, 'h', @firstSeen, '2026-10-01', 1)
            """, new { tin, name = "Taxpayer " + tin, status, employees, period, isic, line = _line++, firstSeen });
        return Link(FeedNames.Gdt, tin, ent, method);
    }

    public Seed Nssf(string id, string ent, string status = "ACTIVE", long? insured = 10, string? registeredOn = "2020-01-15", string firstSeen = "2026-01-01", string method = "id")
    {
        Exec("""
            INSERT INTO nssf_employers (nssf_id, name_en, status, insured_workers, registered_on, file_id, line, row_hash, first_seen_on, last_seen_on, is_current)
            VALUES (@id, @name, @status, @insured, @registeredOn, 3, @line, 'h', @firstSeen, '2026-10-01', 1)
            """, new { id, name = "Employer " + id, status, insured, registeredOn, line = _line++, firstSeen });
        return Link(FeedNames.Nssf, id, ent, method);
    }

    public Seed Paid(string nssfId, string from, string to, long due = 100_000) =>
        ForMonths(from, to, m => Contribution(nssfId, m, due, due));

    public Seed Contribution(string nssfId, string period, long? due, long? paid)
    {
        Exec("""
            INSERT INTO nssf_contributions (nssf_id, period, insured_workers, wages_khr, due_khr, paid_khr, paid_on, file_id, line, row_hash, first_seen_on, last_seen_on)
            VALUES (@nssfId, @period, 10, 5000000, @due, @paid, NULL, 4, @line, 'h', '2026-10-01', '2026-10-01')
            ON CONFLICT (nssf_id, period) DO UPDATE SET due_khr = excluded.due_khr, paid_khr = excluded.paid_khr
            """, new { nssfId, period, due, paid, line = _line++ });
        return this;
    }

    public Seed Inspection(string nssfId, string on)
    {
        Exec("""
            INSERT INTO nssf_inspections (inspection_key, nssf_id, registration_no, inspected_on, outcome, file_id, line, row_hash, first_seen_on, last_seen_on)
            VALUES (@key, @nssfId, NULL, @on, 'COMPLIANT', 5, @line, 'h', '2026-10-01', '2026-10-01')
            """, new { key = nssfId + "||" + on, nssfId, on, line = _line++ });
        return this;
    }

    public Seed Enterprise(string id, string province = "Phnom Penh", string district = "Chamkar Mon", string provinceCode = "12", string districtCode = "1201")
    {
        Exec("""
            INSERT INTO enterprises (enterprise_id, name_en, province, district, province_code, district_code, created_run_id, updated_run_id)
            VALUES (@id, @name, @province, @district, @provinceCode, @districtCode, 'm1', 'm1')
            ON CONFLICT (enterprise_id) DO UPDATE SET province = excluded.province, district = excluded.district,
                province_code = excluded.province_code, district_code = excluded.district_code
            """, new { id, name = "Enterprise " + id, province, district, provinceCode, districtCode });
        return this;
    }

    public Seed Link(string feed, string key, string ent, string method = "id", string run = "m1")
    {
        Exec("""
            INSERT INTO enterprises (enterprise_id, name_en, province, district, province_code, district_code, created_run_id, updated_run_id)
            VALUES (@ent, @name, 'Phnom Penh', 'Chamkar Mon', '12', '1201', 'm1', 'm1') ON CONFLICT (enterprise_id) DO NOTHING
            """, new { ent, name = "Enterprise " + ent });
        Exec("""
            INSERT INTO entity_links (feed, source_key, enterprise_id, confidence, method, evidence, run_id)
            VALUES (@feed, @key, @ent, @conf, @method, 'test', @run)
            ON CONFLICT (feed, source_key) DO UPDATE SET enterprise_id = excluded.enterprise_id, method = excluded.method, run_id = excluded.run_id
            """, new { feed, key, ent, conf = method == "review" ? 0.7 : 0.99, method, run });
        return this;
    }

    /// <summary>A scored pair as matching stores it (match_pairs): band LINK, REVIEW, CLERK_ACCEPT or CLERK_REJECT.</summary>
    public Seed Pair(string feedA, string keyA, string feedB, string keyB, string band = "LINK", double p = 0.999, string run = "m1")
    {
        Exec("""
            INSERT INTO match_pairs (feed_a, key_a, feed_b, key_b, probability, match_weight, band, evidence, run_id)
            VALUES (@feedA, @keyA, @feedB, @keyB, @p, 0, @band, '{}', @run)
            """, new { feedA, keyA, feedB, keyB, p, band, run });
        return this;
    }

    /// <summary>A pair of records of one registry in one enterprise, as matching publishes it (registration_duplicates).</summary>
    public Seed RegistrationDuplicate(string ent, string feed, string keyA, string keyB, double p, string method, string evidence, string run = "m1")
    {
        Exec("""
            INSERT INTO registration_duplicates (enterprise_id, feed, key_a, key_b, probability, method, evidence, run_id)
            VALUES (@ent, @feed, @keyA, @keyB, @p, @method, @evidence, @run)
            """, new { ent, feed, keyA, keyB, p, method, evidence, run });
        return this;
    }

    /// <summary>Records a finished match run and moves every link onto it, as a new matching run would.</summary>
    public Seed MatchRun(string runId, string started)
    {
        Exec("""
            INSERT INTO match_runs (run_id, started_at, finished_at, as_of, model_version, outcome)
            VALUES (@runId, @started, @started, '2026-10-01', 'test', 'SUCCEEDED')
            """, new { runId, started });
        Exec("UPDATE entity_links SET run_id = @runId", new { runId });
        return this;
    }

    public void Exec(string sql, object? args = null)
    {
        using var conn = db.Open();
        conn.Execute(sql, args);
    }

    private Seed ForMonths(string from, string to, Action<string> each)
    {
        if (!Month.TryParse(from, out var m) || !Month.TryParse(to, out var end))
        {
            throw new ArgumentException($"Months must be yyyy-MM: {from}, {to}.");
        }

        for (; m <= end; m = m.AddMonths(1))
        {
            each(m.ToString());
        }

        return this;
    }
}
