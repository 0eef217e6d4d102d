using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>
/// A coarse consonant skeleton that a Khmer spelling and any Latin romanisation of it share, so that a
/// Khmer-only record can meet its Latin twin (សុខា and Sokha, Sokhar and Sokkha all give "SK";
/// កំពង់ and Kampong/Kompong give "KMPN"). Vowels, h, y and word-final r are dropped because the
/// romanisation systems disagree on exactly those; aspirated and plain stops fall into one class
/// (k/kh/g, ch/j, t/th/d, p/ph/b), and repeated classes collapse. Spaces are removed, so joined
/// and split words give the same key.
/// </summary>
internal static class PhoneticKey
{
    // Khmer consonants U+1780..U+17A2 in code-point order; '_' drops the consonant.
    private const string KhmerConsonants = "KKKKNCCCCNTTTTNTTTTNPPPPM_RLVSSS_L_";

    public static string FromLatin(string? text)
    {
        var words = TextFold.LatinWords(text);
        if (words.Length == 0)
        {
            return "";
        }

        var key = words.Length <= 256 ? stackalloc char[words.Length] : new char[words.Length];
        return new string(key[..FromLatinWords(words, key)]);
    }

    /// <summary>
    /// The key of text that is already lower-case ASCII words separated by single spaces (what
    /// <see cref="TextFold.LatinWords"/> gives), written to <paramref name="key"/> (at least as long as the
    /// words); returns its length. Allocation-free, for the address resolver's inner loop.
    /// </summary>
    public static int FromLatinWords(ReadOnlySpan<char> words, Span<char> key)
    {
        var length = 0;
        var i = 0;
        while (i < words.Length)
        {
            var c = words[i];
            var next = i + 1 < words.Length ? words[i + 1] : ' ';
            var wordEnd = next == ' ';
            char cls;
            var step = 1;
            switch (c)
            {
                case 'n' when next == 'g':
                case 'n' when next == 'h':
                case 'n' when next == 'y':
                    cls = 'N';
                    step = 2;
                    break;
                case 'k' when next == 'h':
                case 'c' when next == 'k':
                    cls = 'K';
                    step = 2;
                    break;
                case 'c' when next == 'h':
                    cls = 'C';
                    step = 2;
                    break;
                case 't' when next == 'h':
                    cls = 'T';
                    step = 2;
                    break;
                case 'p' when next == 'h':
                    cls = 'P';
                    step = 2;
                    break;
                case 's' when next == 'h':
                    cls = 'S';
                    step = 2;
                    break;
                case 'r' when wordEnd:
                    cls = '_';
                    break;
                default:
                    cls = LatinClass(c);
                    break;
            }

            if (cls != '_' && (length == 0 || key[length - 1] != cls))
            {
                key[length++] = cls;
            }

            i += step;
        }

        return length;
    }

    public static string FromKhmer(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var compact = TextFold.KhmerCompact(text);
        var sb = new StringBuilder(compact.Length);
        foreach (var c in compact)
        {
            char cls;
            if (c is >= '\u1780' and <= '\u17A2')
            {
                cls = KhmerConsonants[c - '\u1780'];
            }
            else if (c == '\u17C6')
            {
                cls = 'M'; // nikahit: the nasal of -am/-om, romanised with m
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                cls = LatinClass(c);
            }
            else if (c is >= '\u17E0' and <= '\u17E9')
            {
                cls = (char)('0' + (c - '\u17E0')); // Khmer digits count like Latin ones (ទី១ is not ទី២)
            }
            else
            {
                cls = '_'; // vowels, independent vowels, coeng (the next consonant still counts), signs
            }

            Append(sb, cls);
        }

        return sb.ToString();
    }

    /// <summary>Key of whichever script the text is in (Khmer wins when both are present).</summary>
    public static string From(string? text) => TextFold.HasKhmer(text) ? FromKhmer(text) : FromLatin(text);

    private static char LatinClass(char c) => c switch
    {
        'b' or 'p' or 'f' => 'P',
        'd' or 't' => 'T',
        'k' or 'g' or 'c' or 'q' => 'K',
        'j' => 'C',
        's' or 'x' or 'z' => 'S',
        'v' or 'w' => 'V',
        'm' => 'M',
        'n' => 'N',
        'l' => 'L',
        'r' => 'R',
        >= '0' and <= '9' => c,
        _ => '_', // vowels, h, y, spaces
    };

    private static void Append(StringBuilder sb, char cls)
    {
        if (cls == '_' || (sb.Length > 0 && sb[^1] == cls))
        {
            return;
        }

        sb.Append(cls);
    }
}
