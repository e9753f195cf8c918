using Fkj.Cdr.Aql.Semantics;
using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Server.Query;

/// <summary>
/// What a tenant's templates allow below their archetyped nodes (<see cref="ITemplateConstraints"/>): the nodes of
/// every template by archetype and node id, and a walk of a path's attributes and node ids down their constraints.
/// An attribute a template does not constrain, a slot and an internal reference allow anything below them.
/// </summary>
public sealed class TemplatePathConstraints : ITemplateConstraints
{
    private readonly Dictionary<string, List<CComplexObject>> _byNodeId = new(StringComparer.Ordinal);

    public TemplatePathConstraints(IEnumerable<OperationalTemplate> templates)
    {
        foreach (var template in templates)
        {
            Index(template.Definition);
        }
    }

    private void Index(CObject node)
    {
        if (node is not CComplexObject complex) return;
        foreach (var id in Ids(complex))
        {
            if (!_byNodeId.TryGetValue(id, out var list)) _byNodeId[id] = list = [];
            list.Add(complex);
        }
        foreach (var attribute in complex.Attributes)
        {
            foreach (var child in attribute.Children) Index(child);
        }
    }

    private static IEnumerable<string> Ids(CObject node) => node is CArchetypeRoot root
        ? new[] { root.ArchetypeId, root.NodeId }.Where(i => i.Length > 0).Distinct()
        : node.NodeId.Length > 0 ? [node.NodeId] : [];

    public bool? Allows(RmType type, string nodeId, IReadOnlyList<PathPart> parts)
    {
        if (!_byNodeId.TryGetValue(nodeId, out var nodes)) return null;
        var anchors = nodes.Where(n => RmModel.Find(n.RmTypeName) is { } t && t.IsSubtypeOf(type)).ToList();
        if (anchors.Count == 0) return null;
        return anchors.Any(a => Allows(a, parts, 0));
    }

    private static bool Allows(CObject node, IReadOnlyList<PathPart> parts, int index)
    {
        if (index == parts.Count || node is not CComplexObject complex) return true;
        var part = parts[index];
        if (complex.Attribute(part.Attribute) is not { } attribute || attribute.Children.Count == 0) return true;
        var nodeId = (part.Predicate as NodePredicate)?.NodeId;
        foreach (var child in attribute.Children)
        {
            if (nodeId is not null && !Ids(child).Contains(nodeId) && child is not (ArchetypeSlot or ArchetypeInternalRef)) continue;
            if (child is ArchetypeSlot or ArchetypeInternalRef || Allows(child, parts, index + 1)) return true;
        }
        return false;
    }
}

/// <summary>The server's path catalogue with a tenant's templates beside it.</summary>
internal sealed class TenantPathCatalogue(IPathCatalogue paths, ITemplateConstraints templates) : IPathCatalogue
{
    public long Version => paths.Version;

    public IReadOnlyList<CataloguedPath> Paths => paths.Paths;

    public ITemplateConstraints Templates => templates;
}

/// <summary>The templates before they are read: asking them stops the compilation, which is then run again with them.</summary>
internal sealed class TemplatesNotLoaded : ITemplateConstraints
{
    public static readonly TemplatesNotLoaded Instance = new();

    public bool? Allows(RmType type, string nodeId, IReadOnlyList<PathPart> parts) => throw new TemplatesNotLoadedException();
}

internal sealed class TemplatesNotLoadedException : Exception;
