using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.WebTemplates;
using Fkj.Cdr.Templates.WebTemplates.Building;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Builds the <see cref="FlatNode"/> tree of a web template. For each node it finds the RM steps from
/// its parent's object by comparing the two AQL paths, and the OPT constraint of each intermediate step
/// by walking up from the node's own constraint (or, for an RM attribute node, the object it belongs to),
/// so that intermediate objects get the template's RM type, node id and name.
/// </summary>
internal static class FlatSchemaBuilder
{
    public static FlatNode Build(WebTemplate webTemplate)
    {
        var tree = webTemplate.Tree;
        var root = new FlatNode
        {
            Source = tree,
            Kind = FlatKind.Complex,
            RmType = RmModel.Find(tree.RmType),
            Addressable = true,
            NodeId = tree.NodeId,
            DefaultName = FlatNames.Of(tree.Constraint, tree.Name, webTemplate.DefaultLanguage),
        };
        AddChildren(root, FlatAqlSteps.Parse(tree.AqlPath), webTemplate.DefaultLanguage);
        return root;
    }

    private static void AddChildren(FlatNode node, AqlStep[] path, string language)
    {
        var sources = node.Source.Children;
        var children = new FlatNode[sources.Count];
        for (var i = 0; i < sources.Count; i++) children[i] = Child(node, sources[i], i, path, language);
        node.SetChildren(children);
        AssignSlots(node);
        MarkSubtypeChoices(children);
        node.SetAliases(Aliases(children));
        if (node.RmType?.Name == "ELEMENT")
        {
            var values = children.Where(c => c.Addressable && c.Steps is [{ Attribute: "value" }]).ToList();
            node.SetSingleValueChild(values.Count == 1 ? values[0] : null);
        }
    }

    /// <summary>
    /// The SDK's ids for siblings that share a base id (the id made from the name): the first in template
    /// order has the base, the k-th base + k. Where that differs from the web template's id, it is an alias.
    /// </summary>
    private static Dictionary<string, FlatNode> Aliases(FlatNode[] children)
    {
        var map = new Dictionary<string, FlatNode>(StringComparer.Ordinal);
        var ids = children.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in children.Where(c => c.Addressable).GroupBy(BaseId))
        {
            var k = 0;
            foreach (var child in group.OrderBy(c => c.Order))
            {
                k++;
                var sdkId = k == 1 ? group.Key : group.Key + k;
                if (sdkId != child.Id && !ids.Contains(sdkId)) map.TryAdd(sdkId, child);
            }
        }

