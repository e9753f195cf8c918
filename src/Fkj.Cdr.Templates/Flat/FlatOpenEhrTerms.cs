using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Templates.WebTemplates.Building;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// openEHR terminology look-ups for the coded RM attributes FLAT names by code or by rubric: setting,
/// null flavour, participation mode, math function, instruction state, subject relationship.
/// </summary>
internal static class FlatOpenEhrTerms
{
    public const string Setting = "setting";
    public const string NullFlavours = "null flavours";
    public const string ParticipationMode = "participation mode";
    public const string MathFunction = "event math function";
    public const string InstructionStates = "instruction states";
    public const string SubjectRelationship = "subject relationship";

    /// <summary>The term of <paramref name="group"/> whose code or rubric is <paramref name="codeOrRubric"/> (rubrics ignore case).</summary>
    public static (string Code, string Rubric)? Find(string group, string codeOrRubric)
    {
        var terms = OpenEhrTerms.Terms([], group);
        foreach (var term in terms)
        {
            if (term.Code == codeOrRubric) return term;
        }

        foreach (var term in terms)
        {
            if (string.Equals(term.Rubric, codeOrRubric, StringComparison.OrdinalIgnoreCase)) return term;
        }

        return null;
    }

    /// <summary>The rubric of an openehr code (in <paramref name="group"/> when given), or null when unknown.</summary>
    public static string? Rubric(string code, string? group)
    {
        foreach (var term in OpenEhrTerms.Terms([], group))
        {
            if (term.Code == code) return term.Rubric;
        }

        return null;
    }

    public static DvCodedText Coded(string code, string rubric) => new()
    {
        Value = rubric,
        DefiningCode = new CodePhrase { TerminologyId = new TerminologyId { Value = "openehr" }, CodeString = code },
    };
}
