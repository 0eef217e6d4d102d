namespace Integration.Generator;

/// <summary>Output file format of the feeds.</summary>
public enum FeedFormat
{
    Csv,
    Jsonl,
}

/// <summary>
/// Everything the generator needs to know. The defaults produce a registry that looks like Cambodia's at
/// national scale (500,000 true enterprises: about 500k MoC records, 300k GDT taxpayers, 40k NSSF employers);
/// every proportion scales linearly with <see cref="Scale"/>. The figures and their sources are explained in
/// docs/generator.md.
/// </summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of true enterprises (1,000 to 500,000 is the intended range; any positive number works).</summary>
    public int Scale { get; init; } = 1_000;

    /// <summary>Seed of every random stream: same seed, same as-of and same options give the same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Extract date of the snapshots and the check date of the ground truth.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 10, 1);

    /// <summary>Months of NSSF contributions delivered (one append file per month).</summary>
    public int Months { get; init; } = 24;

    public FeedFormat Format { get; init; } = FeedFormat.Csv;

    public bool Gzip { get; init; }

    /// <summary>Also write a handful of whole bad files (for demos of ingest's file rejection).</summary>
    public bool BadFiles { get; init; }

    public CompositionRates Composition { get; init; } = new();

    public NoiseRates Noise { get; init; } = new();

    public BadRowRates BadRows { get; init; } = new();

    public ContributionRates Contributions { get; init; } = new();
}

/// <summary>Who the enterprises are and how they behave: the true state the registries only partly show.</summary>
public sealed record CompositionRates
{
    /// <summary>Share of firms with a MoC registration; the rest are GDT-only (informal firms that only pay tax).</summary>
    public double MocShare { get; init; } = 0.93;

    /// <summary>Share of all firms with a GDT taxpayer record (GDT-only firms included). 0.60 gives 300k at national scale.</summary>
    public double GdtShare { get; init; } = 0.60;

    /// <summary>Share of MoC firms that also registered branches (each branch is one more MoC record of the same enterprise, carrying the parent's TIN).</summary>
    public double BranchRate { get; init; } = 0.03;

    /// <summary>Share of firms that actually employ anyone besides the owner.</summary>
    public double EmployerShare { get; init; } = 0.30;

    /// <summary>Probability that an employer registered with NSSF, by size band 1-4, 5-19, 20-99, 100-999, 1000+ (bigger firms are more visible; about 8% of all firms end up on the NSSF register, ~40k at national scale).</summary>
    public double[] NssfRegistrationBySize { get; init; } = [0.14, 0.42, 0.75, 0.93, 0.97];

    /// <summary>Share of NSSF-registered employers whose NSSF headcount is below the real one (ILO 2015: 14% of inspected firms under-reported employees). These always file GDT salary-tax returns, which show the true headcount.</summary>
    public double UnderDeclaredRate { get; init; } = 0.14;

    /// <summary>Share of NSSF-registered employers with unpaid months in the last 12 due months.</summary>
    public double ArrearsRate { get; init; } = 0.10;

    /// <summary>Share of firms that have ceased trading (true employees 0).</summary>
    public double ClosedRate { get; init; } = 0.06;

    /// <summary>Share of closed firms whose MoC record is still ACTIVE (nobody told the registry).</summary>
    public double ClosedStillRegisteredRate { get; init; } = 0.60;

    /// <summary>Share of MoC records with a licence expiring within <see cref="RenewalWindowDays"/> of the as-of date that have a renewal application pending.</summary>
    public double RenewalPendingRate { get; init; } = 0.50;

    public int RenewalWindowDays { get; init; } = 60;

    /// <summary>Share of GDT employers whose latest salary-tax return is recent (1 to 3 months before as-of); the others' return is over 14 months old.</summary>
    public double GdtCurrentReturnRate { get; init; } = 0.75;

    /// <summary>Share of MoC records carrying an annual headcount declaration.</summary>
    public double MocDeclaredEmployeesRate { get; init; } = 0.45;

    /// <summary>Share of firms created as a "sister" of the previous firm: similar name, own records, but its MoC record carries the sister's TIN (a wrong cross-reference a matcher must not follow blindly).</summary>
    public double SisterFirmRate { get; init; } = 0.01;

    /// <summary>Share of NSSF employers (and of unregistered employers with 20+ workers) visited by an inspector in the period.</summary>
    public double InspectionRate { get; init; } = 0.15;