        return map;
    }

    /// <summary>The id without the number the web template added to tell siblings apart.</summary>
    private static string BaseId(FlatNode node)
    {
        var id = node.Id;
        var fromName = node.Source.Name is { Length: > 0 } name ? FlatIds.FromName(name) : id;
        if (id.Length > fromName.Length && id.StartsWith(fromName, StringComparison.Ordinal) && id[fromName.Length..].All(char.IsAsciiDigit))
            return fromName;
        return id;
    }

    private static FlatNode Child(FlatNode parent, WebTemplateNode source, int order, AqlStep[] parentPath, string language)
    {
        var path = FlatAqlSteps.Parse(source.AqlPath);
        var kind = FlatKinds.Of(source.RmType);
        var elementKind = kind == FlatKind.Interval ? FlatKinds.Of(IntervalElement(source.RmType)) : FlatKind.Unsupported;
        var steps = Steps(parent, source, kind, parentPath, path, language, out var elementStep);
        var codeInput = source.Inputs.FirstOrDefault(i => i.Suffix == "code")
                        ?? (kind is FlatKind.Ordinal or FlatKind.Scale ? source.Inputs.FirstOrDefault(i => i.Suffix is null) : null);
        var node = new FlatNode
        {
            Source = source,
            Parent = parent,
            Order = order,
            Kind = steps is null ? FlatKind.Unsupported : kind,
            ElementKind = elementKind,
            RmType = RmModel.Find(kind == FlatKind.Interval ? "DV_INTERVAL" : source.RmType),
            Addressable = steps is not null,
            Steps = steps ?? [],
            ElementStep = elementStep,
            NodeId = kind == FlatKind.Complex ? source.NodeId : null,
            DefaultName = kind == FlatKind.Complex && IsLocatable(source.RmType) ? FlatNames.Of(source.Constraint, source.Name, language) : null,
            Codes = codeInput?.List ?? [],
            CodeTerminology = codeInput?.Terminology,
            HasOther = source.Inputs.Any(i => i.Suffix == "other"),
            Units = source.Inputs.FirstOrDefault(i => i.Suffix == "unit")?.List ?? [],
            ProportionTypes = source.ProportionTypes,
            OpenEhrGroup = steps is { Length: > 0 } && kind is FlatKind.CodedText or FlatKind.Text ? OpenEhrTerms.GroupOf(steps[^1].Attribute) : null,
        };
        AddChildren(node, path, language);
        return node;
    }

    /// <summary>
    /// The steps from the parent's object to the node's, or null when the node cannot be placed: its
    /// path does not extend the parent's, or it is an RM attribute hoisted out of an object the template
    /// does not constrain (INSTRUCTION_DETAILS' activity_id), which FLAT writes as <c>_instruction_details</c>.
    /// </summary>
    private static FlatStep[]? Steps(FlatNode parent, WebTemplateNode source, FlatKind kind, AqlStep[] parentPath, AqlStep[] path,
        string language, out int elementStep)
    {
        elementStep = -1;
        if (kind == FlatKind.Unsupported || path.Length <= parentPath.Length) return null;
        for (var i = 0; i < parentPath.Length; i++)
        {
            if (path[i].Attribute != parentPath[i].Attribute || path[i].NodeId != parentPath[i].NodeId) return null;
        }

        var relative = path[parentPath.Length..];
        // An ELEMENT's own RM attributes (a constrained null flavour) are written as _null_flavour, not as nodes.
        if (parent.RmType?.Name == "ELEMENT" && relative[^1].Attribute != "value") return null;
        var anchor = source.Constraint ?? source.AttributeOf;
        if (anchor is null && relative.Length > 1) return null;

        var constraints = Constraints(source, anchor, parentPath.Length, relative);
        var steps = new FlatStep[relative.Length];
        var owner = parent.RmType;
        for (var i = 0; i < relative.Length - 1; i++)
        {
            var typeName = constraints[i]?.RmTypeName ?? owner?.FindAttribute(relative[i].Attribute)?.ValueType?.Name;
            var type = typeName is null ? null : Concrete(typeName);
            if (type is null) return null;
            var isElement = i == relative.Length - 2 && type.Name == "ELEMENT" && relative[^1].Attribute == "value"
                            && (kind.IsDataValue() || kind == FlatKind.Interval);
            if (isElement) elementStep = i;
            steps[i] = new FlatStep
            {
                Attribute = relative[i].Attribute,
                NodeId = relative[i].NodeId ?? NodeIdOf(constraints[i]),
                Name = relative[i].Name,
                Type = type,
                Constraint = constraints[i],
                DefaultName = type.IsSubtypeOf(LocatableType)
                    ? FlatNames.Of(constraints[i], isElement ? source.Name : relative[i].Name, language)
                    : null,
            };
            owner = type;
        }

        var last = relative[^1];
        steps[^1] = new FlatStep { Attribute = last.Attribute, NodeId = last.NodeId, Name = last.Name };
        return steps;
    }

    /// <summary>
    /// The OPT constraint of each relative step, found by walking up from the anchor (the node's own
    /// constraint, or for an RM attribute the object it belongs to); all null when the walk does not line
    /// up with the path (depths or node ids differ).
    /// </summary>
    private static CObject?[] Constraints(WebTemplateNode source, CObject? anchor, int parentDepth, AqlStep[] relative)
    {
        var constraints = new CObject?[relative.Length];
        if (anchor is null) return constraints;
        var anchorIndex = source.Constraint is not null ? relative.Length - 1 : relative.Length - 2;
        if (anchorIndex < 0 || Depth(anchor) != parentDepth + anchorIndex + 1) return constraints;
        var current = anchor;
        for (var i = anchorIndex; i >= 0 && current is not null; i--)
        {
            constraints[i] = current;
            current = current.Parent?.Owner;
        }

        for (var i = 0; i < relative.Length; i++)
        {
            if (relative[i].NodeId is { } nodeId && constraints[i] is { } c && NodeIdOf(c) is { } own && own != nodeId)
                return new CObject?[relative.Length];
        }

        return constraints;
    }

    private static int Depth(CObject constraint)
    {
        var depth = 0;
        for (var c = constraint; c.Parent is not null; c = c.Parent.Owner) depth++;
        return depth;
    }

    private static string? NodeIdOf(CObject? constraint) => constraint switch
    {
        null => null,
        CArchetypeRoot root => root.ArchetypeId,
        _ => constraint.NodeId.Length > 0 ? constraint.NodeId : null,
    };

    /// <summary>Numbers the intermediate steps the children of one occurrence share, by their path from the node.</summary>
    private static void AssignSlots(FlatNode node)
    {
        Dictionary<string, int>? slots = null;
        foreach (var child in node.Children)
        {
            if (!child.Addressable) continue;
            var key = "";
            for (var i = 0; i < child.Steps.Length - 1; i++)
            {
                var step = child.Steps[i];
                key += $"/{step.Attribute}[{step.NodeId}|{step.Name}]";
                if (i == child.ElementStep) continue;
                slots ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (!slots.TryGetValue(key, out var slot))
                {
                    slot = slots.Count;
                    slots[key] = slot;
                }

                step.Slot = slot;
            }
        }

        node.SlotCount = slots?.Count ?? 0;
    }

    /// <summary>A DV_TEXT (DV_URI) node takes a DV_CODED_TEXT (DV_EHR_URI) only where no sibling at its path is that subtype.</summary>
    private static void MarkSubtypeChoices(FlatNode[] children)
    {
        foreach (var child in children)
        {
            var subtype = child.Kind switch
            {
                FlatKind.Text => FlatKind.CodedText,
                FlatKind.Uri => FlatKind.EhrUri,
                _ => FlatKind.Unsupported,
            };
            if (subtype == FlatKind.Unsupported) continue;
            var path = Unnamed(child.Source.AqlPath);
            child.AcceptsSubtype = !children.Any(c => c.Kind == subtype && Unnamed(c.Source.AqlPath) == path);
        }
    }

    private static string Unnamed(string aqlPath) =>
        string.Join("/", FlatAqlSteps.Parse(aqlPath).Select(s => $"{s.Attribute}[{s.NodeId}]"));

    private static readonly RmType LocatableType = RmModel.Get("LOCATABLE");

    private static bool IsLocatable(string rmType) => RmModel.Find(rmType) is { } type && type.IsSubtypeOf(LocatableType);

    private static string IntervalElement(string rmType)
    {
        var lt = rmType.IndexOf('<');
        var gt = rmType.LastIndexOf('>');
        return lt >= 0 && gt > lt ? rmType[(lt + 1)..gt].Trim() : "";
    }

    private static readonly Dictionary<string, string> AbstractDefaults = new(StringComparer.Ordinal)
    {
        ["EVENT"] = "POINT_EVENT",
        ["ITEM_STRUCTURE"] = "ITEM_TREE",
        ["DATA_STRUCTURE"] = "ITEM_TREE",
        ["ITEM"] = "ELEMENT",
        ["CARE_ENTRY"] = "OBSERVATION",
        ["CONTENT_ITEM"] = "SECTION",
    };

    /// <summary>The RM type FLAT makes where the template names <paramref name="name"/>: itself, or the usual subtype of an abstract type.</summary>
    public static RmType? Concrete(string name)
    {
        var type = RmModel.Find(name);
        if (type is null || !type.IsAbstract) return type;
        return AbstractDefaults.TryGetValue(name, out var concrete) ? RmModel.Find(concrete) : null;
    }
}
