using System.Text.RegularExpressions;

namespace Integration.Matching.Standardisation;

/// <summary>
/// The form in which a firm is present that its registered name states: a branch (of a local head office, "- Branch 2",
/// សាខា, or of a foreign parent, "(Cambodia Branch)") or a representative / liaison office (ការិយាល័យតំណាង). One
/// foreign parent may hold a branch, a representative office and a local subsidiary in Cambodia at one address
/// under one name: for licensing those are different firms, each with its own registration, and the name's form
/// words are all that tells them apart (the core name compares equal, <see cref="LatinNames"/> drops the form words).
/// </summary>
[Flags]
public enum PresenceForm
{
    /// <summary>The name states no form: a firm of its own (a company, a sole proprietorship).</summary>
    None = 0,
    Branch = 1,
    RepresentativeOffice = 2,

    /// <summary>The legal form the name states, when it states one: a sole proprietorship and a company are two legal persons.</summary>
    SoleProprietorship = 4,
    Company = 8,
}

public static partial class PresenceForms
{
    /// <summary>The forms a record's names state, either script in either name column.</summary>
    public static PresenceForm Of(string? nameEn, string? nameKm) => Of(nameEn) | Of(nameKm);

    /// <summary>
    /// True when two records' names state different forms of presence (<see cref="Of(string?, string?)"/> of each), one stating none counting as a form
    /// (a subsidiary company against its parent's representative office): they are not one firm's two registrations.
    /// </summary>
    public static bool Differ(PresenceForm x, PresenceForm y)
    {
        const PresenceForm presence = PresenceForm.Branch | PresenceForm.RepresentativeOffice;
        const PresenceForm legal = PresenceForm.SoleProprietorship | PresenceForm.Company;
        // A legal form left out is common (registers drop "Co., Ltd."); two stated legal forms that differ are two persons.
        return (x & presence) != (y & presence) || ((x & legal) != PresenceForm.None && (y & legal) != PresenceForm.None && (x & legal) != (y & legal));
    }

    /// <summary>
    /// True when the name states a foreign parent's presence (a branch or representative office that is not a local
    /// head office's numbered or placed branch): such records carry the parent's name and often its head office's
    /// address abroad, so two of them agreeing in name and address do not say one registration.
    /// </summary>
    public static bool IsForeignPresence(PresenceForm form, bool isLocalBranch) =>
        !isLocalBranch && (form & (PresenceForm.Branch | PresenceForm.RepresentativeOffice)) != PresenceForm.None;

    private static PresenceForm Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return PresenceForm.None;
        }

        var form = PresenceForm.None;
        if (Office().IsMatch(name) || name.Contains("ការិយាល័យតំណាង", StringComparison.Ordinal))
        {
            form |= PresenceForm.RepresentativeOffice;
        }

        if (BranchWord().IsMatch(name) || name.Contains("សាខា", StringComparison.Ordinal))
        {
            form |= PresenceForm.Branch;
        }

        if (SoleProprietor().IsMatch(name) || name.Contains("សហគ្រាសឯកបុគ្គល", StringComparison.Ordinal))
        {
            form |= PresenceForm.SoleProprietorship;
        }
        else if (CompanyForm().IsMatch(name) || name.Contains("ឯ.ក", StringComparison.Ordinal))
        {
            form |= PresenceForm.Company;
        }

        return form;
    }

    [GeneratedRegex(@"\bsole\s*proprietor(?:ship)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex SoleProprietor();

    // Co., Ltd. / CO.,LTD / Company Limited / Plc / Corp, also run together ("CompanyLimited", "Co.Ltd").
    [GeneratedRegex(@"\b(?:co\b\.?\s*,?\s*ltd|company\s*limited|ltd\b|limited\b|plc\b|corp(?:oration)?\b|smlc\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyForm();

    // "Representative Office", "Rep. Office", "Rep Office", "Liaison Office", "(Representative Office)", "Representative" alone.
    [GeneratedRegex(@"\b(?:rep(?:resentative)?\b\.?|liaison\s+office\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Office();

    [GeneratedRegex(@"\bbranch(?:es)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex BranchWord();
}
