using System.Globalization;
using System.Text;
using Integration.Core.Csv;
using Integration.Core.Reference;
using Integration.Core.Truth;
using Integration.Generator.Model;
using Integration.Generator.Output;
using Integration.Generator.Reference;
using Integration.Generator.Rendering;
using Integration.Generator.Truth;

namespace Integration.Generator;

/// <summary>Progress of a run: firms generated so far out of the total.</summary>
public readonly record struct GenerationProgress(int Firms, int Total);

/// <summary>What a run wrote.</summary>
public sealed record GenerationSummary(
    DateOnly AsOf,
    int Firms,
    IReadOnlyDictionary<string, long> RowsByFeed,
    IReadOnlyDictionary<string, long> ValidRecordsByFeed,
    IReadOnlyDictionary<BadRowKind, long> BadRows,
    IReadOnlyDictionary<string, int> FirmsByCompliance,
    int Leads,
    int PendingRenewals,
    IReadOnlyList<string> Files);

/// <summary>
/// Writes the five feeds for <see cref="GeneratorOptions.Scale"/> true enterprises into <c>OUT/&lt;feed&gt;/</c> and
/// the answer key into <c>OUT/ground-truth/</c>. Firms are generated and written one at a time (memory stays
/// flat at any scale). Four independent random streams derived from the seed: firm facts, payment behaviour
/// and licence dates, spelling noise, and row corruption; so changing a noise or bad-row rate never changes
/// the firms or what the policy expects of them, only how they are written.
/// </summary>
public sealed class RegistryGenerator(GeneratorOptions options, Gazetteer gazetteer, PersonNames names)
{
    private const int PoolSize = 4096;
    private static readonly string[] ChineseDirectors = ["Zhang Wei", "Li Na", "Chen Jie", "Wang Fang", "Liu Yang", "Huang Min", "Lin Hao", "Wu Lei"];

    public const string BadRowsFile = "bad-rows.csv";

    public GenerationSummary Run(string outDir, IProgress<GenerationProgress>? progress = null, CancellationToken ct = default)
    {
        var asOf = options.AsOf;
        var asOfText = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(outDir);
        var truthDir = Path.Combine(outDir, GroundTruth.Folder);
        Directory.CreateDirectory(truthDir);

        var facts = new Random(StreamSeed(options.Seed, 1));
        var behaviour = new Random(StreamSeed(options.Seed, 2));
        var noiseRng = new Random(StreamSeed(options.Seed, 3));
        var corruptRng = new Random(StreamSeed(options.Seed, 4));

        var factory = new FirmFactory(options, facts, new Places(gazetteer), names);
        var run = new Writer(options, outDir, asOfText, noiseRng, behaviour, corruptRng, names, Path.Combine(truthDir, BadRowsFile));
        using (run)
        {
            for (var i = 0; i < options.Scale; i++)
            {
                if ((i & 1023) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new GenerationProgress(i, options.Scale));
                }

                run.WriteFirm(factory.Next(i));
            }

            if (options.BadFiles)
            {
                run.FlushForBadFiles();
                BadFiles.Write(outDir, options, run.ContributionFiles, run.InspectionsFile);
            }
        }

