namespace Integration.Generator.Rendering;

/// <summary>
/// Khmer has no single romanisation in practice: the official (UNGEGN-style) gazetteer spelling, the popular
/// spelling, French-era spellings and abbreviations all appear in registers. These tables give, for a word or
/// a whole place name, the alternatives seen in the wild.
/// </summary>
public static class Romanisation
{
    /// <summary>Word-level alternatives, applied to firm names and place names alike.</summary>
    private static readonly Dictionary<string, string[]> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sokha"] = ["Sokhar", "Sokhaa", "Sukha"],
        ["Kampong"] = ["Kompong", "Kg.", "Kompung"],
        ["Phnom"] = ["Phnum"],
        ["Phnum"] = ["Phnom"],
        ["Reaksmey"] = ["Raksmey", "Rasmey", "Reaksmei"],
        ["Oudom"] = ["Odom", "Udom", "Oudam"],
        ["Mongkol"] = ["Mongkul", "Monkol"],
        ["Vathanak"] = ["Vattanak", "Wathanak", "Vatanak"],
        ["Sambath"] = ["Sambat", "Sombath"],
        ["Chey"] = ["Chhey", "Jey"],
        ["Pich"] = ["Pech", "Petch"],
        ["Meas"] = ["Mias", "Meah"],
        ["Bopha"] = ["Bopa", "Bupha"],
        ["Techo"] = ["Decho", "Tejo"],
        ["Samnang"] = ["Somnang", "Samnag"],
        ["Thmey"] = ["Thmei", "Tmey"],
        ["Phkay"] = ["Phkai", "Pkay"],
        ["Sovannaphum"] = ["Sovannaphoum", "Sovanaphum"],
        ["Kampuchea"] = ["Kampuchia", "Cambodia"],
        ["Sovann"] = ["Sovan", "Sowann"],
        ["Ponleu"] = ["Ponlue", "Pon Leu"],
        ["Mengly"] = ["Meng Ly", "Mengly"],
        ["Sreypich"] = ["Srey Pich", "Sreypech"],
        ["Heng"] = ["Hieng"],
        ["Chan"] = ["Chann", "Chanh"],
        ["Kim"] = ["Kym"],
        ["Ly"] = ["Lee", "Li"],
        ["Sok"] = ["Sokh"],
        ["Chea"] = ["Chia"],
        ["Dara"] = ["Darah"],
        ["Sophea"] = ["Sophia", "Sopea"],
        ["Vichet"] = ["Vichetr", "Vicheth"],
        ["Vibol"] = ["Vibul", "Vibal"],
        ["Serey"] = ["Sereiy", "Serei"],
        ["Tuol"] = ["Toul", "Tuel"],
        ["Toul"] = ["Tuol"],
        ["Ruessei"] = ["Russey", "Russei"],
        ["Russey"] = ["Ruessei", "Russei"],
        ["Boeng"] = ["Beung", "Boeung"],
        ["Praek"] = ["Prek"],
        ["Prek"] = ["Praek"],
        ["Chrouy"] = ["Chroy"],
        ["Sangkat"] = ["Sk.", "Songkat"],
        ["Khan"] = ["Kh."],
        ["Srok"] = ["Srk."],
        ["Krong"] = ["Kr."],
        ["Khum"] = ["Kh."],
        ["Phum"] = ["Ph.", "Phoum"],
        ["Daeum"] = ["Deum", "Doeum"],
        ["Thkov"] = ["Thkauv", "Tkov"],
        ["Trabaek"] = ["Trabek", "Trabaek"],
        ["Veal"] = ["Val"],
        ["Svay"] = ["Svai"],
        ["Prey"] = ["Prei"],
        ["Chamkar"] = ["Chamka", "Chomkar"],
        ["Kouk"] = ["Kork", "Kok"],
        ["Dangkao"] = ["Dangkor", "Dang Kao"],
        ["Saensokh"] = ["Sen Sok", "Sen Sokh"],
    };

    /// <summary>Whole-name alternatives for places whose popular name differs from the gazetteer spelling.</summary>
    private static readonly Dictionary<string, string[]> Places = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Phnom Penh"] = ["Phnum Penh", "PP", "P.Penh", "PHNOM PENH", "Phnom Penh Capital", "Phnompenh"],
        ["Siem Reap"] = ["Siemreap", "Siem Riep", "S.Reap"],
        ["Battambang"] = ["Batdambang", "BTB", "Battambong"],
        ["Preah Sihanouk"] = ["Sihanoukville", "Kampong Saom", "Kompong Som", "Sihanouk"],
        ["Takéo"] = ["Takeo", "Takev"],
        ["Kratié"] = ["Kratie", "Kracheh"],
        ["Ratanakiri"] = ["Rattanakiri", "Ratanak Kiri", "Rotanak Kiri"],
        ["Mondulkiri"] = ["Mondolkiri", "Mondul Kiri"],
        ["Tboung Khmum"] = ["Tbong Khmum", "Tbaung Khmum"],
        ["Banteay Meanchey"] = ["B. Meanchey", "Banteay Mean Chey", "BMC"],
        ["Pursat"] = ["Pouthisat", "Porsat"],
        ["Kampong Speu"] = ["Kompong Speu", "Kg. Speu"],
        ["Kampong Cham"] = ["Kompong Cham", "Kg. Cham"],
        ["Kampong Chhnang"] = ["Kompong Chhnang", "Kg. Chhnang"],
        ["Kampong Thom"] = ["Kompong Thom", "Kg. Thom"],
        ["Oddar Meanchey"] = ["Otdar Meanchey", "Oddor Meanchey"],
        ["Stung Treng"] = ["Stoeng Traeng", "Steung Treng"],
        ["Sen Sok"] = ["Saensokh", "Sensok", "Sen Sokh"],
        ["Chamkar Mon"] = ["Chamkarmon", "Chamkar Morn", "Chamcarmon"],
        ["Doun Penh"] = ["Daun Penh", "Don Penh"],
        ["Prampir Meakkakra"] = ["7 Makara", "Prampir Makara", "7 Meakkakra"],
        ["Tuol Kouk"] = ["Toul Kork", "Tuol Kok", "Toul Kouk"],
        ["Dangkao"] = ["Dangkor", "Dang Kao"],
        ["Mean Chey"] = ["Meanchey", "Mean Chey"],
        ["Russey Keo"] = ["Ruessei Kaev", "Russei Keo", "Reussey Keo"],
        ["Pur SenChey"] = ["Por Sen Chey", "Pou Senchey", "Porsenchey"],
        ["Chrouy Changvar"] = ["Chroy Changvar", "Chroy Changva"],
        ["Praek Pnov"] = ["Prek Pnov", "Prek Phnov"],
        ["Chbar Ampov"] = ["Chbar Ampeou", "Chba Ampov"],
        ["Boeng Keng Kang"] = ["BKK", "Boeung Keng Kang", "Beung Keng Kang"],
        ["Kamboul"] = ["Kambol", "Kombol"],
    };

    /// <summary>Alternatives for a single word, or an empty array.</summary>
    public static string[] WordVariants(string word) => Words.TryGetValue(word, out var v) ? v : [];

    /// <summary>Another spelling of a place name: a whole-name alternative if one is known, else one word respelled.</summary>
    public static string PlaceVariant(string name, Random rng)
    {
        if (Places.TryGetValue(name, out var whole) && (rng.NextDouble() < 0.7))
        {
            return whole[rng.Next(whole.Length)];
        }

        var words = name.Split(' ');
        var candidates = new List<int>();
        for (var i = 0; i < words.Length; i++)
        {
            if (Words.ContainsKey(words[i]))
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count > 0)
        {
            var i = candidates[rng.Next(candidates.Count)];
            var alternatives = Words[words[i]];
            words[i] = alternatives[rng.Next(alternatives.Length)];
            return string.Join(' ', words);
        }

        // No known respelling: registers then differ mostly in spacing and case.
        return rng.Next(3) switch
        {
            0 => name.Replace(" ", "", StringComparison.Ordinal),
            1 => name.ToUpperInvariant(),
            _ => name,
        };
    }
}
