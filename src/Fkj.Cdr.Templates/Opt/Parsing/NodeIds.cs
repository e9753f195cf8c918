using System.Text.RegularExpressions;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>The syntax of the codes and identifiers an OPT uses to name things.</summary>
internal static partial class NodeIds
{
    /// <summary>An at-code, possibly specialised: <c>at0001</c>, <c>at0000.1</c>, <c>at0.1</c>.</summary>
    public static bool IsAtCode(string code) => AtCodeRegex().IsMatch(code);

    /// <summary>An ac-code (constraint code): <c>ac0001</c>.</summary>
    public static bool IsAcCode(string code) => AcCodeRegex().IsMatch(code);

    /// <summary>
    /// The RM entity an ADL 1.4 archetype id names, e.g. <c>OBSERVATION</c> in
    /// <c>openEHR-EHR-OBSERVATION.blood_pressure.v2</c>; null when the id is malformed.
    /// </summary>
    public static string? ArchetypeEntity(string archetypeId)
    {
        var match = ArchetypeIdRegex().Match(archetypeId);
        return match.Success ? match.Groups["entity"].Value : null;
    }

    [GeneratedRegex(@"^at\d+(\.\d+)*$")]
    private static partial Regex AtCodeRegex();

    [GeneratedRegex(@"^ac\d+(\.\d+)*$")]
    private static partial Regex AcCodeRegex();

    // originator-rm_name-entity.concept(-specialisation)*.vN, with an optional minor/patch version and status.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*-[A-Za-z][A-Za-z0-9_]*-(?<entity>[A-Za-z][A-Za-z0-9_]*)\.[A-Za-z0-9][A-Za-z0-9_-]*\.v\d+(\.\d+)*(-[A-Za-z0-9_.]+)?$")]
    private static partial Regex ArchetypeIdRegex();
}