        File.WriteAllText(Path.Combine(truthDir, "as_of.txt"), asOfText + "\n");
        progress?.Report(new GenerationProgress(options.Scale, options.Scale));
        var files = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return run.Summary(asOf, options.Scale, files);
    }

    /// <summary>SplitMix-style mixing: distinct, well-spread seeds per stream from one user seed.</summary>
    private static int StreamSeed(int seed, int stream)
    {
        var z = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + ((ulong)stream * 0xBF58476D1CE4E5B9UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    /// <summary>The open files of one run and the per-firm writing logic.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly GeneratorOptions _o;
        private readonly Random _behaviour;
        private readonly Random _noise;
        private readonly PersonNames _names;
        private readonly NameRenderer _nameRenderer;
        private readonly AddressRenderer _addressRenderer;
        private readonly PhoneRenderer _phoneRenderer;
        private readonly RowEmitter _emitter;
        private readonly FeedFile _moc;
        private readonly FeedFile _gdt;
        private readonly FeedFile _nssf;
        private readonly FeedFile _inspections;
        private readonly FeedFile[] _contributions;
        private readonly int _firstPeriod;
        private readonly int _lastPeriod;
        private readonly int _asOfMonth;
        private readonly int _latestDue;
        private readonly StreamWriter _recordsOut;
        private readonly CsvWriter _records;
        private readonly StreamWriter _firmsOut;
        private readonly CsvWriter _firms;
        private readonly string[] _tinPool = new string[PoolSize];
        private readonly string[] _regPool = new string[PoolSize];
        private readonly Identifiers _licences = new();
        private readonly Dictionary<string, long> _valid = [];
        private readonly Dictionary<string, int> _compliance = [];
        private int _tinCount;
        private int _regCount;
        private int _leads;
        private int _renewals;

        public Writer(GeneratorOptions o, string outDir, string asOfText, Random noise, Random behaviour, Random corrupt, PersonNames names, string badRowsPath)
        {
            _o = o;
            _noise = noise;
            _behaviour = behaviour;
            _names = names;
            _nameRenderer = new NameRenderer(o.Noise, noise);
            _addressRenderer = new AddressRenderer(o.Noise, noise);
            _phoneRenderer = new PhoneRenderer(o.Noise, noise);
            _emitter = new RowEmitter(o.BadRows, corrupt, badRowsPath);
            _moc = new FeedFile(outDir, FeedLayout.Moc, $"{FeedLayout.Moc.Name}_{asOfText}", o.Format, o.Gzip);
            _gdt = new FeedFile(outDir, FeedLayout.Gdt, $"{FeedLayout.Gdt.Name}_{asOfText}", o.Format, o.Gzip);
            _nssf = new FeedFile(outDir, FeedLayout.Nssf, $"{FeedLayout.Nssf.Name}_{asOfText}", o.Format, o.Gzip);
            _inspections = new FeedFile(outDir, FeedLayout.Inspections, $"{FeedLayout.Inspections.Name}_{asOfText}", o.Format, o.Gzip);

            // Period P is delivered on the 20th of P+1: the last period is the latest whose file has arrived by as-of.
            _asOfMonth = Months.Of(o.AsOf);
            _lastPeriod = _asOfMonth - 1;
            while (Months.Day(_lastPeriod + 1, o.Contributions.DeliveryDay) > o.AsOf)
            {
                _lastPeriod--;
            }

            _firstPeriod = _lastPeriod - Math.Max(1, o.Months) + 1;
            _contributions = new FeedFile[_lastPeriod - _firstPeriod + 1];
            for (var p = _firstPeriod; p <= _lastPeriod; p++)
            {
                var delivered = Months.Day(p + 1, o.Contributions.DeliveryDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                _contributions[p - _firstPeriod] = new FeedFile(outDir, FeedLayout.Contributions, $"{FeedLayout.Contributions.Name}_{delivered}", o.Format, o.Gzip);
            }

            _latestDue = PolicyOracle.LatestDueMonth(o.AsOf);
            var truthDir = Path.GetDirectoryName(badRowsPath)!;
            (_recordsOut, _records) = OpenCsv(Path.Combine(truthDir, "records.csv"), GroundTruth.RecordColumns);
            (_firmsOut, _firms) = OpenCsv(Path.Combine(truthDir, "firms.csv"), GroundTruth.FirmColumns);
        }

        public IReadOnlyList<string> ContributionFiles => _contributions.Select(f => f.RelativePath).ToList();

        public string InspectionsFile => _inspections.RelativePath;

        private static (StreamWriter, CsvWriter) OpenCsv(string path, string[] header)
        {
            var w = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
            var csv = new CsvWriter(w);
            csv.WriteRow(header);
            return (w, csv);
        }

        public void WriteFirm(TrueFirm f)
        {
            var evidence = new FirmEvidence();
            if (f.HasMoc)
            {
                WriteMoc(f, evidence);
            }

            if (f.HasGdt)
            {
                WriteGdt(f, evidence);
            }

            if (f.HasNssf)
            {
                WriteNssf(f, evidence);
                WriteContributions(f, evidence);
            }

            WriteInspections(f);
            Remember(f);

            // A firm none of whose records survived ingest is invisible to any pipeline: it has no answer to score.
            if (!evidence.AnyRecord)
            {
                return;
            }

            var expected = PolicyOracle.Evaluate(evidence, _o.AsOf);
            _leads += expected.Lead ? 1 : 0;
            _renewals += evidence.PendingRenewal ? 1 : 0;
            var label = f.Compliance.Label();
            _compliance[label] = _compliance.GetValueOrDefault(label) + 1;
            _firms.WriteRow([f.TrueId, label, Num(f.TrueEmployees), expected.Lead ? "true" : "false", expected.Decision, expected.Reason]);
        }

        private void WriteMoc(TrueFirm f, FirmEvidence evidence)
        {
            var layout = FeedLayout.Moc;
            for (var b = 0; b < f.RegistrationNos.Count; b++)
            {
                var registeredOn = f.MocRegisteredOn[b];
                var (expires, renewal) = Licence(f, registeredOn);
                var (km, en) = _nameRenderer.Render(f.Name, Register.Moc);
                if (b > 0)
                {
                    km = km is null ? null : km + " សាខា" + KhmerDigits.Of(b);
                    en = en is null ? null : en + (_noise.Next(2) == 0 ? $" - Branch {b}" : $" ({f.Address.Province.NameLatin} Branch)");
                }

                var tin = f.BorrowedTin is not null && b == 0 ? f.BorrowedTin : CrossRef(f.Tin, _tinPool, _tinCount);
                var row = new string?[layout.Columns.Count];
                row[0] = f.RegistrationNos[b];
                row[1] = _licences.NextLicenceNo(registeredOn);
                row[2] = km;
                row[3] = en;
                row[4] = f.Name.Form.EntityType;
                row[5] = tin;
                row[6] = Date(registeredOn);
                row[7] = Date(expires);
                row[8] = renewal is null ? null : Date(renewal.Value);
                row[9] = f.MocStatus;
                row[10] = b == 0 && f.MocDeclaredEmployees is { } d ? Num(d) : null;
                row[11] = Director(f);
                row[12] = _noise.Next(3) == 0 ? f.Name.Activity.NameEn : f.Name.Activity.Description;
                row[13] = f.Name.Activity.Isic;
                FillContact(row, 14, f);
                if (_emitter.Emit(_moc, row))
                {
                    Record(f, layout, row[0]!);
                    evidence.AddMoc(f.MocStatus, b == 0 ? f.MocDeclaredEmployees : null, renewal is not null);
                }
            }
        }

        /// <summary>
        /// Licences run 1 to 3 years from an anniversary of registration. Of the ACTIVE records expiring within the
        /// renewal window around as-of, a share has applied for renewal (in the 45 days before as-of).
        /// </summary>
        private (DateOnly Expires, DateOnly? Renewal) Licence(TrueFirm f, DateOnly registeredOn)
        {
            var asOf = _o.AsOf;
            var c = _o.Composition;
            var offset = _behaviour.Next(-c.RenewalWindowDays * 3, 3 * 365);
            var expires = asOf.AddDays(offset);
            expires = new DateOnly(expires.Year, registeredOn.Month, Math.Min(registeredOn.Day, DateTime.DaysInMonth(expires.Year, registeredOn.Month)));
            if (expires <= registeredOn)
            {
                expires = registeredOn.AddYears(1);
            }

            var inWindow = Math.Abs(expires.DayNumber - asOf.DayNumber) <= c.RenewalWindowDays;
            if (!inWindow || f.MocStatus != "ACTIVE" || f.IsClosed || _behaviour.NextDouble() >= c.RenewalPendingRate)
            {
                return (expires, null);
            }

            var applied = asOf.AddDays(-_behaviour.Next(0, 45));
            return (expires, applied < registeredOn ? registeredOn : applied);
        }

        private void WriteGdt(TrueFirm f, FirmEvidence evidence)
        {
            var layout = FeedLayout.Gdt;
            var (km, en) = _nameRenderer.Render(f.Name, Register.Gdt);
            var row = new string?[layout.Columns.Count];
            row[0] = f.Tin;
            row[1] = km;
            row[2] = en;
            row[3] = f.HasMoc ? CrossRef(f.RegistrationNos[0], _regPool, _regCount) : null;
            row[4] = f.FormerEmployees >= 100 ? "LARGE" : f.FormerEmployees >= 20 ? "MEDIUM" : "SMALL";
            row[5] = Date(f.Founded.AddDays(_behaviour.Next(10, 200)) is var r && r < _o.AsOf ? r : _o.AsOf.AddDays(-1));
            row[6] = f.GdtStatus;
            row[7] = f.GdtEmployees is { } e ? Num(e) : null;
            row[8] = f.GdtEmployeesPeriod is { } p ? Months.Format(p) : null;
            row[9] = f.Name.Activity.Description;
            row[10] = f.Name.Activity.Isic;
            FillContact(row, 11, f);
            if (_emitter.Emit(_gdt, row))
            {
                Record(f, layout, row[0]!);
                evidence.AddGdt(f.GdtStatus, f.GdtEmployees, f.GdtEmployeesPeriod, _asOfMonth);
            }
        }

        private void WriteNssf(TrueFirm f, FirmEvidence evidence)
        {
            var layout = FeedLayout.Nssf;
            var (km, en) = _nameRenderer.Render(f.Name, Register.Nssf);
            var row = new string?[layout.Columns.Count];
            row[0] = f.NssfId;
            row[1] = km;
            row[2] = en;
            row[3] = CrossRef(f.Tin, _tinPool, _tinCount);
            row[4] = f.HasMoc ? CrossRef(f.RegistrationNos[0], _regPool, _regCount) : null;
            row[5] = Date(f.NssfRegisteredOn!.Value);
            row[6] = f.NssfStatus;
            row[7] = Num(f.NssfInsured);
            row[8] = f.Name.Activity.Description;
            row[9] = f.Name.Activity.Isic;
            FillContact(row, 10, f);
            if (_emitter.Emit(_nssf, row))
            {
                Record(f, layout, row[0]!);
                evidence.AddNssf(f.NssfStatus, f.NssfInsured, f.NssfRegisteredOn.Value);
            }
        }

        /// <summary>
        /// Monthly declarations from the NSSF registration month (or the first delivered period) to the last
        /// delivered period or the month before closure. Employers in arrears leave 1 to 6 of the last 12 due
        /// months unpaid (no row, nothing paid or part paid); others occasionally pay late, which shows as an
        /// unpaid row corrected in the next month's file.
        /// </summary>
        private void WriteContributions(TrueFirm f, FirmEvidence evidence)
        {
            var cr = _o.Contributions;
            var first = Math.Max(_firstPeriod, Months.Of(f.NssfRegisteredOn!.Value));
            var last = f.ClosedOn is { } closed ? Math.Min(_lastPeriod, Months.Of(closed) - 1) : _lastPeriod;
            if (first > last)
            {
                return;
            }

            var unpaid = new HashSet<int>();
            if (f.Compliance == Compliance.Arrears)
            {
                var windowStart = Math.Max(_latestDue - 11, first);
                var windowEnd = Math.Min(_latestDue, last);
                var count = windowEnd - windowStart + 1;
                if (count > 0)
                {
                    var k = 1 + _behaviour.Next(Math.Min(6, count));
                    var consecutive = _behaviour.NextDouble() < 0.6;
                    for (var j = 0; unpaid.Count < k; j++)
                    {
                        unpaid.Add(consecutive ? windowEnd - j : windowStart + _behaviour.Next(count));
                    }
                }
            }

            var wage = Math.Clamp(f.AverageWageKhr, cr.MinContributableWageKhr, cr.MaxContributableWageKhr);
            var row = new string?[FeedLayout.Contributions.Columns.Count];
            for (var p = first; p <= last; p++)
            {
                var insured = p == last ? f.NssfInsured : Math.Max(1, f.NssfInsured + (int)Math.Round(f.NssfInsured * ((_behaviour.NextDouble() - 0.5) * 0.06)));
                var wages = insured * (f.AverageWageKhr + (_behaviour.Next(-20, 21) * 1000L));
                var due = (long)Math.Round(insured * wage * cr.ContributionRate);
                var file = _contributions[p - _firstPeriod];
                row[0] = f.NssfId;
                row[1] = Months.Format(p);
                row[2] = Num(insured);
                row[3] = wages.ToString(CultureInfo.InvariantCulture);
                row[4] = due.ToString(CultureInfo.InvariantCulture);
                if (unpaid.Contains(p))
                {
                    if (_behaviour.NextDouble() < cr.UnpaidMissingRowRate)
                    {
                        continue;
                    }

                    var paid = _behaviour.Next(2) == 0 ? 0 : (long)(due * (0.3 + (_behaviour.NextDouble() * 0.6)));
                    row[5] = paid.ToString(CultureInfo.InvariantCulture);
                    row[6] = paid == 0 ? null : Date(Months.Day(p + 1, 1 + _behaviour.Next(15)));
                    Contribution(file, row, p, due, paid, evidence);
                }
                else if (p < last && _behaviour.NextDouble() < cr.LatePaymentRate)
                {
                    row[5] = "0";
                    row[6] = null;
                    Contribution(file, row, p, due, 0, evidence);
                    row[5] = row[4];
                    row[6] = Date(Months.Day(p + 2, 1 + _behaviour.Next(cr.DeliveryDay - 1)));
                    Contribution(_contributions[p + 1 - _firstPeriod], row, p, due, due, evidence);
                }
                else
                {
                    row[5] = row[4];
                    row[6] = Date(Months.Day(p + 1, 1 + _behaviour.Next(15)));
                    Contribution(file, row, p, due, due, evidence);
                }
            }
        }

        private void Contribution(FeedFile file, string?[] row, int period, long due, long paid, FirmEvidence evidence)
        {
            if (_emitter.Emit(file, row))
            {
                evidence.SetContribution(period, due, paid);
            }
        }

        /// <summary>Past visits: NSSF employers and big unregistered employers, 1 or 2 visits in the delivered period.</summary>
        private void WriteInspections(TrueFirm f)
        {
            var big = f.FormerEmployees >= 20;
            if (!(f.HasNssf || (big && f.HasMoc)) || _behaviour.NextDouble() >= _o.Composition.InspectionRate)
            {
                return;
            }

            var visits = 1 + _behaviour.Next(2);
            var row = new string?[FeedLayout.Inspections.Columns.Count];
            var previous = DateOnly.MinValue;
            for (var v = 0; v < visits; v++)
            {
                // A second visit is a follow-up, weeks after the first (never the same day: that would be the same key).
                var on = v == 0 ? _o.AsOf.AddDays(-_behaviour.Next(120, 730)) : previous.AddDays(_behaviour.Next(14, 100));
                previous = on;
                if (on <= f.Founded || on >= _o.AsOf)
                {
                    continue;
                }

                var closedThen = f.ClosedOn is { } c && on >= c;
                var (outcome, notes) = closedThen ? (_behaviour.Next(2) == 0 ? "CLOSED" : "NOT_FOUND", "Premises closed; neighbours say the business stopped")
                    : f.Compliance switch
                    {
                        Compliance.Unregistered => ("NON_COMPLIANT", $"Employer not registered with NSSF; {f.TrueEmployees} workers on site"),
                        Compliance.UnderDeclared => ("NON_COMPLIANT", $"{f.TrueEmployees} workers found, {f.NssfInsured} declared"),
                        Compliance.Arrears => ("NON_COMPLIANT", "Contributions unpaid; payment plan requested"),
                        _ => ("COMPLIANT", _behaviour.Next(3) == 0 ? "ឯកសារត្រឹមត្រូវ" : "Documents in order"),
                    };
                row[0] = f.NssfId;
                row[1] = f.HasNssf ? null : f.RegistrationNos[0];
                row[2] = Date(on);
                row[3] = outcome;
                row[4] = _names.Surnames[_behaviour.Next(_names.Surnames.Count)].Latin + " " + _names.Given[_behaviour.Next(_names.Given.Count)].Latin;
                row[5] = notes;
                _emitter.Emit(_inspections, row);
            }
        }

        private string Director(TrueFirm f)
        {
            if (f.Name.CambodiaTag || f.Name.Form.EntityType is "FOREIGN_BRANCH" or "REPRESENTATIVE_OFFICE")
            {
                return ChineseDirectors[f.Index % ChineseDirectors.Length];
            }

            return _noise.Next(4) switch
            {
                0 => f.DirectorSurname.Km + " " + f.DirectorGiven.Km,
                1 => f.DirectorGiven.Latin + " " + f.DirectorSurname.Latin,
                2 => (f.DirectorSurname.Latin + " " + f.DirectorGiven.Latin).ToUpperInvariant(),
                _ => f.DirectorSurname.Latin + " " + f.DirectorGiven.Latin,
            };
        }

        private void FillContact(string?[] row, int at, TrueFirm f)
        {
            var a = _addressRenderer.Render(f.Address);
            row[at] = a.HouseNo;
            row[at + 1] = a.Street;
            row[at + 2] = a.Village;
            row[at + 3] = a.Commune;
            row[at + 4] = a.District;
            row[at + 5] = a.Province;
            row[at + 6] = a.Line;
            row[at + 7] = _phoneRenderer.Render(f.Phone, f.OtherPhone);
            row[at + 8] = _noise.NextDouble() < _o.Noise.EmailEmpty ? null : Email(f);
        }

        private string Email(TrueFirm f)
        {
            var handle = new StringBuilder();
            foreach (var c in (f.Name.Stems[0].Latin + f.Name.Activity.NameEn).ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    handle.Append(c);
                }
            }

            return _noise.Next(4) switch
            {
                0 => $"{handle}@gmail.com",
                1 => $"{handle}{f.Index % 100}@yahoo.com",
                2 => $"info@{handle}.com.kh",
                _ => $"{f.DirectorGiven.Latin.ToLowerInvariant()}.{handle}@gmail.com",
            };
        }

        /// <summary>A cross-reference as the other register recorded it: often empty, sometimes slipped, reformatted or another firm's.</summary>
        private string? CrossRef(string? value, string[] pool, int poolCount)
        {
            if (value is null)
            {
                return null;
            }

            var n = _o.Noise;
            var u = _noise.NextDouble();
            if (u < n.XrefEmpty)
            {
                return null;
            }

            var v = u < n.XrefEmpty + n.XrefDigitSlip ? Identifiers.DigitSlip(value, _noise)
                : u < n.XrefEmpty + n.XrefDigitSlip + n.XrefOtherFirm && poolCount > 0 ? pool[_noise.Next(Math.Min(poolCount, PoolSize))]
                : value;
            return _noise.NextDouble() < n.XrefFormat ? Identifiers.FormatVariant(v, _noise) : v;
        }

        private void Remember(TrueFirm f)
        {
            if (f.Tin is not null)
            {
                _tinPool[_tinCount++ % PoolSize] = f.Tin;
            }

            if (f.HasMoc)
            {
                _regPool[_regCount++ % PoolSize] = f.RegistrationNos[0];
            }
        }

        private void Record(TrueFirm f, FeedLayout layout, string key)
        {
            _records.WriteRow([f.TrueId, layout.Name, key]);
            _valid[layout.Name] = _valid.GetValueOrDefault(layout.Name) + 1;
        }

        public void FlushForBadFiles()
        {
            foreach (var file in _contributions.Append(_inspections))
            {
                file.Dispose();
            }
        }

        public GenerationSummary Summary(DateOnly asOf, int firms, IReadOnlyList<string> files)
        {
            var rows = new Dictionary<string, long>
            {
                [FeedLayout.Moc.Name] = _moc.Rows,
                [FeedLayout.Gdt.Name] = _gdt.Rows,
                [FeedLayout.Nssf.Name] = _nssf.Rows,
                [FeedLayout.Contributions.Name] = _contributions.Sum(c => c.Rows),
                [FeedLayout.Inspections.Name] = _inspections.Rows,
            };
            return new GenerationSummary(asOf, firms, rows, _valid, new Dictionary<BadRowKind, long>(_emitter.Counts), _compliance, _leads, _renewals, files);
        }

        public void Dispose()
        {
            foreach (var file in _contributions.Append(_inspections).Append(_moc).Append(_gdt).Append(_nssf))
            {
                file.Dispose();
            }

            _emitter.Dispose();
            _recordsOut.Dispose();
            _firmsOut.Dispose();
        }

        private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