    // What follows is off in the default profile (0) and set by the hard profile (GeneratorProfiles.Hard). These
    // facts are drawn from a random stream of their own, so they never change the firms the default draws make.

    /// <summary>Share of NSSF employers with a second registration of the same firm: a CLOSED or SUSPENDED earlier one (re-registration after a change of owner, form or address).</summary>
    public double NssfDuplicateRate { get; init; }

    /// <summary>Share of unregistered employers (5+ workers) with an NSSF registration CLOSED years ago although they kept their workers.</summary>
    public double LapsedNssfRate { get; init; }

    /// <summary>Share of GDT taxpayers holding a second, older TIN (sole proprietorship re-registered as a company, a TIN issued twice).</summary>
    public double GdtDuplicateRate { get; init; }

    /// <summary>Share of MoC head offices with an older registration of the same business still on the register (pre-2020 number, struck off or left ACTIVE).</summary>
    public double MocReRegistrationRate { get; init; }

    /// <summary>Share of firms whose brand name is made of words a Khmer register translates rather than transliterates (Golden Star / ផ្កាយមាស / Phkay Meas).</summary>
    public double TranslatedNameRate { get; init; }

    /// <summary>Share of firms with an English corporate name (Pacific, Mercury, Asia Pacific Development...), transliterated in Khmer.</summary>
    public double EnglishNameRate { get; init; }

    /// <summary>Share of firms in lines of business beyond the 30 of the default profile (development, investment, clinic, food, logistics...).</summary>
    public double ExtendedActivityRate { get; init; }

    /// <summary>Share of firms with one of a few very common shop names, placed in one of a few busy districts (many different Heng Mini Marts in one khan).</summary>
    public double CommonNameRate { get; init; }

    /// <summary>Share of Phnom Penh firms renting in one of a few office towers (same house number and street, another unit).</summary>
    public double SharedBuildingRate { get; init; }

    /// <summary>Premises that are not a plain house: a numbered building, a borey (gated housing estate), a unit or flat, a market stall; lots in economic zones for factories.</summary>
    public double BuildingPremisesRate { get; init; }

    public double BoreyPremisesRate { get; init; }

    public double UnitPremisesRate { get; init; }

    /// <summary>Share of retail firms in a market stall.</summary>
    public double StallPremisesRate { get; init; }

    /// <summary>Share of factories (manufacturing, 100+ workers) on a lot of a special economic zone.</summary>
    public double ZoneLotRate { get; init; }

    /// <summary>Share of firms that moved: registers not told show the previous address.</summary>
    public double MovedRate { get; init; }

    /// <summary>Share of firms renamed: registers not told show the previous name.</summary>
    public double RenamedRate { get; init; }

    /// <summary>Share of companies that were sole proprietorships before: registers not told show the old form.</summary>
    public double FormChangeRate { get; init; }

    /// <summary>Share of firms whose commune changed district (boundary change): registers not told show the old district.</summary>
    public double StaleDistrictRate { get; init; }

    /// <summary>Share of foreign-owned firms (foreign names, branches, representative offices) that give a foreign phone number.</summary>
    public double ForeignOwnerPhoneRate { get; init; }

    /// <summary>Share of other firms with a foreign phone number (an owner abroad, a regional office).</summary>
    public double ForeignPhoneRate { get; init; }

    /// <summary>Share of GDT records filed by a tax agent whose phone and e-mail stand for the firm's (one agent serves many firms).</summary>
    public double TaxAgentRate { get; init; }
}

/// <summary>
/// How each registry spells what it holds. Every rate is the probability per record (per field where it says so)
/// and can be set with <c>--noise name=rate</c>; the names are those of <see cref="Names"/>.
/// </summary>
public sealed record NoiseRates
{
    /// <summary>Legal-form suffix differs from the registry's house style (Co., Ltd. / CO.,LTD / Company Limited...).</summary>
    public double Suffix { get; init; } = 0.35;

    /// <summary>A word of the name is spelled in another romanisation (Sokha/Sokhar, Kampong/Kompong).</summary>
    public double Translit { get; init; } = 0.20;

    /// <summary>Words of the name in another order (Garment Sokha / Sokha Garment).</summary>
    public double WordOrder { get; init; } = 0.05;

    /// <summary>"&amp;" written as "and" or the reverse, when the name has one.</summary>
    public double Ampersand { get; init; } = 0.50;

