using Integration.Core.Dates;
using Integration.Generator.Reference;
using Integration.Generator.Rendering;

namespace Integration.Generator.Model;

/// <summary>
/// Draws true enterprises one at a time from the "facts" random stream. Nothing here depends on noise or bad-row
/// settings, so changing those never changes who the firms are.
/// </summary>
internal sealed class FirmFactory
{
    private static readonly int[] BandLow = [1, 5, 20, 100, 1000];
    private static readonly int[] BandHigh = [4, 19, 99, 999, 6000];
    private static readonly double[] BandCumulative = Weights.Cumulative([0.55, 0.28, 0.12, 0.042, 0.008]);
    private static readonly string[] MobilePrefixes6 = ["012", "011", "017", "077", "078", "089", "092", "095", "010", "015", "016", "069", "070", "081", "085", "086", "087", "093", "098", "061"];
    private static readonly string[] MobilePrefixes7 = ["097", "088", "096", "071", "060", "066", "067", "068", "090"];
    private const string PhnomPenhLandline = "023";

    private readonly GeneratorOptions _options;
    private readonly Random _rng;
    private readonly Places _places;
    private readonly PersonNames _names;
    private readonly Identifiers _ids = new();
    private readonly double[] _activityAll = Weights.Cumulative(Activities.All.Select(a => a.Weight));
    private readonly double[] _activityLarge = Weights.Cumulative(Activities.All.Select(a => a.LargeWeight));
    private readonly double[] _formAll = Weights.Cumulative(LegalForms.All.Select(f => f.Weight));
    private readonly double[] _formLarge = Weights.Cumulative(LegalForms.All.Select(f => f.LargeWeight));
    private readonly int _asOfMonth;
    private readonly ExtraFacts? _extra;
    private TrueFirm? _previous;

    /// <param name="extras">The random stream of the hard profile's facts; used only when one of their rates is set.</param>
    public FirmFactory(GeneratorOptions options, Random facts, Places places, PersonNames names, Random? extras = null)
    {
        _options = options;
        _rng = facts;
        _places = places;
        _names = names;
        _asOfMonth = Month.Of(options.AsOf).Index;
        _extra = extras is not null && ExtraFacts.AnyRate(options.Composition) ? new ExtraFacts(options, extras, places, _ids) : null;
    }

