using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Semantics;

/// <summary>
/// One step of a catalogued path: the attribute that leads to it (empty for the root), the archetype node id
/// of a LOCATABLE (null otherwise), its RM type, and its place among the LOCATABLEs: <see cref="Depth"/> is how
/// many LOCATABLE steps there are after the root up to and including this one, so a LOCATABLE's own pre-order
/// number is the <see cref="Depth"/>-th 16-bit number of a leaf row's <c>ancestors</c>, and the bytes of the
/// LOCATABLE that holds a non-LOCATABLE step are the first 2 × <see cref="Depth"/>.
/// </summary>
public sealed record PathStep(string Attribute, string? NodeId, RmType Type, bool IsLocatable, int Depth);

/// <summary>A path of the storage's dictionary (<c>archetype_path</c>): its id and its steps, root first.</summary>
public sealed class CataloguedPath
{
    private static readonly RmType Locatable = RmModel.Get("LOCATABLE");

    public CataloguedPath(int id, IReadOnlyList<PathStep> steps)
    {
        Id = id;
        Steps = steps;
    }

    public int Id { get; }

    public IReadOnlyList<PathStep> Steps { get; }

    /// <summary>The RM type of the root (COMPOSITION, EHR_STATUS, FOLDER).</summary>
    public RmType RootType => Steps[0].Type;

    /// <summary>
    /// Parses a dictionary row: <c>[openEHR-EHR-COMPOSITION.encounter.v1]/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]/...</c>
    /// with its RM types, root first. Null when the row does not read (an RM type this build does not know).
    /// </summary>
    public static CataloguedPath? Parse(int id, string path, IReadOnlyList<string> rmTypes)
    {
        var steps = new List<PathStep>(rmTypes.Count);
        var depth = 0;
        var i = 0;
        var index = 0;
        while (i < path.Length)
        {
            var attribute = "";
            if (path[i] == '/')
            {
                var start = ++i;
                while (i < path.Length && path[i] is not '/' and not '[') i++;
                attribute = path[start..i];
            }
            string? nodeId = null;
            if (i < path.Length && path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0) return null;
                nodeId = path[(i + 1)..close];
                i = close + 1;
            }
            if (index >= rmTypes.Count || RmModel.Find(rmTypes[index]) is not { } type) return null;
            var locatable = type.IsSubtypeOf(Locatable);
            if (locatable && index > 0) depth++;
            steps.Add(new PathStep(attribute, nodeId, type, locatable, depth));
            index++;
        }
        return index == rmTypes.Count && steps.Count > 0 ? new CataloguedPath(id, steps) : null;
    }

    public override string ToString() => string.Concat(Steps.Select(s => (s.Attribute.Length > 0 ? "/" + s.Attribute : "") + (s.NodeId is null ? "" : $"[{s.NodeId}]")));
}
