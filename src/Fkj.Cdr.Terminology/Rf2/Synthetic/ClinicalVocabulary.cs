namespace Fkj.Cdr.Terminology.Rf2.Synthetic;

/// <summary>
/// Words for clinical-looking (fictitious) terms: body sites, morphologies, Greek and Latin roots with their
/// suffixes, procedures, drug-like substance names and organisms. British spellings; <see cref="American"/>
/// gives the US spelling, as the two English dialects of an International release differ.
/// </summary>
internal static class ClinicalVocabulary
{
    public static readonly string[] Organs =
    [
        "lung", "kidney", "liver", "heart", "stomach", "spleen", "pancreas", "urinary bladder", "ureter", "urethra",
        "oesophagus", "duodenum", "jejunum", "ileum", "colon", "rectum", "anus", "appendix", "gallbladder",
        "thyroid gland", "adrenal gland", "pituitary gland", "brain", "cerebellum", "spinal cord", "eye", "retina",
        "cornea", "lens", "ear", "cochlea", "nose", "nasal sinus", "pharynx", "larynx", "trachea", "bronchus", "pleura",
        "diaphragm", "skin", "breast", "uterus", "ovary", "testis", "prostate", "femur", "tibia", "fibula", "humerus",
        "radius", "ulna", "vertebra", "rib", "skull", "mandible", "knee joint", "hip joint", "shoulder joint",
        "elbow joint", "wrist", "ankle", "foot", "hand", "finger", "toe", "tendon", "muscle", "artery", "vein", "aorta",
        "coronary artery", "carotid artery", "lymph node", "bone marrow", "tongue", "tooth", "gingiva", "lip",
        "peritoneum", "mitral valve", "aortic valve", "tricuspid valve", "thigh", "forearm", "scalp", "eyelid",
    ];

    public static readonly string[] Parts =
    [
        "wall", "mucosa", "cortex", "upper lobe", "lower lobe", "middle lobe", "apex", "base", "body", "neck", "head",
        "tail", "capsule", "surface", "margin", "fundus", "epithelium", "lumen", "segment", "region", "medulla",
        "posterior part", "anterior part", "lateral part", "medial part", "proximal part", "distal part", "root",
    ];

    public static readonly string[] Laterality = ["left", "right", "bilateral"];

    public static readonly string[] Morphologies =
    [
        "inflammation", "abscess", "fibrosis", "necrosis", "ulcer", "erosion", "neoplasm", "carcinoma", "adenoma",
        "sarcoma", "lymphoma", "cyst", "polyp", "haemorrhage", "infarct", "thrombus", "embolus", "stenosis",
        "dilatation", "hypertrophy", "atrophy", "hyperplasia", "dysplasia", "metaplasia", "calcification", "fracture",
        "dislocation", "rupture", "laceration", "contusion", "oedema", "fistula", "hernia", "granuloma", "scar",
        "aneurysm", "obstruction", "perforation", "degeneration", "malformation", "tumour", "lesion",
    ];

    public static readonly string[] Modifiers =
    [
        "acute", "chronic", "subacute", "granulomatous", "suppurative", "haemorrhagic", "fibrinous", "necrotising",
        "cystic", "papillary", "mucinous", "squamous cell", "malignant", "benign", "congenital", "traumatic", "focal",
        "diffuse", "multiple", "recurrent", "interstitial", "erosive", "atypical", "infiltrating", "severe", "mild",
        "primary", "secondary", "idiopathic", "paediatric", "neonatal", "postoperative", "drug-induced", "hereditary",
    ];

    public static readonly (string Root, string Organ)[] Roots =
    [
        ("nephr", "kidney"), ("hepat", "liver"), ("cardi", "heart"), ("gastr", "stomach"), ("splen", "spleen"),
        ("pancreat", "pancreas"), ("cyst", "urinary bladder"), ("ureter", "ureter"), ("urethr", "urethra"),
        ("oesophag", "oesophagus"), ("duoden", "duodenum"), ("col", "colon"), ("proct", "rectum"),
        ("append", "appendix"), ("cholecyst", "gallbladder"), ("thyroid", "thyroid gland"), ("adren", "adrenal gland"),
        ("encephal", "brain"), ("mening", "brain"), ("myel", "spinal cord"), ("ophthalm", "eye"), ("retin", "retina"),
        ("kerat", "cornea"), ("ot", "ear"), ("rhin", "nose"), ("sinus", "nasal sinus"), ("pharyng", "pharynx"),
        ("laryng", "larynx"), ("trache", "trachea"), ("bronch", "bronchus"), ("pneumon", "lung"), ("pleur", "pleura"),
        ("derm", "skin"), ("mast", "breast"), ("metr", "uterus"), ("oophor", "ovary"), ("orch", "testis"),
        ("prostat", "prostate"), ("oste", "femur"), ("arthr", "knee joint"), ("spondyl", "vertebra"), ("my", "muscle"),
        ("ten", "tendon"), ("arter", "artery"), ("phleb", "vein"), ("aort", "aorta"), ("lymphaden", "lymph node"),
        ("gingiv", "gingiva"), ("gloss", "tongue"), ("cheil", "lip"), ("blephar", "eyelid"), ("haem", "bone marrow"),
    ];

