// Over 300 lines: the per-firm writing logic over the run's open files; each register's rows are written from the same firm and random stream.
using System.Globalization;
using System.Text;
using Integration.Core.Csv;
using Integration.Core.Dates;
using Integration.Core.Truth;
using Integration.Generator.Model;
using Integration.Generator.Output;
using Integration.Generator.Reference;
using Integration.Generator.Rendering;
using Integration.Generator.Truth;

namespace Integration.Generator;

/// <summary>
/// The open files of one run and the per-firm writing logic: each true firm becomes its register rows (spelled
/// by the renderers, possibly corrupted by the emitter), its contributions and inspections, its ground-truth
/// records, and its expected answer computed from the rows that will actually load.
/// </summary>
internal sealed class FirmWriter : IDisposable
{
    private const int PoolSize = 4096;
    private static readonly string[] ChineseDirectors = ["Zhang Wei", "Li Na", "Chen Jie", "Wang Fang", "Liu Yang", "Huang Min", "Lin Hao", "Wu Lei"];

    private readonly GeneratorOptions _o;
    private readonly Random _behaviour;
    private readonly Random _noise;
    private readonly NameRenderer _nameRenderer;
    private readonly AddressRenderer _addressRenderer;
    private readonly PhoneRenderer _phoneRenderer;
    private readonly RowEmitter _emitter;
    private readonly FeedFile _moc;
    private readonly FeedFile _gdt;
    private readonly FeedFile _nssf;
    private readonly NssfActivityWriter _activity;
    private readonly int _asOfMonth;
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

    public FirmWriter(GeneratorOptions o, string outDir, string asOfText, Random noise, Random behaviour, Random corrupt, PersonNames names, string badRowsPath)
    {
        _o = o;
        _noise = noise;
        _behaviour = behaviour;
        _nameRenderer = new NameRenderer(o.Noise, noise);
        _addressRenderer = new AddressRenderer(o.Noise, noise);
        _phoneRenderer = new PhoneRenderer(o.Noise, noise);
        _emitter = new RowEmitter(o.BadRows, corrupt, badRowsPath);
        _moc = new FeedFile(outDir, FeedLayout.Moc, $"{FeedLayout.Moc.Name}_{asOfText}", o.Format, o.Gzip);
        _gdt = new FeedFile(outDir, FeedLayout.Gdt, $"{FeedLayout.Gdt.Name}_{asOfText}", o.Format, o.Gzip);
        _nssf = new FeedFile(outDir, FeedLayout.Nssf, $"{FeedLayout.Nssf.Name}_{asOfText}", o.Format, o.Gzip);
        _activity = new NssfActivityWriter(o, outDir, asOfText, behaviour, names, _emitter);
        _asOfMonth = Month.Of(o.AsOf).Index;
        var truthDir = Path.GetDirectoryName(badRowsPath)!;
        (_recordsOut, _records) = OpenCsv(Path.Combine(truthDir, "records.csv"), GroundTruth.RecordColumns);
        (_firmsOut, _firms) = OpenCsv(Path.Combine(truthDir, "firms.csv"), GroundTruth.FirmColumns);
    }

    public IReadOnlyList<string> ContributionFiles => _activity.ContributionFiles;