    public TrueFirm Next(int index)
    {
        var c = _options.Composition;
        var asOf = _options.AsOf;
        var sister = _previous is { HasGdt: true } && _rng.NextDouble() < c.SisterFirmRate ? _previous : null;

        // Age: exponential with a 6-year mean (the register grows fast), at least 60 days old, at most 33 years.
        var ageDays = Math.Clamp((int)(-Math.Log(1 - _rng.NextDouble()) * 365 * 6), 60, 33 * 365);
        var founded = asOf.AddDays(-ageDays);
        DateOnly? closedOn = null;
        if (ageDays > 400 && _rng.NextDouble() < c.ClosedRate)
        {
            // Closed within the last three years, after at least half a year of trading.
            closedOn = asOf.AddDays(-_rng.Next(30, Math.Min(3 * 365, ageDays - 180)));
        }

        var isEmployer = _rng.NextDouble() < c.EmployerShare;
        var band = isEmployer ? Weights.Pick(BandCumulative, _rng) : -1;
        var workers = band < 0 ? 0 : LogUniform(BandLow[band], BandHigh[band]);
        var large = band >= 3;
        var activity = Activities.All[Weights.Pick(large ? _activityLarge : _activityAll, _rng)];
        var form = LegalForms.All[Weights.Pick(large ? _formLarge : _formAll, _rng)];
        var name = sister is null ? NewName(activity, form, large) : SisterName(sister.Name, activity, form);
        var address = _places.Pick(_rng);
        var drawnProvince = address.Province.Code; // the facts stream's later draws depend on it, whatever the extras do
        if (_extra is not null)
        {
            (name, var common) = _extra.Name(name, large);
            address = _extra.Address(address, name, common, large);
            activity = name.Activity;
        }

        var hasMoc = _rng.NextDouble() < c.MocShare;
        var gdtGivenMoc = Math.Clamp((c.GdtShare - (1 - c.MocShare)) / Math.Max(c.MocShare, 1e-9), 0, 1);
        var hasGdt = !hasMoc || _rng.NextDouble() < (workers >= 20 ? Math.Max(gdtGivenMoc, 0.95) : gdtGivenMoc);

        // NSSF: registration is likelier the bigger the firm; never before NSSF opened to employers (2008).
        var nssfRegisteredOn = (DateOnly?)null;
        if (band >= 0 && _rng.NextDouble() < c.NssfRegistrationBySize[Math.Min(band, c.NssfRegistrationBySize.Length - 1)])
        {
            var on = founded.AddDays(30 + _rng.Next(700));
            on = on < new DateOnly(2008, 3, 1) ? new DateOnly(2008, 3, 1).AddDays(_rng.Next(3000)) : on;
            var limit = closedOn?.AddDays(-60) ?? asOf.AddDays(-45);
            nssfRegisteredOn = on <= limit ? on : null;
        }

        var closed = closedOn is not null;
        var compliance = Compliance.NoEmployees;
        if (!closed && workers > 0)
        {
            compliance = nssfRegisteredOn is null ? Compliance.Unregistered : Compliance.Compliant;
            if (nssfRegisteredOn is not null)
            {
                var u = _rng.NextDouble();
                compliance = u < c.UnderDeclaredRate && workers >= 2 ? Compliance.UnderDeclared
                    : u < c.UnderDeclaredRate + c.ArrearsRate ? Compliance.Arrears
                    : Compliance.Compliant;
            }
        }

        hasGdt |= compliance == Compliance.UnderDeclared;

        // Registry statuses. A closed firm is often still ACTIVE somewhere: nobody tells the registers.
        var stillRegistered = closed && _rng.NextDouble() < c.ClosedStillRegisteredRate;
        var mocStatus = !closed ? (_rng.NextDouble() < 0.015 ? "SUSPENDED" : "ACTIVE")
            : stillRegistered ? "ACTIVE" : (_rng.Next(2) == 0 ? "STRUCK_OFF" : "DISSOLVED");
        var gdtStatus = !closed ? (workers == 0 && _rng.NextDouble() < 0.08 ? "DORMANT" : "ACTIVE")
            : _rng.Next(10) switch { < 5 => "DEREGISTERED", < 8 => "DORMANT", _ => "ACTIVE" };
        var nssfStatus = nssfRegisteredOn is null ? "" : !closed ? "ACTIVE" : (_rng.NextDouble() < 0.6 ? "CLOSED" : "ACTIVE");
        if (closed)
        {
            var activeSomewhere = (hasMoc && mocStatus == "ACTIVE") || (hasGdt && gdtStatus == "ACTIVE") || nssfStatus == "ACTIVE";
            compliance = activeSomewhere ? Compliance.ClosedStillRegistered : Compliance.Closed;
        }

        var trueEmployees = closed ? 0 : workers;
        var insured = nssfRegisteredOn is null || nssfStatus == "CLOSED" ? 0
            : compliance == Compliance.UnderDeclared ? Math.Clamp((int)(workers * (0.4 + (_rng.NextDouble() * 0.45))), 1, workers - 1)
            : workers;

        // MoC keys: head office plus branches (bigger firms have more).
        var regNos = new List<string>();
        var regDates = new List<DateOnly>();
        if (hasMoc)
        {
            var registeredOn = founded.AddDays(_rng.Next(60));
            regNos.Add(_ids.NextRegistrationNo(registeredOn));
            regDates.Add(registeredOn);
            if (_rng.NextDouble() < c.BranchRate * (large ? 4 : 1))
            {
                var branches = 1 + _rng.Next(large ? 4 : 2);
                for (var b = 0; b < branches; b++)
                {
                    var opened = registeredOn.AddDays(200 + _rng.Next(3000));
                    var limit = (closedOn ?? asOf).AddDays(-30);
                    opened = opened < limit ? opened : limit < registeredOn ? registeredOn : limit;
                    regNos.Add(_ids.NextRegistrationNo(opened));
                    regDates.Add(opened);
                }
            }
        }

        int? declared = hasMoc && _rng.NextDouble() < c.MocDeclaredEmployeesRate
            ? (workers == 0 ? 0 : Math.Max(1, (int)Math.Round(workers * (0.8 + (_rng.NextDouble() * 0.4)))))
            : null;

        var (gdtEmployees, gdtPeriod) = hasGdt ? SalaryTaxReturn(workers, closedOn, compliance) : (null, null);
        var tin = hasGdt ? _ids.NextTin(form.TinLetter, address.Province.Code) : null;
        var nssfId = nssfRegisteredOn is null ? null : _ids.NextNssfId(address.Province.Code);
        var extras = _extra?.Extras(
            new BaseFacts(name, address, founded, closedOn, workers, insured, tin, form.TinLetter, hasMoc ? regDates[0] : null, nssfRegisteredOn, nssfStatus),
            name.CambodiaTag || form.EntityType is "FOREIGN_BRANCH" or "REPRESENTATIVE_OFFICE",
            hasGdt) ?? FirmExtras.None;
        var firm = new TrueFirm
        {
            Index = index,
            Name = name,
            DirectorGiven = _names.Given[_rng.Next(_names.Given.Count)],
            DirectorSurname = _names.Surnames[_rng.Next(_names.Surnames.Count)],
            Address = address,
            Phone = drawnProvince == "12" && _rng.Next(3) == 0 ? Landline() : Mobile(),
            OtherPhone = Mobile(),
            Founded = founded,
            ClosedOn = closedOn,
            TrueEmployees = trueEmployees,
            FormerEmployees = workers,
            Compliance = compliance,
            RegistrationNos = regNos,
            MocRegisteredOn = regDates,
            MocStatus = mocStatus,
            MocDeclaredEmployees = declared,
            BorrowedTin = sister?.Tin,
            Tin = tin,
            GdtStatus = gdtStatus,
            GdtEmployees = gdtEmployees,
            GdtEmployeesPeriod = gdtPeriod,
            NssfId = nssfId,
            NssfRegisteredOn = nssfRegisteredOn,
            NssfStatus = nssfStatus,
            NssfInsured = insured,
            AverageWageKhr = activity.IsManufacturing && large ? 820_000 + (_rng.Next(40) * 10_000) : 600_000 + (_rng.Next(200) * 10_000),
            Extras = extras,
        };
        _previous = firm;
        return firm;
    }

