using System.Text;

namespace Fkj.Cdr.Terminology.Index;

/// <summary>
/// Turns terms and search text into the tokens the search index compares: lower case, split at everything that
/// is not a letter or digit, diacritics folded (é → e, ü → u, ß → ss) except the Norwegian letters æ, ø and å,
/// which are letters of their own, so "sår" (wound) never matches "sar" and "ør" never matches "or".
/// </summary>
public static class TermNormaliser
{
    // Latin-1 and Latin Extended-A letters with diacritics, folded to their base letters. æ, ø and å are absent
    // on purpose (and Å, Æ, Ø lower-case to them).
    private const string Folded =
        "àaáaâaãaäaāaăaąaçcćcčcďdđdèeéeêeëeēeĕeėeęeěeìiíiîiïiīiĭiįiıiñnńnňnòoóoôoõoöoōoŏoőoùuúuûuüuūuŭuůuűuųu" +
        "ýyÿyśsšsşsźzżzžzłlľlĺlŕrřrťtţtğgģgķkļlņn";

    private static readonly Dictionary<char, char> FoldMap = BuildFoldMap();

    /// <summary>The tokens of a text, normalised, in order (duplicates kept).</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c == 'ß')
            {
                current.Append("ss");
            }
            else if (char.IsLetterOrDigit(c))
            {
                current.Append(FoldMap.TryGetValue(c, out var folded) ? folded : c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>The text's tokens joined by single spaces.</summary>
    public static string Normalise(string text) => string.Join(' ', Tokens(text));

    private static Dictionary<char, char> BuildFoldMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Folded.Length; i += 2)
        {
            map[Folded[i]] = Folded[i + 1];
        }

        return map;
    }
}
