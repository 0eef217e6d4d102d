namespace Integration.Generator;

/// <summary>Noise profiles: how much of what real registers do the generated files show.</summary>
public enum GeneratorProfile
{
    /// <summary>The profile the pipeline was developed on; unchanged byte for byte for a given seed.</summary>
    Default,

    /// <summary>
    /// Everything of the default at higher rates, plus what real registers do that the default never shows:
    /// duplicate registrations within one register, premises in many forms, blank and moved address parts, foreign
    /// addresses and phones, translated, abbreviated and acronym names, stale records of moved or renamed firms,
    /// tax agents' contacts, common names in one district, sparse records. Rates in docs/generator.md.
    /// </summary>
    Hard,
}

public static class GeneratorProfiles
{
    public static GeneratorProfile Parse(string name) => name.Trim().ToUpperInvariant() switch
    {
        "DEFAULT" => GeneratorProfile.Default,
        "HARD" => GeneratorProfile.Hard,
        _ => throw new ArgumentException($"Unknown profile '{name}'. Known: default, hard."),
    };

    /// <summary><paramref name="options"/> with the profile's composition and noise rates (scale, seed, dates and formats kept).</summary>
    public static GeneratorOptions Apply(this GeneratorOptions options, GeneratorProfile profile) => profile switch
    {
        GeneratorProfile.Default => options with { Composition = new CompositionRates(), Noise = new NoiseRates() },
        GeneratorProfile.Hard => options with { Composition = HardComposition, Noise = HardNoise },
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    /// <summary>
    /// Who the firms are under the hard profile. Rates are per firm (per record where the name says so), chosen from
    /// what register studies and data-cleaning reports describe, not from what any matcher handles.
    /// </summary>
    public static CompositionRates HardComposition { get; } = new()
    {
        NssfDuplicateRate = 0.06,
        LapsedNssfRate = 0.05,
        GdtDuplicateRate = 0.03,
        MocReRegistrationRate = 0.02,
        TranslatedNameRate = 0.12,
        EnglishNameRate = 0.06,
        ExtendedActivityRate = 0.25,
        CommonNameRate = 0.03,
        SharedBuildingRate = 0.03,
        BuildingPremisesRate = 0.08,
        BoreyPremisesRate = 0.06,
        UnitPremisesRate = 0.04,
        StallPremisesRate = 0.10,
        ZoneLotRate = 0.50,
        MovedRate = 0.04,
        RenamedRate = 0.02,
        FormChangeRate = 0.03,
        StaleDistrictRate = 0.03,
        ForeignOwnerPhoneRate = 0.60,
        ForeignPhoneRate = 0.02,
        TaxAgentRate = 0.04,
    };

    /// <summary>How registers write them under the hard profile.</summary>
    public static NoiseRates HardNoise { get; } = new()
    {
        Suffix = 0.45,
        Translit = 0.35,
        WordOrder = 0.08,
        MissingSpace = 0.06,
        Typo = 0.06,
        Uppercase = 0.35,
        KhmerOnly = 0.12,
        LatinOnly = 0.12,
        XrefEmpty = 0.45,
        XrefDigitSlip = 0.04,
        XrefOtherFirm = 0.03,
        XrefFormat = 0.35,
        PlaceVariant = 0.40,
        PlaceKhmer = 0.20,
        AddressLineOnly = 0.35,
        AddressPartsOnly = 0.35,
        PhoneEmpty = 0.20,
        PhoneOther = 0.25,
        EmailEmpty = 0.60,
        Abbreviation = 0.25,
        Acronym = 0.03,
        SpacedLetters = 0.01,
        JoinedWords = 0.05,
        ActivityDropped = 0.15,
        RomanisedTranslation = 0.35,
        OwnerName = 0.15,
        NamePunctuation = 0.10,
        ScriptSwap = 0.01,
        MixedScript = 0.05,
        KhmerTypo = 0.03,
        KhmerZeroWidth = 0.15,
        KhmerVowelParts = 0.05,
        PremisesForm = 0.60,
        HouseInStreet = 0.08,
        KhmerHouseAnywhere = 0.40,
        PartBlank = 0.12,
        PartShifted = 0.03,
        JoinedAddress = 0.05,
        CountrySuffix = 0.15,
        PlaceTypo = 0.03,
        ForeignAddress = 0.30,
        Sparse = 0.03,
        PhoneFormat = 0.25,
        StaleRecord = 0.50,
    };
}
