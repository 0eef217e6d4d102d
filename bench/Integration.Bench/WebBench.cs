using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Integration.Access;
using Integration.Access.Accounts;
using Integration.Alerts.Jobs;
using Integration.Core.Database;
using Integration.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Bench;

/// <summary>
/// Server time per page of the web app on a national-scale database: generate N firms (default 500,000),
/// ingest, match and run the alerts job (set-up), sign in as a national admin, then request each page
/// sequentially over loopback and report p50 / p95 / max per page, with GET /health in the same run as the
/// baseline (the machine is shared). Pages that write (a licence check, a status change) write for real,
/// with their audit entries. Usage: web [firms] [--keep DIR] (DIR: reuse a database set up by an earlier run).
/// </summary>
public sealed partial class WebBench : IBench
{
    private const int Requests = 30;
    private const string Password = "bench-password-1";

    public string Name => "web";

    public string Description => "web pages' server time at national scale (target p95 <= 200 ms), GET /health as the same-run baseline";

    public async Task<string> RunAsync(string[] args)
    {
        var firms = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 500_000;
        var keep = args.SkipWhile(a => a != "--keep").Skip(1).FirstOrDefault();
        var dir = keep ?? Path.Combine(Path.GetTempPath(), "web-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var reuse = keep is not null && File.Exists(Path.Combine(dir, "bench.db"));
        try
        {
            var app = BenchSample.BuildHost(dir);
            var setup = "reused " + dir;
            if (!reuse)
            {
                var (_, generate, ingest, match) = await BenchSample.LoadAsync(app, dir, firms, seed: 1);
                var sw = Stopwatch.StartNew();
                await app.Services.GetServices<IPipelineJob>().OfType<AlertsJob>().Single().RunAsync(new JobContext("bench", DateTimeOffset.UtcNow));
                setup = string.Create(CultureInfo.InvariantCulture, $"generate {generate:0} s, ingest {ingest:0} s, match {match:0} s, alerts {sw.Elapsed.TotalSeconds:0} s");
                var accounts = app.Services.GetRequiredService<AccountStore>();
                await accounts.CreateAsync(new AccountSpec("bench", "Bench Admin", [Role.Admin], null, Language.En), Password, "bench");
            }

            var db = app.Services.GetRequiredService<Db>();
            Sample s;
            using (var conn = db.Open())
            {
                s = conn.QuerySingle<Sample>(
                    """
                    SELECT (SELECT COUNT(*) FROM enterprises WHERE retired_into IS NULL) AS enterprises,
                        (SELECT COUNT(*) FROM lead_snapshots WHERE alert_run_id = (SELECT run_id FROM alert_runs ORDER BY started_at DESC LIMIT 1)) AS leads,
                        (SELECT COUNT(*) FROM audit_log) AS audit_entries,
                        (SELECT province_code FROM target_snapshots GROUP BY province_code ORDER BY COUNT(*) DESC LIMIT 1) AS province,
                        (SELECT enterprise_id FROM lead_snapshots ORDER BY alert_run_id DESC, list_no LIMIT 1) AS lead,
                        (SELECT m.source_key FROM entity_links m WHERE m.feed = 'moc-licences' ORDER BY m.source_key LIMIT 1 OFFSET 1000) AS registration,
                        (SELECT name_en FROM moc_licences WHERE name_en IS NOT NULL ORDER BY registration_no LIMIT 1 OFFSET 5000) AS name,
                        (SELECT run_id FROM ingest_runs ORDER BY started_at LIMIT 1) AS ingest_run,
                        (SELECT file_id FROM source_files WHERE rows_quarantined > 0 ORDER BY rows_quarantined DESC LIMIT 1) AS quarantine_file
                    """);
            }

            await app.StartAsync();
            var cookies = new CookieContainer();
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()), Timeout = Timeout.InfiniteTimeSpan };
            await SignInAsync(http);
            var word = s.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).FirstOrDefault() ?? "Trading";
            var load = BenchRunner.LoadAverage();
            var rows = new List<(string Page, string Request, Timing T)>();
            var baseline = await TimeAsync("GET /health", () => Get(http, "/health"));

