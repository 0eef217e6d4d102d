namespace Integration.Generator;

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