    public static readonly string[] DisorderSuffixes =
    [
        "itis", "osis", "opathy", "algia", "omegaly", "oma", "ectasia", "orrhagia", "osclerosis", "omalacia",
        "odynia", "optosis", "ostenosis", "ocele", "olithiasis", "oplegia", "orrhoea", "otoxicity",
    ];

    public static readonly string[] FindingWords =
    [
        "pain", "swelling", "tenderness", "mass", "discharge", "bleeding", "itching", "numbness", "stiffness",
        "weakness", "deformity", "redness", "tremor", "spasm", "colour change", "dryness", "sensitivity", "crepitus",
    ];

    public static readonly string[] Procedures =
    [
        "excision", "biopsy", "repair", "incision", "drainage", "replacement", "reconstruction", "resection",
        "removal", "injection", "irrigation", "aspiration", "catheterisation", "ultrasonography", "radiography",
        "magnetic resonance imaging", "computed tomography", "endoscopy", "examination", "fixation",
        "transplantation", "debridement", "ligation", "dilatation", "stabilisation", "closure",
    ];

    public static readonly string[] ProcedureSuffixes = ["ectomy", "otomy", "oscopy", "oplasty", "ostomy", "orrhaphy", "opexy", "ography"];

    public static readonly string[] ProcedureModifiers =
    [
        "laparoscopic", "open", "endoscopic", "percutaneous", "partial", "total", "radical", "revision", "emergency",
        "diagnostic", "therapeutic", "robot-assisted", "bilateral", "staged", "elective",
    ];

    public static readonly string[] SubstanceStarts =
    [
        "am", "ben", "car", "dex", "flu", "gli", "hy", "ly", "met", "nor", "ox", "pra", "quin", "ri", "sul", "ter",
        "val", "xy", "zo", "ce", "di", "le", "mo", "pe", "ro", "ta", "ve", "bro", "cla", "fe", "ga", "ke", "na",
    ];

    public static readonly string[] SubstanceMiddles = ["lo", "ra", "to", "ni", "fa", "ci", "me", "sa", "pro", "ti", "do", "xa", "be", "zi", "ma", "qui", "te"];

    public static readonly string[] SubstanceEnds =
    [
        "pril", "olol", "statin", "azole", "mycin", "cillin", "vir", "mab", "tide", "pam", "zepam", "oxacin",
        "sartan", "dipine", "profen", "afil", "prazole", "triptan", "ine", "ate", "ide", "one", "ol", "parin", "sone",
    ];

    public static readonly string[] Salts = ["", "", "", " hydrochloride", " sodium", " sulphate", " acetate", " citrate", " maleate", " phosphate"];

    public static readonly string[] DoseForms =
    [
        "oral tablet", "oral capsule", "solution for injection", "oral suspension", "cutaneous cream",
        "eye drops", "prolonged-release oral tablet", "inhalation powder", "suppository", "transdermal patch",
    ];

    public static readonly string[] GenusStarts =
    [
        "Strepto", "Staphylo", "Entero", "Klebsi", "Pseudo", "Myco", "Lacto", "Clostri", "Borreli", "Salmon",
        "Shigel", "Candi", "Aspergill", "Crypto", "Plasmo", "Toxo", "Giardi", "Leptospi", "Listeri", "Neisseri",
        "Bacte", "Acineto", "Campylo", "Hae", "Legion",
    ];

    public static readonly string[] GenusEnds = ["coccus", "bacter", "ella", "monas", "bacterium", "dium", "a", "ia", "ium", "spora", "philus", "myces"];

