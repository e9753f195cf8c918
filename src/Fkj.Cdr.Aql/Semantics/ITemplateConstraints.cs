using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Semantics;

/// <summary>
/// What the registered templates allow below an archetyped node, for paths at which no data has been stored yet: a
/// node id that no template has there (<c>items[at9999]</c>) makes the path impossible, an error rather than an empty
/// answer. An attribute a template leaves unconstrained allows anything.
/// </summary>
public interface ITemplateConstraints
{
    /// <summary>
    /// Whether a template has a node with this archetype or node id, of <paramref name="type"/> or a subtype, with the
    /// path below it; null when no template has such a node at all (nothing can be said).
    /// </summary>
    bool? Allows(RmType type, string nodeId, IReadOnlyList<PathPart> parts);
}