    /// <summary>Two words run together (SokhaGarment) or the spaces of the suffix dropped.</summary>
    public double MissingSpace { get; init; } = 0.04;

    /// <summary>One keyboard typo (letter dropped, doubled, swapped or replaced) in the Latin name.</summary>
    public double Typo { get; init; } = 0.03;

    /// <summary>Latin name in capitals (common in MoC and GDT extracts).</summary>
    public double Uppercase { get; init; } = 0.30;

    /// <summary>Only the Khmer name is recorded.</summary>
    public double KhmerOnly { get; init; } = 0.08;

    /// <summary>Only the Latin name is recorded.</summary>
    public double LatinOnly { get; init; } = 0.10;

    /// <summary>Cross-reference column left empty (MoC.tin, GDT.moc_registration_no, NSSF.tin, NSSF.moc_registration_no).</summary>
    public double XrefEmpty { get; init; } = 0.40;

    /// <summary>Cross-reference with a digit slip (one digit changed or two swapped).</summary>
    public double XrefDigitSlip { get; init; } = 0.03;

    /// <summary>Cross-reference holding another firm's number.</summary>
    public double XrefOtherFirm { get; init; } = 0.01;

    /// <summary>Cross-reference written in another format (K001901234567, 901234567, leading zeros dropped...).</summary>
    public double XrefFormat { get; init; } = 0.30;

    /// <summary>Place name in another romanisation or abbreviation (Phnum Penh/PP, Saensokh, Kompong...), per place field.</summary>
    public double PlaceVariant { get; init; } = 0.30;

    /// <summary>Address written in Khmer script.</summary>
    public double PlaceKhmer { get; init; } = 0.15;

    /// <summary>Unit word (Khan/Sangkat/Srok/Khum/Phum) prefixed to a place name, per place field.</summary>
    public double PlaceUnitPrefix { get; init; } = 0.35;

    /// <summary>Only the free-text address line is filled (no parts).</summary>
    public double AddressLineOnly { get; init; } = 0.30;

    /// <summary>Only the address parts are filled (no free-text line). The rest have both.</summary>
    public double AddressPartsOnly { get; init; } = 0.40;

    /// <summary>Phone cell empty.</summary>
    public double PhoneEmpty { get; init; } = 0.15;

    /// <summary>Two numbers in one phone cell.</summary>
    public double PhoneTwo { get; init; } = 0.10;

    /// <summary>The registry holds the firm's other number (owner's mobile rather than the office line).</summary>
    public double PhoneOther { get; init; } = 0.20;

    /// <summary>Email cell empty.</summary>
    public double EmailEmpty { get; init; } = 0.55;

    // What follows is off in the default profile (0) and set by the hard profile (GeneratorProfiles.Hard).

    /// <summary>Words of the name abbreviated (Dev., Const., Imp-Exp, Int'l, Mfg., Centre/Center...).</summary>
    public double Abbreviation { get; init; }

    /// <summary>A name of several words written as its initials (SKH Trading, S.K.H. Trading).</summary>
    public double Acronym { get; init; }

    /// <summary>A one-word name written in spaced-out capitals (M E R C U R Y).</summary>
    public double SpacedLetters { get; init; }

    /// <summary>All words of the name run together (GoldenStarTrading).</summary>
    public double JoinedWords { get; init; }

    /// <summary>The line-of-business word left out of the name (Sokha Co., Ltd. for Sokha Construction Co., Ltd.).</summary>
    public double ActivityDropped { get; init; }

    /// <summary>For a translated brand name: the Latin name is the romanised Khmer (Phkay Meas) rather than the English (Golden Star).</summary>
    public double RomanisedTranslation { get; init; }

    /// <summary>A sole proprietorship recorded by GDT or NSSF under the owner's personal name (sometimes with the shop's in brackets).</summary>
    public double OwnerName { get; init; }

    /// <summary>Quotes, a leading "The", a trailing dot, doubled spaces or hyphens in the Latin name.</summary>
    public double NamePunctuation { get; init; }

    /// <summary>Khmer name typed into name_en (and the Latin name into name_km).</summary>
    public double ScriptSwap { get; init; }

    /// <summary>Khmer name with the brand in Latin letters (ក្រុមហ៊ុន Golden Star ឯ.ក).</summary>
    public double MixedScript { get; init; }