    public static readonly string[] Species =
    [
        "aureus", "pneumoniae", "coli", "albicans", "pyogenes", "viridans", "fragilis", "faecalis", "tuberculosis",
        "difficile", "typhi", "sonnei", "meningitidis", "gonorrhoeae", "monocytogenes", "burgdorferi", "falciparum",
        "gondii", "lamblia", "fumigatus", "nidulans", "norvegica", "hominis", "oralis", "mitis", "sanguinis",
        "borealis", "septentrionalis", "arctica", "lofotensis",
    ];

    public static readonly string[] Measures = ["concentration", "mass", "level", "rate", "ratio", "presence", "count", "activity", "volume"];

    public static readonly string[] Specimens = ["serum", "plasma", "urine", "blood", "cerebrospinal fluid", "sputum", "saliva", "synovial fluid", "faeces"];

    public static readonly string[] Events = ["fall", "collision", "exposure to", "accidental ingestion of", "burn from", "bite by", "injury caused by", "contact with"];

    public static readonly string[] Materials = ["silicone", "titanium", "plastic", "steel", "latex", "ceramic", "polyurethane", "cobalt-chromium"];

    public static readonly string[] Devices = ["catheter", "stent", "prosthesis", "implant", "syringe", "needle", "bandage", "splint", "tube", "valve", "screw", "plate", "pump"];

    public static readonly string[] Qualifiers =
    [
        "moderate", "severe", "mild", "grade", "stage", "type", "class", "phase", "degree", "level", "score",
        "intermittent", "persistent", "progressive", "stable", "transient", "early", "late", "high", "low",
    ];

    /// <summary>Organ nouns with an adjective: the synonyms "Renal calculus" beside "Kidney calculus".</summary>
    public static readonly Dictionary<string, string> Adjectives = new()
    {
        ["kidney"] = "renal", ["liver"] = "hepatic", ["heart"] = "cardiac", ["lung"] = "pulmonary",
        ["stomach"] = "gastric", ["spleen"] = "splenic", ["pancreas"] = "pancreatic", ["brain"] = "cerebral",
        ["eye"] = "ocular", ["ear"] = "aural", ["nose"] = "nasal", ["skin"] = "cutaneous", ["breast"] = "mammary",
        ["uterus"] = "uterine", ["ovary"] = "ovarian", ["testis"] = "testicular", ["bone marrow"] = "medullary",
        ["artery"] = "arterial", ["vein"] = "venous", ["muscle"] = "muscular", ["tongue"] = "lingual",
        ["tooth"] = "dental", ["lip"] = "labial", ["colon"] = "colonic", ["rectum"] = "rectal", ["aorta"] = "aortic",
    };

    /// <summary>Word replacements for acceptable synonyms.</summary>
    public static readonly Dictionary<string, string> Synonyms = new()
    {
        ["ulcer"] = "ulceration", ["haemorrhage"] = "bleeding", ["neoplasm"] = "growth", ["pain"] = "ache",
        ["excision"] = "removal", ["incision"] = "cutting", ["oedema"] = "swelling", ["fracture"] = "break",
        ["infarct"] = "infarction", ["acute"] = "sudden onset", ["chronic"] = "long-standing", ["tumour"] = "growth",
        ["inflammation"] = "inflammatory lesion", ["malignant"] = "cancerous", ["benign"] = "non-cancerous",
        ["radiography"] = "X-ray", ["examination"] = "assessment", ["removal"] = "extraction", ["repair"] = "restoration",
        ["obstruction"] = "blockage", ["cyst"] = "cystic lesion", ["scar"] = "cicatrix", ["rupture"] = "tear",
        ["mass"] = "lump", ["itching"] = "pruritus", ["redness"] = "erythema", ["swelling"] = "tumefaction",
    };

    private static readonly (string British, string American)[] Spellings =
    [
        ("haem", "hem"), ("oedema", "edema"), ("oesophag", "esophag"), ("tumour", "tumor"), ("anaem", "anem"),
        ("sulph", "sulf"), ("paediatric", "pediatric"), ("orrhoea", "orrhea"), ("isation", "ization"), ("colour", "color"),
        ("faec", "fec"), ("ising", "izing"), ("Haem", "Hem"), ("Oesophag", "Esophag"), ("Paediatric", "Pediatric"),
    ];

    public static string American(string british)
    {
        var s = british;
        foreach (var (gb, us) in Spellings)
        {
            s = s.Replace(gb, us, StringComparison.Ordinal);
        }

        return s;
    }

    public static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