            // The coverage report is computed once per match run: its first request is timed on its own.
            var coverageCold = await TimeAsync("cold", () => Get(http, "/coverage"), 1);
            foreach (var (page, request, send) in new (string, string, Func<Task<HttpResponseMessage>>)[]
            {
                ("home", "GET /", () => Get(http, "/")),
                ("licence check", "GET /check (form, recent checks)", () => Get(http, "/check")),
                ("licence check", "GET /check?handler=suggest (name suggestions)", () => Get(http, "/check?handler=suggest&q=" + Uri.EscapeDataString(word))),
                ("licence check", "POST /check (check, log, audit, records)", () => PostAsync(http, "/check", new() { ["q"] = s.Registration ?? "" })),
                ("leads", "GET /leads (first page of all)", () => Get(http, "/leads")),
                ("leads", $"GET /leads?province={s.Province}&sort=workers&desc=true", () => Get(http, $"/leads?province={s.Province}&sort=workers&desc=true")),
                ("leads", "GET /leads?page=500 (deep page)", () => Get(http, "/leads?page=500")),
                ("leads", "GET /leads?sector=garment&min=10", () => Get(http, "/leads?sector=garment&min=10")),
                ("lead", "GET /leads/{id} (records, evidence, history)", () => Get(http, "/leads/" + s.Lead)),
                ("lead", "POST /leads/{id} (status change)", () => PostAsync(http, "/leads/" + s.Lead, new() { ["status"] = "CONTACTED", ["note"] = "bench" })),
                ("targets", $"GET /targets?province={s.Province}&capacity=20 (list, chart)", () => Get(http, $"/targets?province={s.Province}&capacity=20")),
                ("targets", "GET /targets (national top 20)", () => Get(http, "/targets")),
                ("visit sheet", $"GET /targets/sheet?province={s.Province}", () => Get(http, $"/targets/sheet?province={s.Province}&capacity=20")),
                ("review", "GET /review (best pair, next 10)", () => Get(http, "/review")),
                ("coverage", "GET /coverage (warm)", () => Get(http, "/coverage")),
                ("operations", "GET /operations", () => Get(http, "/operations")),
                ("data quality", "GET /operations/ingest/{run}", () => Get(http, "/operations/ingest/" + s.IngestRun)),
                ("quarantine", "GET /operations/quarantine/{file}", () => Get(http, "/operations/quarantine/" + s.QuarantineFile)),
                ("accounts", "GET /admin/accounts", () => Get(http, "/admin/accounts")),
                ("audit log", "GET /admin/audit", () => Get(http, "/admin/audit")),
            })
            {
                rows.Add((page, request, await TimeAsync(request, send)));
            }

            var exportCsv = await TimeAsync("csv", () => Get(http, "/leads?handler=export&format=csv"), 3);
            var exportXlsx = await TimeAsync("xlsx", () => Get(http, "/leads?handler=export&format=xlsx"), 3);
            await app.StopAsync();
            await app.DisposeAsync();
            return Report(firms, s, setup, load, baseline, coverageCold, rows, exportCsv, exportXlsx, dir, keep is not null);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private sealed record Sample(long Enterprises, long Leads, long AuditEntries, string? Province, string? Lead, string? Registration, string? Name, string? IngestRun, long? QuarantineFile);

    private sealed record Timing(double P50, double P95, double Max, long Bytes);

    private static Task<HttpResponseMessage> Get(HttpClient http, string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    private static async Task SignInAsync(HttpClient http)
    {
        var form = await (await Get(http, "/signin")).Content.ReadAsStringAsync();
        var response = await http.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "bench",
            ["password"] = Password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Token(form),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
        }
    }

    /// <summary>A form post as the browser sends it: the page first (its antiforgery token), then the post.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, Dictionary<string, string> fields)
    {
        var page = await (await Get(http, path)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = Token(page);
        return await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token in the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<Timing> TimeAsync(string what, Func<Task<HttpResponseMessage>> send, int n = Requests)
    {
        var ms = new double[n];
        var bytes = 0L;
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await send();
            var body = await response.Content.ReadAsByteArrayAsync();
            ms[i] = sw.Elapsed.TotalMilliseconds;
            if ((int)response.StatusCode >= 400)
            {
                throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
            }

            bytes = body.Length;
        }

        Array.Sort(ms);
        return new Timing(ms[(n - 1) / 2], ms[Math.Min(n - 1, (int)Math.Ceiling(0.95 * n) - 1)], ms[^1], bytes);
    }

    private static string Report(int firms, Sample s, string setup, string load, Timing baseline, Timing coverageCold, List<(string Page, string Request, Timing T)> rows, Timing csv, Timing xlsx, string dir, bool kept)
    {
        var md = new StringBuilder();
        md.AppendLine("# Web app: server time per page at national scale");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{firms:N0} generated firms -> {s.Enterprises:N0} enterprises, {s.Leads:N0} leads in the latest alerts run; SQLite; {Environment.ProcessorCount} cores; set-up: {setup}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average when the page requests started (the machine is shared): {load}. Command: `dotnet run -c Release --project bench/Integration.Bench -- web {firms}{(kept ? " --keep DIR" : "")}`.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Each request {Requests} times in a row, signed in as a national admin, over loopback to the real host (cookie sign-in, antiforgery, audit log on; the time includes transfer of the page, which on loopback is the server's time). Posts fetch their form first, as a browser does; their time is the post alone.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Baseline in the same run: `GET /health` p50 {baseline.P50:0.0} ms, p95 {baseline.P95:0.0} ms. Target: p95 <= 200 ms per page.");
        md.AppendLine();
        md.AppendLine("| page | request | bytes | p50 ms | p95 ms | max ms | p95 / health p95 |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (page, request, t) in rows)
        {
            var mark = t.P95 > 200 ? "**" : "";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {page} | `{request}` | {t.Bytes:N0} | {t.P50:0.0} | {mark}{t.P95:0.0}{mark} | {t.Max:0.0} | {t.P95 / Math.Max(0.1, baseline.P95):0} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Coverage's first request after start (computed once per match run, then kept): {coverageCold.Max:0} ms.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Export of the whole lead list ({s.Leads:N0} rows; a download, not a page): CSV {csv.Bytes / 1024.0 / 1024.0:0.0} MiB in {csv.P50 / 1000:0.00} s (median of 3), Excel {xlsx.Bytes / 1024.0 / 1024.0:0.0} MiB in {xlsx.P50 / 1000:0.00} s.");
        if (kept)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Database kept in `{dir}` for another run.");
        }

        return md.ToString();
    }
}
