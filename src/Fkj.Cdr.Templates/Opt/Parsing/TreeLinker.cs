using System.Xml.Linq;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Links the finished tree: every node to its enclosing archetype root, every internal reference to
/// its target, and resolves the paths template constraints use to attach default values.
/// </summary>
internal sealed class TreeLinker(OptContext context, string language, IReadOnlyDictionary<CObject, XElement> elements)
{
    public void LinkArchetypeRoots(CArchetypeRoot definition)
    {
        var stack = new Stack<(CObject Node, CArchetypeRoot Root)>();
        stack.Push((definition, definition));
        while (stack.TryPop(out var entry))
        {
            var (node, root) = entry;
            if (node is CArchetypeRoot own) root = own;
            node.ArchetypeRoot = root;
            if (node is not CComplexObject complex) continue;
            foreach (var attribute in complex.Attributes)
            foreach (var child in attribute.Children)
                stack.Push((child, root));
        }
    }

    /// <summary>Resolves each ARCHETYPE_INTERNAL_REF's target_path against its archetype root; a path to nothing is an error.</summary>
    public void ResolveInternalReferences(IEnumerable<CObject> nodes)
    {
        foreach (var reference in nodes.OfType<ArchetypeInternalRef>())
        {
            var element = elements.GetValueOrDefault(reference);
            if (reference.TargetPath.Length == 0 || reference.ArchetypeRoot is not { } root) continue;
            var parsed = OpenEhrPath.Parse(reference.TargetPath);
            if (parsed is not { Root: null } path)
            {
                context.Error(OptErrorCodes.InvalidValue, $"target_path '{OptContext.Excerpt(reference.TargetPath)}' is not a valid path", element, reference.Path);
                continue;
            }

            var (target, problem) = Resolve(root, path.Segments);
            if (target is null)
            {
                context.Error(OptErrorCodes.UnresolvedPath,
                    $"target_path {reference.TargetPath} does not resolve in {root.ArchetypeId}: {problem}", element, reference.Path);
                continue;
            }

            var targetType = RmModel.Find(target.RmTypeName);
            var referenceType = RmModel.Find(reference.RmTypeName);
            if (targetType is not null && referenceType is not null && !targetType.IsSubtypeOf(referenceType))
                context.Error(OptErrorCodes.TypeMismatch,
                    $"target_path {reference.TargetPath} names a {target.RmTypeName}, not a {reference.RmTypeName}", element, reference.Path);
            reference.Target = target;
        }
    }

    /// <summary>
    /// Walks <paramref name="segments"/> from <paramref name="start"/>. A step picks the children of the
    /// attribute with the node id given (all of them when none is); where several remain, the name in
    /// the predicate chooses among them. Returns the node, or null and why not.
    /// </summary>
    public (CObject? Node, string Problem) Resolve(CObject start, IReadOnlyList<PathSegment> segments)
    {
        var node = start;
        foreach (var segment in segments)
        {
            if (node is not CComplexObject complex)
                return (null, $"{node.RmTypeName} at {node.Path} has no attributes");
            var attribute = complex.Attribute(segment.Attribute);
            if (attribute is null)
                return (null, $"{node.Path} constrains no attribute '{segment.Attribute}'");
            var candidates = attribute.Children.Where(c => segment.NodeId is null || c.NodeId == segment.NodeId).ToList();
            if (candidates.Count > 1 && segment.Name is { } name)
            {
                var named = candidates.Where(c => HasName(c, name)).ToList();
                if (named.Count > 0) candidates = named;
            }

            var step = $"{segment.Attribute}{(segment.NodeId is null ? "" : $"[{segment.NodeId}]")}";
            if (candidates.Count == 0) return (null, $"{node.Path} has no child {step}");
            if (candidates.Count > 1) return (null, $"{node.Path} has {candidates.Count} children {step}{(segment.Name is null ? "" : $" named '{segment.Name}'")}");
            node = candidates[0];
        }

        return (node, "");
    }

    /// <summary>
    /// Whether the node is called <paramref name="name"/>: by the names its name constraint allows,
    /// or, where it does not constrain its name to a list, by its term.
    /// </summary>
    private bool HasName(CObject node, string name)
    {
        var constrained = false;
        if (node is CComplexObject complex && complex.Attribute("name") is { } nameAttribute)
        {
            foreach (var text in nameAttribute.Children.OfType<CComplexObject>())
            {
                foreach (var value in text.Attribute("value")?.Children.OfType<CPrimitiveObject>() ?? [])
                {
                    if (value.Item is not CString { List.Count: > 0 } names) continue;
                    constrained = true;
                    if (names.List.Contains(name)) return true;
                }

                foreach (var phrase in text.Attribute("defining_code")?.Children.OfType<CCodePhrase>() ?? [])
                {
                    if (!phrase.IsLocal || phrase.CodeList.Count == 0) continue;
                    constrained = true;
                    if (phrase.CodeList.Any(c => node.ArchetypeRoot?.Terminology.Term(c, language)?.Text == name)) return true;
                }
            }
        }

        if (constrained) return false;
        var code = node is CArchetypeRoot root ? root.RootNodeId : node.NodeId;
        return code.Length > 0 && node.ArchetypeRoot?.Terminology.Term(code, language)?.Text == name;
    }
}
