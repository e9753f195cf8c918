namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>Identifiers of the SNOMED CT metadata concepts that RF2 files refer to.</summary>
public static class SnomedIds
{
    public const long Root = 138875005;
    public const long IsA = 116680003;

    public const long Fsn = 900000000000003001;
    public const long Synonym = 900000000000013009;
    public const long Definition = 900000000000550004;

    public const long Preferred = 900000000000548007;
    public const long Acceptable = 900000000000549004;

    public const long GbEnglish = 900000000000508004;
    public const long UsEnglish = 900000000000509007;
    /// <summary>The Norwegian extension's bokmål language reference set.</summary>
    public const long NorwegianBokmal = 61000202103;

    public const long InferredRelationship = 900000000000011006;
    public const long StatedRelationship = 900000000000010007;
    public const long ExistentialRestriction = 900000000000451002;

    public const long Primitive = 900000000000074008;
    public const long Defined = 900000000000073002;

    public const long CoreModule = 900000000000207008;
    public const long ModelComponentModule = 900000000000012004;

    public const long CaseInsensitive = 900000000000448009;
    public const long CaseSensitive = 900000000000017005;
    public const long InitialCharacterCaseInsensitive = 900000000000020002;

    public const long SameAs = 900000000000527005;
    public const long ReplacedBy = 900000000000526001;
    public const long PossiblyEquivalentTo = 900000000000523009;
}