    public string InspectionsFile => _activity.InspectionsFile;

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
            WriteNssf(f, new Registration(f.NssfId!, f.NssfStatus, f.NssfRegisteredOn!.Value, null, f.NssfInsured, null, Stale: false), evidence);
            _activity.WriteContributions(f, evidence);
        }

        foreach (var other in f.Extras.Nssf)
        {
            WriteNssf(f, other, evidence);
            _activity.WriteContributions(f, other, evidence);
        }

        _activity.WriteInspections(f);
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
            var record = Record(f, current: renewal is not null);
            var (km, en) = _nameRenderer.Render(record.Name, Register.Moc);
            if (b > 0)
            {
                km = km is null ? null : km + " សាខា" + KhmerDigits.Of(b);
                en = en is null ? null : en + (_noise.Next(2) == 0 ? $" - Branch {b}" : $" ({f.Address.Province.NameLatin} Branch)");
            }

            var tin = f.BorrowedTin is not null && b == 0 ? f.BorrowedTin : CrossRef(TinOf(f), _tinPool, _tinCount);
            var row = new string?[layout.Columns.Count];
            row[0] = f.RegistrationNos[b];
            row[1] = _licences.NextLicenceNo(registeredOn);
            row[2] = km;
            row[3] = en;
            row[4] = record.Name.Form.EntityType;
            row[5] = tin;
            row[6] = Date(registeredOn);
            row[7] = Date(expires);
            row[8] = renewal is null ? null : Date(renewal.Value);
            row[9] = f.MocStatus;
            row[10] = b == 0 && f.MocDeclaredEmployees is { } d ? Num(d) : null;
            row[11] = Director(f);
            row[12] = _noise.Next(3) == 0 ? f.Name.Activity.NameEn : f.Name.Activity.Description;
            row[13] = f.Name.Activity.Isic;
            FillContact(row, 14, f, record);
            if (_emitter.Emit(_moc, row))
            {
                Record(f, layout, row[0]!);
                evidence.AddMoc(f.MocStatus, b == 0 ? f.MocDeclaredEmployees : null, renewal is not null);
            }
        }

        foreach (var extra in f.Extras.Moc)
        {
            WriteExtraMoc(f, extra, evidence);
        }
    }

    /// <summary>An earlier MoC registration of the firm (hard profile): its licence long expired, no renewal pending.</summary>
    private void WriteExtraMoc(TrueFirm f, Registration extra, FirmEvidence evidence)
    {
        var layout = FeedLayout.Moc;
        var record = Record(f, current: false, extra.Stale);
        var (km, en) = _nameRenderer.Render(record.Name, Register.Moc);
        var expires = extra.RegisteredOn.AddYears(1 + _behaviour.Next(3));
        var row = new string?[layout.Columns.Count];
        row[0] = extra.Key;
        row[1] = _licences.NextLicenceNo(extra.RegisteredOn);
        row[2] = km;
        row[3] = en;
        row[4] = record.Name.Form.EntityType;
        row[5] = CrossRef(TinOf(f), _tinPool, _tinCount);
        row[6] = Date(extra.RegisteredOn);
        row[7] = Date(expires < _o.AsOf ? expires : _o.AsOf.AddDays(-30));
        row[9] = extra.Status;
        row[11] = Director(f);
        row[12] = f.Name.Activity.Description;
        row[13] = f.Name.Activity.Isic;
        FillContact(row, 14, f, record);
        if (_emitter.Emit(_moc, row))
        {
            Record(f, layout, row[0]!);
            evidence.AddMoc(extra.Status, null, renewalPending: false);
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
        var registered = f.Founded.AddDays(_behaviour.Next(10, 200)) is var r && r < _o.AsOf ? r : _o.AsOf.AddDays(-1);
        var taxpayerClass = f.FormerEmployees >= 100 ? "LARGE" : f.FormerEmployees >= 20 ? "MEDIUM" : "SMALL";
        WriteGdtRow(f, new Registration(f.Tin!, f.GdtStatus, registered, null, f.GdtEmployees, f.GdtEmployeesPeriod, Stale: false), taxpayerClass, evidence);
        foreach (var older in f.Extras.Gdt)
        {
            // An older TIN of the firm (hard profile), with the salary-tax return it last filed, if any.
            WriteGdtRow(f, older, "SMALL", evidence);
        }
    }

    private void WriteGdtRow(TrueFirm f, Registration tin, string taxpayerClass, FirmEvidence evidence)
    {
        var layout = FeedLayout.Gdt;
        var record = Record(f, current: false, tin.Stale);
        var (km, en) = _nameRenderer.Render(record.Name, Register.Gdt, Owner(f));
        var row = new string?[layout.Columns.Count];
        row[0] = tin.Key;
        row[1] = km;
        row[2] = en;
        row[3] = f.HasMoc ? CrossRef(MocNoOf(f), _regPool, _regCount) : null;
        row[4] = taxpayerClass;
        row[5] = Date(tin.RegisteredOn);
        row[6] = tin.Status;
        row[7] = tin.Employees is { } e ? Num(e) : null;
        row[8] = tin.EmployeesPeriod is { } p ? Month.FromIndex(p).ToString() : null;
        row[9] = f.Name.Activity.Description;
        row[10] = f.Name.Activity.Isic;
        FillContact(row, 11, f, record, Register.Gdt);
        if (_emitter.Emit(_gdt, row))
        {
            Record(f, layout, row[0]!);
            evidence.AddGdt(tin.Status, tin.Employees, tin.EmployeesPeriod, _asOfMonth);
        }
    }

    /// <summary>An NSSF registration of the firm: its own (<see cref="TrueFirm.NssfId"/>) or another (hard profile: a closed or suspended one).</summary>
    private void WriteNssf(TrueFirm f, Registration nssf, FirmEvidence evidence)
    {
        var layout = FeedLayout.Nssf;
        var record = Record(f, current: false, nssf.Stale);
        var (km, en) = _nameRenderer.Render(record.Name, Register.Nssf, Owner(f));
        var row = new string?[layout.Columns.Count];
        row[0] = nssf.Key;
        row[1] = km;
        row[2] = en;
        row[3] = CrossRef(TinOf(f), _tinPool, _tinCount);
        row[4] = f.HasMoc ? CrossRef(MocNoOf(f), _regPool, _regCount) : null;
        row[5] = Date(nssf.RegisteredOn);
        row[6] = nssf.Status;
        row[7] = Num(nssf.Employees ?? 0);
        row[8] = f.Name.Activity.Description;
        row[9] = f.Name.Activity.Isic;
        FillContact(row, 10, f, record, Register.Nssf);
        if (_emitter.Emit(_nssf, row))
        {
            Record(f, layout, row[0]!);
            evidence.AddNssf(nssf.Key, nssf.Status, nssf.Employees ?? 0, nssf.RegisteredOn);
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

    private void FillContact(string?[] row, int at, TrueFirm f, RecordState record, Register register = Register.Moc)
    {
        var a = _addressRenderer.Render(record.Address, record.District);
        row[at] = a.HouseNo;
        row[at + 1] = a.Street;
        row[at + 2] = a.Village;
        row[at + 3] = a.Commune;
        row[at + 4] = a.District;
        row[at + 5] = a.Province;
        row[at + 6] = a.Line;
        row[at + 7] = _phoneRenderer.Render(f.Phone, f.OtherPhone, f.Extras.ForeignPhone);
        row[at + 8] = _noise.NextDouble() < _o.Noise.EmailEmpty ? null : Email(f);
        if (f.Extras.HeadOffice is { } office && Chance(_o.Noise.ForeignAddress))
        {
            // A branch's or representative office's record giving the head office abroad.
            Array.Fill(row, null, at, 7);
            row[at + 5] = _noise.Next(3) switch { 0 => office.City, 1 => office.Country, _ => null };
            row[at + 6] = $"{office.Line}, {office.City}, {office.Country}";
        }

        if (register == Register.Gdt && f.Extras.Agent is { } agent)
        {
            // Filed by a tax agent: the agent's office number and e-mail stand for the firm's.
            row[at + 7] = _noise.Next(3) == 0 && row[at + 7] is { } own ? agent.Phone + " / " + own : _phoneRenderer.Format(agent.Phone);
            row[at + 8] = _noise.Next(5) == 0 ? row[at + 8] : agent.Email;
        }

        if (record.Sparse)
        {
            // Name and little else: a register that kept only what its form required.
            var province = _noise.Next(2) == 0 ? row[at + 5] : null;
            Array.Fill(row, null, at, 9);
            row[at + 5] = province;
        }
    }

    /// <summary>How one record of a firm is written: current or stale (previous name, address, district), sparse or not.</summary>
    private readonly record struct RecordState(FirmName Name, FirmAddress Address, Core.Reference.GazetteerUnit? District, bool Sparse);

    /// <param name="current">The record was just updated (a MoC record with a renewal pending): it shows the firm as it is.</param>
    /// <param name="stale">Force the previous state where the firm has one (a duplicate registration made before the change).</param>
    private RecordState Record(TrueFirm f, bool current, bool stale = false)
    {
        var x = f.Extras;
        var old = !current && x.HasPreviousState && (stale || Chance(_o.Noise.StaleRecord));
        var sparse = Chance(_o.Noise.Sparse);
        return old
            ? new RecordState(x.PreviousName ?? f.Name, x.PreviousAddress ?? f.Address, x.PreviousAddress is null ? x.PreviousDistrict : null, sparse)
            : new RecordState(f.Name, f.Address, null, sparse);
    }

    private bool Chance(double p) => p > 0 && _noise.NextDouble() < p;

    /// <summary>The owner's name, which GDT and NSSF may register a sole proprietorship under.</summary>
    private static (Reference.KhmerWord, Reference.KhmerWord)? Owner(TrueFirm f) => (f.DirectorSurname, f.DirectorGiven);

    /// <summary>The TIN another register cites: now and then the firm's older one, where it has one.</summary>
    private string? TinOf(TrueFirm f) => f.Extras.Gdt.Count > 0 && _noise.Next(10) < 3 ? f.Extras.Gdt[0].Key : f.Tin;

    /// <summary>The MoC number another register cites: now and then the firm's earlier registration, where it has one.</summary>
    private string MocNoOf(TrueFirm f) => f.Extras.Moc.Count > 0 && _noise.Next(10) < 3 ? f.Extras.Moc[0].Key : f.RegistrationNos[0];

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
        _activity.Dispose();
    }

    public GenerationSummary Summary(DateOnly asOf, int firms, IReadOnlyList<string> files)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [FeedLayout.Moc.Name] = _moc.Rows,
            [FeedLayout.Gdt.Name] = _gdt.Rows,
            [FeedLayout.Nssf.Name] = _nssf.Rows,
            [FeedLayout.Contributions.Name] = _activity.ContributionRows,
            [FeedLayout.Inspections.Name] = _activity.InspectionRows,
        };
        return new GenerationSummary(asOf, firms, rows, _valid, new Dictionary<BadRowKind, long>(_emitter.Counts), _compliance, _leads, _renewals, files);
    }

    public void Dispose()
    {
        _activity.Dispose();
        foreach (var file in new[] { _moc, _gdt, _nssf })
        {
            file.Dispose();
        }

        _emitter.Dispose();
        _recordsOut.Dispose();
        _firmsOut.Dispose();
    }

    private static string Date(DateOnly d) => IsoDate.Format(d);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
