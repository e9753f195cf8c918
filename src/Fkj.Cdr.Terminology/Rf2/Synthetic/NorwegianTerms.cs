namespace Fkj.Cdr.Terminology.Rf2.Synthetic;

/// <summary>
/// A rough word-for-word bokmål rendering of the synthetic English terms, enough to give the release Norwegian
/// descriptions with æ, ø and å ("Sår i venstre øre", "Smerte i høyre hånd"). Greek and Latin compounds get
/// Norwegian endings (nephritis → nefritt).
/// </summary>
internal static class NorwegianTerms
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["lung"] = "lunge", ["kidney"] = "nyre", ["liver"] = "lever", ["heart"] = "hjerte", ["stomach"] = "mage",
        ["ear"] = "øre", ["eye"] = "øye", ["hand"] = "hånd", ["foot"] = "fot", ["knee joint"] = "kneledd",
        ["hip joint"] = "hofteledd", ["shoulder joint"] = "skulderledd", ["elbow joint"] = "albueledd", ["ankle"] = "ankel",
        ["toe"] = "tå", ["finger"] = "finger", ["tooth"] = "tann", ["tongue"] = "tunge", ["lip"] = "leppe", ["skin"] = "hud",
        ["breast"] = "bryst", ["urinary bladder"] = "urinblære", ["gallbladder"] = "galleblære", ["spleen"] = "milt",
        ["brain"] = "hjerne", ["nose"] = "nese", ["pharynx"] = "svelg", ["larynx"] = "strupehode", ["rib"] = "ribbein",
        ["skull"] = "hodeskalle", ["femur"] = "lårbein", ["thigh"] = "lår", ["muscle"] = "muskel", ["tendon"] = "sene",
        ["artery"] = "arterie", ["vein"] = "vene", ["lymph node"] = "lymfeknute", ["bone marrow"] = "beinmarg",
        ["duodenum"] = "tolvfingertarm", ["colon"] = "tykktarm", ["rectum"] = "endetarm", ["oesophagus"] = "spiserør",
        ["pleura"] = "brysthinne", ["diaphragm"] = "mellomgulv", ["uterus"] = "livmor", ["ovary"] = "eggstokk",
        ["testis"] = "testikkel", ["prostate"] = "prostata", ["spinal cord"] = "ryggmarg", ["retina"] = "netthinne",
        ["cornea"] = "hornhinne", ["lens"] = "linse", ["thyroid gland"] = "skjoldbruskkjertel", ["pancreas"] = "bukspyttkjertel",
        ["trachea"] = "luftrør", ["bronchus"] = "bronkie", ["wrist"] = "håndledd", ["forearm"] = "underarm",
        ["scalp"] = "hodebunn", ["eyelid"] = "øyelokk", ["aorta"] = "aorta", ["mandible"] = "underkjeve",
        ["inflammation"] = "betennelse", ["ulcer"] = "sår", ["neoplasm"] = "svulst", ["tumour"] = "svulst", ["cyst"] = "cyste",
        ["haemorrhage"] = "blødning", ["fracture"] = "brudd", ["oedema"] = "ødem", ["rupture"] = "ruptur",
        ["laceration"] = "flenge", ["hernia"] = "brokk", ["scar"] = "arr", ["obstruction"] = "obstruksjon",
        ["stenosis"] = "stenose", ["fibrosis"] = "fibrose", ["necrosis"] = "nekrose", ["abscess"] = "abscess",
        ["lesion"] = "lesjon", ["pain"] = "smerte", ["swelling"] = "hevelse", ["bleeding"] = "blødning", ["itching"] = "kløe",
        ["stiffness"] = "stivhet", ["weakness"] = "svakhet", ["numbness"] = "nummenhet", ["redness"] = "rødhet",
        ["mass"] = "kul", ["tenderness"] = "ømhet", ["dryness"] = "tørrhet", ["deformity"] = "feilstilling",
        ["acute"] = "akutt", ["chronic"] = "kronisk", ["left"] = "venstre", ["right"] = "høyre", ["congenital"] = "medfødt",
        ["recurrent"] = "residiverende", ["malignant"] = "ondartet", ["benign"] = "godartet", ["traumatic"] = "traumatisk",
        ["severe"] = "alvorlig", ["mild"] = "lett", ["multiple"] = "multiple", ["primary"] = "primær", ["secondary"] = "sekundær",
        ["excision"] = "eksisjon", ["biopsy"] = "biopsi", ["repair"] = "reparasjon", ["incision"] = "insisjon",
        ["drainage"] = "drenasje", ["replacement"] = "utskifting", ["removal"] = "fjerning", ["injection"] = "injeksjon",
        ["examination"] = "undersøkelse", ["ultrasonography"] = "ultralydundersøkelse", ["transplantation"] = "transplantasjon",
        ["structure"] = "struktur", ["entire"] = "hele", ["of"] = "i", ["with"] = "med", ["due"] = "på", ["to"] = "grunn av",
        ["and"] = "og", ["history"] = "sykehistorie", ["family"] = "familie", ["wall"] = "vegg", ["surface"] = "overflate",
        ["upper lobe"] = "overlapp", ["lower lobe"] = "underlapp", ["middle lobe"] = "midtlapp", ["part"] = "del",
    };

    private static readonly (string English, string Norwegian)[] Endings =
    [
        ("itis", "itt"), ("osis", "ose"), ("opathy", "opati"), ("algia", "algi"), ("omegaly", "omegali"), ("ectomy", "ektomi"),
        ("otomy", "otomi"), ("oscopy", "oskopi"), ("oplasty", "oplastikk"), ("ostomy", "ostomi"), ("ography", "ografi"),
        ("ectasia", "ektasi"), ("orrhagia", "oragi"), ("omalacia", "omalasi"), ("ocele", "ocele"), ("olithiasis", "olitiase"),
    ];

    public static string Translate(string english)
    {
        var words = english.ToLowerInvariant().Split(' ');
        var result = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            if (i + 1 < words.Length && Words.TryGetValue(words[i] + " " + words[i + 1], out var pair))
            {
                result.Add(pair);
                i++;
            }
            else if (Words.TryGetValue(words[i], out var word))
            {
                result.Add(word);
            }
            else
            {
                result.Add(Compound(words[i]));
            }
        }

        return ClinicalVocabulary.Capitalise(string.Join(' ', result));
    }

    private static string Compound(string word)
    {
        foreach (var (en, nb) in Endings)
        {
            if (word.EndsWith(en, StringComparison.Ordinal))
            {
                word = word[..^en.Length] + nb;
                break;
            }
        }

        return word.Replace("ph", "f", StringComparison.Ordinal).Replace("ae", "e", StringComparison.Ordinal)
            .Replace("oe", "ø", StringComparison.Ordinal).Replace("ca", "ka", StringComparison.Ordinal)
            .Replace("co", "ko", StringComparison.Ordinal).Replace("cu", "ku", StringComparison.Ordinal);
    }
}
