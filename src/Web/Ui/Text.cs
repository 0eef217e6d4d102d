using System.Globalization;

namespace Integration.Web.Ui;

/// <summary>
/// One piece of interface text in both languages of the product. Renders in the request's UI culture (set
/// from the person's choice), so a page writes <c>@Texts.SignIn</c> and shows Khmer or English.
/// </summary>
public sealed record Text(string En, string Km)
{
    public static bool KhmerNow => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "km";

    public override string ToString() => KhmerNow ? Km : En;

    /// <summary>The text with {0}, {1} ... filled in (numbers in the current culture).</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.CurrentCulture, ToString(), args);

    public static implicit operator string(Text t) => t.ToString();
}
