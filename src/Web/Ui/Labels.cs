using System.Globalization;
using Integration.Access;
using Integration.Alerts.Leads;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Reference;

namespace Integration.Web.Ui;

/// <summary>How codes of the modules (decisions, statuses, registers, roles, places, sectors) read in the interface.</summary>
internal static class Labels
{
    public static Text Decision(string decision) => decision switch
    {
        Decisions.Allow => Texts.Allow,
        Decisions.Block => Texts.Block,
        Decisions.Review => Texts.Review,
        _ => new Text(decision, decision),
    };

    public static Text DecisionMeans(string decision) => decision switch
    {
        Decisions.Allow => Texts.AllowMeans,
        Decisions.Block => Texts.BlockMeans,
        _ => Texts.ReviewMeans,
    };

    public static Text LeadStatus(string status) => status switch
    {
        "CONTACTED" => Texts.StatusContacted,
        "REGISTERED" => Texts.StatusRegistered,
        "NOT_LIABLE" => Texts.StatusNotLiable,
        "DUPLICATE" => Texts.StatusDuplicate,
        LeadStatuses.New => Texts.StatusNew,
        _ => new Text(status, status),
    };

    public static Text Register(string feed) => feed switch
    {
        FeedNames.Moc => Texts.RegMoc,
        FeedNames.Gdt => Texts.RegGdt,
        FeedNames.Nssf or "nssf-contributions" or "nssf-inspections" => Texts.RegNssf,
        _ => new Text(feed, feed),
    };

    public static Text Role(Role role) => role switch
    {
        Access.Role.Licensing => Texts.RoleLicensing,
        Access.Role.Registration => Texts.RoleRegistration,
        Access.Role.Inspection => Texts.RoleInspection,
        Access.Role.Matching => Texts.RoleMatching,
        Access.Role.Operations => Texts.RoleOperations,
        _ => Texts.RoleAdmin,
    };

    /// <summary>A comparison field of the matcher's evidence (src/Matching/Comparison/Fields.cs).</summary>
    public static Text MatchField(string field) => field switch
    {
        "name" => Texts.FieldName,
        "tin" => Texts.FieldTin,
        "moc_no" => Texts.FieldMocNo,
        "phone" => Texts.Phone,
        "place" => Texts.FieldPlace,
        "email" => Texts.FieldEmail,
        "isic" => Texts.FieldIsic,
        "house" => Texts.FieldHouse,
        _ => new Text(field, field),
    };

    /// <summary>A target's factor code (NOT_REGISTERED, GDT_EMPLOYEES, ...).</summary>
    public static Text Factor(string code) => code switch
    {
        "NOT_REGISTERED" => Texts.FactorNotRegistered,
        "GDT_EMPLOYEES" => Texts.FactorGdtEmployees,
        "ARREARS_MONTHS" => Texts.FactorArrearsMonths,
        "ARREARS_KHR" => Texts.FactorArrearsKhr,
        "SECTOR" => Texts.FactorSector,
        "SIZE" => Texts.FactorSize,
        "NEVER_INSPECTED" => Texts.FactorNeverInspected,
        "LAST_INSPECTED" => Texts.FactorLastInspected,
        _ => new Text(code, code),
    };

    /// <summary>The factors of a target's reasons cell ("NOT_REGISTERED +40; GDT_EMPLOYEES 120 +20") as (code, detail, points).</summary>
    public static IEnumerable<(string Code, string? Detail, string Points)> Factors(string reasons)
    {
        foreach (var part in reasons.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            var plus = part.LastIndexOf(" +", StringComparison.Ordinal);
            if (space < 0 || plus < 0)
            {
                yield return (part, null, "");
                continue;
            }

            var detail = plus > space ? part[(space + 1)..plus] : null;
            yield return (part[..space], detail, part[(plus + 1)..]);
        }
    }

    public static string Sector(Sector s) => Text.KhmerNow ? s.NameKm : s.NameEn;

    /// <summary>A province's name in the interface language, from the gazetteer code; else the name the register gives.</summary>
    public static string Province(Gazetteer gazetteer, string? code, string? fallback = null) =>
        code is not null && gazetteer.Find(code) is { } u ? (Text.KhmerNow ? u.NameKm : u.NameLatin) : fallback ?? Texts.Unknown;

    public static string District(Gazetteer gazetteer, string? code, string? fallback = null) => Province(gazetteer, code, fallback);

    public static string Number(long? n) => n is null ? "–" : n.Value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(double share) => share.ToString("P1", CultureInfo.CurrentCulture);

    /// <summary>An ISO timestamp as yyyy-MM-dd HH:mm (UTC), as stored; dates stay ISO in both languages.</summary>
    public static string Time(string? iso) =>
        iso is { Length: >= 16 } ? iso[..10] + " " + iso[11..16] : iso ?? "–";
}
