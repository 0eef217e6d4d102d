using System.Globalization;
using System.Text;

namespace Integration.Generator.Rendering;

/// <summary>
/// Registry numbers. Each is a bijective scramble of a running counter (counter * multiplier + offset modulo the
/// number space, the multiplier coprime with it), so numbers are unique without a set of used numbers and do not reveal generation order.
/// </summary>
public sealed class Identifiers
{
    private long _moc;
    private long _mocOld;
    private long _tin;
    private long _nssf;
    private long _licence;

    private static long Scramble(long counter, long space, long multiplier, long offset) => ((counter % space * multiplier) + offset) % space;

    /// <summary>MoC registration number: the online register's 8 digits from 2020, the older "Co.123456/15E" style before.</summary>
    public string NextRegistrationNo(DateOnly registeredOn) =>
        registeredOn.Year >= 2020
            ? Scramble(_moc++, 100_000_000, 61_803_399, 1_234_567).ToString("D8", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"Co.{Scramble(_mocOld++, 1_000_000, 618_033, 54_321):D6}/{registeredOn.Year % 100:D2}E");

    /// <summary>GDT TIN, e.g. K001-901234567: K for companies, E for sole proprietors, a tax branch code, then 9 digits.</summary>
    public string NextTin(char letter, string provinceCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{letter}{(provinceCode == "12" ? "001" : "1" + provinceCode)}-{100_000_000 + Scramble(_tin++, 900_000_000, 618_033_989, 31_337):D9}");

    /// <summary>NSSF employer number: province code then 7 digits.</summary>
    public string NextNssfId(string provinceCode) =>
        provinceCode + Scramble(_nssf++, 10_000_000, 6_180_339, 424_242).ToString("D7", CultureInfo.InvariantCulture);

    public string NextLicenceNo(DateOnly issued) =>
        string.Create(CultureInfo.InvariantCulture, $"{issued.Year}-{Scramble(_licence++, 10_000_000, 6_180_341, 99_991):D7}");

    /// <summary>A cross-reference as another clerk typed it: the same number in a different layout.</summary>
    public static string FormatVariant(string id, Random rng)
    {
        if (id.Length == 14 && id[4] == '-')
        {
            // TIN K001-901234567
            return rng.Next(5) switch
            {
                0 => id.Replace("-", "", StringComparison.Ordinal),
                1 => id[5..],
                2 => id.ToLowerInvariant(),
                3 => id[..4] + " - " + id[5..],
                _ => id[0] + "-" + id[1..],
            };
        }

        if (id.StartsWith("Co.", StringComparison.Ordinal))
        {
            return rng.Next(3) switch
            {
                0 => id.ToUpperInvariant(),
                1 => id.Replace("Co.", "Co ", StringComparison.Ordinal),
                _ => id[3..],
            };
        }

        var trimmed = id.TrimStart('0');
        return trimmed.Length > 0 && trimmed.Length < id.Length && rng.Next(2) == 0
            ? trimmed
            : id[..(id.Length / 2)] + " " + id[(id.Length / 2)..];
    }

    /// <summary>A digit slip: one digit changed, or two neighbouring digits swapped.</summary>
    public static string DigitSlip(string id, Random rng)
    {
        var digits = new List<int>();
        for (var i = 0; i < id.Length; i++)
        {
            if (char.IsAsciiDigit(id[i]))
            {
                digits.Add(i);
            }
        }

        if (digits.Count < 2)
        {
            return id + "1";
        }

        var sb = new StringBuilder(id);
        var k = rng.Next(digits.Count - 1);
        var (a, b) = (digits[k], digits[k + 1]);
        if (sb[a] != sb[b] && rng.Next(2) == 0)
        {
            (sb[a], sb[b]) = (sb[b], sb[a]);
        }
        else
        {
            sb[a] = (char)('0' + ((sb[a] - '0' + 1 + rng.Next(8)) % 10));
        }

        return sb.ToString();
    }
}
