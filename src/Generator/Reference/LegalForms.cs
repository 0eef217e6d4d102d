namespace Integration.Generator.Reference;

/// <summary>
/// A MoC entity type with the ways registries write it. <see cref="SuffixesEn"/>[0] is the most common; an empty
/// suffix means the name carries none. <see cref="KhmerPrefix"/>/<see cref="KhmerSuffix"/> wrap the Khmer name
/// (ក្រុមហ៊ុន ... ឯ.ក for a private limited company).
/// </summary>
public sealed record LegalForm(string EntityType, double Weight, double LargeWeight, string[] SuffixesEn, string KhmerPrefix, string KhmerSuffix, char TinLetter)
{
    public bool IsSoleProprietorship => EntityType == "SOLE_PROPRIETORSHIP";
}

public static class LegalForms
{
    private static readonly string[] LimitedSuffixes = ["Co., Ltd.", "CO.,LTD", "Co., Ltd", "Company Limited", "Co.Ltd", "Co Ltd", "CO., LTD."];

    public static IReadOnlyList<LegalForm> All { get; } =
    [
        new("SOLE_PROPRIETORSHIP", 45, 2, ["", "Sole Proprietorship", "Enterprise", "Shop"], "សហគ្រាសឯកបុគ្គល", "", 'E'),
        new("PRIVATE_LIMITED", 33, 70, LimitedSuffixes, "ក្រុមហ៊ុន", "ឯ.ក", 'K'),
        new("SINGLE_MEMBER_PRIVATE_LIMITED", 15, 12, LimitedSuffixes, "ក្រុមហ៊ុន", "ឯ.ក", 'K'),
        new("PARTNERSHIP", 2, 1, ["Partnership", "& Partners", "General Partnership"], "ក្រុមហ៊ុនសហកម្មសិទ្ធិ", "", 'K'),
        new("PUBLIC_LIMITED", 1, 5, ["Plc", "PLC", "Plc.", "Public Limited Company"], "ក្រុមហ៊ុន", "ម.ក", 'K'),
        new("FOREIGN_BRANCH", 2.5, 8, ["(Cambodia Branch)", "Cambodia Branch", "- Branch in Cambodia"], "សាខាក្រុមហ៊ុន", "", 'K'),
        new("REPRESENTATIVE_OFFICE", 1.5, 2, ["Representative Office", "Rep. Office", "(Representative Office)"], "ការិយាល័យតំណាង", "", 'K'),
    ];
}
