namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>A synthetic person: a synthetic fødselsnummer and what it says (birth date and sex).</summary>
public sealed record Subject(string Fodselsnummer, DateOnly BirthDate, bool Female)
{
    /// <summary>
    /// The PARTY_REF namespace of the subjects' ids. It says "synthetic" on its own, so a synthetic id is
    /// recognisable even where only the namespace is looked at (the numbers themselves are synthetic too:
    /// month + 80).
    /// </summary>
    public const string Namespace = "no.fkj.syntetisk.fnr";

    /// <summary>The GENERIC_ID scheme of the subjects' ids.</summary>
    public const string Scheme = "fnr-syntetisk";

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        if (date < BirthDate.AddYears(age)) age--;
        return age;
    }
}