    /// <summary>One Khmer character dropped, doubled or swapped.</summary>
    public double KhmerTypo { get; init; }

    /// <summary>Zero-width spaces between Khmer words (as Khmer keyboards type them).</summary>
    public double KhmerZeroWidth { get; init; }

    /// <summary>A composite Khmer vowel typed as its two parts (េ + ា for ោ), which looks the same and is not canonically equal.</summary>
    public double KhmerVowelParts { get; init; }

    /// <summary>House number written with a label other than the plain number (House, No., Bldg, Lot, Unit, ផ្ទះលេខ...).</summary>
    public double PremisesForm { get; init; }

    /// <summary>House number written in the street column ("No. 12, St. 271") or only in the line.</summary>
    public double HouseInStreet { get; init; }

    /// <summary>In a Khmer line, ផ្ទះលេខ after the street or at the end rather than first.</summary>
    public double KhmerHouseAnywhere { get; init; }

    /// <summary>Per place part (village, commune, district): left blank.</summary>
    public double PartBlank { get; init; }

    /// <summary>Address parts one column off, or commune and district together in one column.</summary>
    public double PartShifted { get; init; }

    /// <summary>Spaces lost between address words (dangkorphnom penh, SangkatBoeungKengKang).</summary>
    public double JoinedAddress { get; init; }

    /// <summary>Country or postal code added to the line (..., Cambodia; Kingdom of Cambodia; Phnom Penh 120101).</summary>
    public double CountrySuffix { get; init; }

    /// <summary>One letter slip in a place name.</summary>
    public double PlaceTypo { get; init; }

    /// <summary>Foreign-owned firms: the record holds the head office's foreign address instead of the Cambodian one.</summary>
    public double ForeignAddress { get; init; }

    /// <summary>Record with the name and little else (province at most): no premises, phone or e-mail (cross-references as usual).</summary>
    public double Sparse { get; init; }

    /// <summary>Cambodian numbers in other layouts: Tel: 012..., +855 (0)12..., 012.345.678, 12 345 678, Khmer digits.</summary>
    public double PhoneFormat { get; init; }

    /// <summary>For a moved, renamed or re-formed firm: probability that a register shows the old state.</summary>
    public double StaleRecord { get; init; }