    /// <summary>
    /// The latest monthly salary-tax return. Periods are kept clear of the edges of the 12-month evidence window
    /// (1 to 11 months before as-of, or 14 and more) so that "within the 12 months before D" cannot be read two ways.
    /// </summary>
    private (int? Employees, int? Period) SalaryTaxReturn(int workers, DateOnly? closedOn, Compliance compliance)
    {
        if (closedOn is { } closed)
        {
            var last = Math.Min(Month.Of(closed).Index - 1, _asOfMonth - 1);
            return (workers, last > _asOfMonth - 14 ? _asOfMonth - 14 : last);
        }

        if (workers == 0)
        {
            return _rng.Next(2) == 0 ? (0, _asOfMonth - 1 - _rng.Next(3)) : (null, null);
        }

        var current = compliance == Compliance.UnderDeclared || _rng.NextDouble() < _options.Composition.GdtCurrentReturnRate;
        return current ? (workers, _asOfMonth - 1 - _rng.Next(3)) : (workers, _asOfMonth - 14 - _rng.Next(18));
    }

    private int LogUniform(int low, int high) => (int)Math.Round(Math.Exp(Math.Log(low) + (_rng.NextDouble() * (Math.Log(high) - Math.Log(low)))));

    private FirmName NewName(Activity activity, LegalForm form, bool large)
    {
        var kind = _rng.Next(100);
        if ((large && activity.IsManufacturing && kind < 70) || form.EntityType is "FOREIGN_BRANCH" or "REPRESENTATIVE_OFFICE")
        {
            return new FirmName([NameStems.Foreign[_rng.Next(NameStems.Foreign.Count)]], activity, form, false, form.EntityType is not ("FOREIGN_BRANCH" or "REPRESENTATIVE_OFFICE"));
        }

        if (kind < 45)
        {
            return new FirmName([NameStems.Khmer[_rng.Next(NameStems.Khmer.Count)]], activity, form, false, false);
        }

        if (kind < 65)
        {
            var a = _names.Surnames[_rng.Next(_names.Surnames.Count)];
            var b = _names.Surnames[_rng.Next(_names.Surnames.Count)];
            return new FirmName(a == b ? [a] : [a, b], activity, form, a != b && _rng.Next(2) == 0, false);
        }

        // Named after the founder: given name then family name, as owners write it on the shop sign.
        return new FirmName([_names.Given[_rng.Next(_names.Given.Count)], _names.Surnames[_rng.Next(_names.Surnames.Count)]], activity, form, false, false);
    }

    private static FirmName SisterName(FirmName sister, Activity activity, LegalForm form) =>
        new(sister.Stems, activity == sister.Activity ? Activities.All[0] : activity, form, sister.Ampersand, sister.CambodiaTag);

    private string Mobile()
    {
        var seven = _rng.Next(3) == 0;
        var prefix = seven ? MobilePrefixes7[_rng.Next(MobilePrefixes7.Length)] : MobilePrefixes6[_rng.Next(MobilePrefixes6.Length)];
        return prefix + Digits(seven ? 7 : 6);
    }

    private string Landline() => PhnomPenhLandline + Digits(6);

    private string Digits(int n)
    {
        Span<char> buffer = stackalloc char[n];
        buffer[0] = (char)('1' + _rng.Next(9));
        for (var i = 1; i < n; i++)
        {
            buffer[i] = (char)('0' + _rng.Next(10));
        }

        return new string(buffer);
    }
}