    /// <summary>The names accepted by <see cref="With"/> (and <c>--noise</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "suffix", "translit", "word-order", "ampersand", "missing-space", "typo", "uppercase", "khmer-only", "latin-only",
        "xref-empty", "xref-digit-slip", "xref-other-firm", "xref-format", "place-variant", "place-khmer", "place-unit-prefix",
        "address-line-only", "address-parts-only", "phone-empty", "phone-two", "phone-other", "email-empty",
        "abbreviation", "acronym", "spaced-letters", "joined-words", "activity-dropped", "romanised-translation", "owner-name",
        "name-punctuation", "script-swap", "mixed-script", "khmer-typo", "khmer-zero-width", "khmer-vowel-parts", "premises-form",
        "house-in-street", "khmer-house-anywhere", "part-blank", "part-shifted", "joined-address", "country-suffix", "place-typo",
        "foreign-address", "sparse", "phone-format", "stale-record",
    ];

    /// <summary>A copy with one rate changed; <paramref name="name"/> is one of <see cref="Names"/>.</summary>
    public NoiseRates With(string name, double rate)
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), $"Noise rate '{name}' must be between 0 and 1, got {rate}.");
        }

        return name.ToLowerInvariant() switch
        {
            "suffix" => this with { Suffix = rate },
            "translit" => this with { Translit = rate },
            "word-order" => this with { WordOrder = rate },
            "ampersand" => this with { Ampersand = rate },
            "missing-space" => this with { MissingSpace = rate },
            "typo" => this with { Typo = rate },
            "uppercase" => this with { Uppercase = rate },
            "khmer-only" => this with { KhmerOnly = rate },
            "latin-only" => this with { LatinOnly = rate },
            "xref-empty" => this with { XrefEmpty = rate },
            "xref-digit-slip" => this with { XrefDigitSlip = rate },
            "xref-other-firm" => this with { XrefOtherFirm = rate },
            "xref-format" => this with { XrefFormat = rate },
            "place-variant" => this with { PlaceVariant = rate },
            "place-khmer" => this with { PlaceKhmer = rate },
            "place-unit-prefix" => this with { PlaceUnitPrefix = rate },
            "address-line-only" => this with { AddressLineOnly = rate },
            "address-parts-only" => this with { AddressPartsOnly = rate },
            "phone-empty" => this with { PhoneEmpty = rate },
            "phone-two" => this with { PhoneTwo = rate },
            "phone-other" => this with { PhoneOther = rate },
            "email-empty" => this with { EmailEmpty = rate },
            "abbreviation" => this with { Abbreviation = rate },
            "acronym" => this with { Acronym = rate },
            "spaced-letters" => this with { SpacedLetters = rate },
            "joined-words" => this with { JoinedWords = rate },
            "activity-dropped" => this with { ActivityDropped = rate },
            "romanised-translation" => this with { RomanisedTranslation = rate },
            "owner-name" => this with { OwnerName = rate },
            "name-punctuation" => this with { NamePunctuation = rate },
            "script-swap" => this with { ScriptSwap = rate },
            "mixed-script" => this with { MixedScript = rate },
            "khmer-typo" => this with { KhmerTypo = rate },
            "khmer-zero-width" => this with { KhmerZeroWidth = rate },
            "khmer-vowel-parts" => this with { KhmerVowelParts = rate },
            "premises-form" => this with { PremisesForm = rate },
            "house-in-street" => this with { HouseInStreet = rate },
            "khmer-house-anywhere" => this with { KhmerHouseAnywhere = rate },
            "part-blank" => this with { PartBlank = rate },
            "part-shifted" => this with { PartShifted = rate },
            "joined-address" => this with { JoinedAddress = rate },
            "country-suffix" => this with { CountrySuffix = rate },
            "place-typo" => this with { PlaceTypo = rate },
            "foreign-address" => this with { ForeignAddress = rate },
            "sparse" => this with { Sparse = rate },
            "phone-format" => this with { PhoneFormat = rate },
            "stale-record" => this with { StaleRecord = rate },
            _ => throw new ArgumentException($"Unknown noise '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>All rates set to zero: every registry spells every firm the same clean way.</summary>
    public static NoiseRates None { get; } = Names.Aggregate(new NoiseRates(), (n, name) => n.With(name, 0));
}

/// <summary>
/// Deliberately corrupted rows. <see cref="Rate"/> is the share of all rows written (every feed) that is
/// corrupted; each corrupted row gets one kind, drawn with <see cref="KindWeights"/>. A kind that does not fit
/// a feed (legacy Khmer font in a feed without names, negative money in a feed without money) falls back to
/// an unparsable number. Every corrupted row is listed in ground-truth/bad-rows.csv and left out of records.csv.
/// </summary>
public sealed record BadRowRates
{
    /// <summary>0.002 = 0.2% of rows; 0 disables bad rows.</summary>
    public double Rate { get; init; } = 0.002;

    /// <summary>Relative weights of <see cref="BadRowKind"/> in enum order.</summary>
    public double[] KindWeights { get; init; } = [1, 1, 1, 1, 1, 1, 1];
}

/// <summary>The kinds of corrupted rows, with the quarantine reason a correct ingest gives them.</summary>
public enum BadRowKind
{
    WrongColumnCount,
    BadDate,
    BadNumber,
    NegativeMoney,
    MissingKey,
    DuplicateKey,
    LegacyKhmerFont,
}

/// <summary>NSSF contribution amounts and payment behaviour. Rates from rules.md (configuration, not law).</summary>
public sealed record ContributionRates
{
    /// <summary>Employer share of occupational risk (0.8%) + health care (2.6%) + pension (4%, employer and worker).</summary>
    public double ContributionRate { get; init; } = 0.008 + 0.026 + 0.04;

    public long MinContributableWageKhr { get; init; } = 400_000;

    public long MaxContributableWageKhr { get; init; } = 1_200_000;

    /// <summary>Probability that a month of a paying employer was first reported unpaid and corrected (paid late) in the next month's file.</summary>
    public double LatePaymentRate { get; init; } = 0.04;

    /// <summary>Probability that an unpaid month of an employer in arrears has no contribution row at all (rather than a row with paid below due).</summary>
    public double UnpaidMissingRowRate { get; init; } = 0.30;

    /// <summary>Day of the month after the period on which NSSF delivers the period's file: the day after contributions fall due (15th), so a licence check on the 16th already sees whether the latest due month was paid.</summary>
    public int DeliveryDay { get; init; } = 16;
}
