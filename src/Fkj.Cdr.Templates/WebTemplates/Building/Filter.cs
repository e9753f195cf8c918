namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>
/// The second pass, the SDK's web template filter: drops what a form does not show (structure nodes
/// such as HISTORY and ITEM_TREE, a single event, an ELEMENT with one value, optional RM attributes,
/// open slots) and hoists their children into the parent, merges a DV_CODED_TEXT/DV_TEXT choice into
/// one node, and numbers duplicate ids again among the new siblings.
/// </summary>
internal static class Filter
{
    private static readonly HashSet<string> StructureTypes =
        ["HISTORY", "ITEM_TREE", "ITEM_LIST", "ITEM_SINGLE", "ITEM_TABLE", "ITEM_STRUCTURE"];

    private static readonly HashSet<string> AttributesNeverShown =
        ["name", "archetype_node_id", "origin", "media_type", "upper_included", "lower_included", "upper_unbounded", "lower_unbounded"];

    public static DraftNode Apply(DraftNode root) => Visit(root, new Stack<DraftNode>())[0];

    private static List<DraftNode> Visit(DraftNode node, Stack<DraftNode> parents)
    {
        PreHandle(node);
        parents.Push(node);
        var filtered = new List<DraftNode>();
        foreach (var child in node.Children) filtered.AddRange(Visit(child, parents));
        parents.Pop();
        node.Children = filtered;

        List<DraftNode> result;
        if (Skip(node, parents.TryPeek(out var parent) ? parent : null))
        {
            if (node.RmType == "ELEMENT")
            {
                foreach (var child in node.Children)
                {
                    child.Min = node.Min;
                    child.Max = node.Max;
                }
            }

            result = filtered;
        }
        else
        {
            result = [node];
        }

        Generator.MakeIdUnique(node);
        return result;
    }

    private static void PreHandle(DraftNode node)
    {
        var transitions = node.Children.Where(c => c.RmType == "ISM_TRANSITION").ToList();
        if (transitions.Count > 0)
        {
            node.Children.RemoveAll(c => c.RmType == "ISM_TRANSITION");
            node.Children.Add(transitions[0]);
        }

        if (node.RmType != "ELEMENT") return;
        if (IsChoiceOfCodedTextAndText(node))
        {
            var merged = MergeTextChoice(node);
            merged.Id = node.FullId;
            node.Children.Clear();
            node.Children.Add(merged);
        }
        else
        {
            var values = Generator.TrueChildren(node);
            // The ELEMENT is dropped and its value takes over its id.
            if (values.Count == 1) values[0].Id = node.FullId;
        }
    }

    private static bool IsChoiceOfCodedTextAndText(DraftNode node)
    {
        var ids = Generator.TrueChildren(node).Select(c => c.FullId).ToList();
        return ids.Count == 2 && ids.Contains("coded_text_value") && ids.Contains("text_value")
               && node.Children.GroupBy(c => c.Path.Format(true)).Any(g => g.Count() > 1);
    }

    /// <summary>A DV_CODED_TEXT that also takes free text: its code list is open and an <c>other</c> input is added.</summary>
    private static DraftNode MergeTextChoice(DraftNode node)
    {
        var coded = node.FindChild("coded_text_value")!;
        var merged = new DraftNode
        {
            Id = "value",
            Name = node.Name,
            Max = node.Max,
            Min = node.Min,
            RmType = "DV_CODED_TEXT",
            Path = coded.Path,
            LocalizedName = node.LocalizedName,
            Annotations = node.Annotations,
            Constraint = coded.Constraint,
        };
        merged.Inputs.AddRange(coded.Inputs);
        foreach (var (k, v) in node.LocalizedDescriptions) merged.LocalizedDescriptions[k] = v;
        foreach (var (k, v) in node.LocalizedNames) merged.LocalizedNames[k] = v;
        merged.Inputs.Add(new DraftInput("other", "TEXT"));
        if (merged.Inputs.FirstOrDefault(i => i.Suffix == "code") is { } code) code.ListOpen = true;
        return merged;
    }

    private static bool Skip(DraftNode node, DraftNode? parent)
    {
        if (node.IsArchetypeSlot) return true;
        if (parent is not null && IsOptionalRmAttribute(node, parent)) return true;
        if (StructureTypes.Contains(node.RmType)) return true;
        if (parent is not null && RmAttributeNodes.IsEvent(node.RmType))
            return parent.Children.Count(c => RmAttributeNodes.IsEvent(c.RmType)) == 1 && node.Max == 1;
        if (node.RmType == "ELEMENT") return node.Children.Count == 1;
        if (node.RmType == "CODE_PHRASE" && parent is not null) return parent.RmType == "DV_CODED_TEXT";
        return false;
    }

    private static bool IsOptionalRmAttribute(DraftNode node, DraftNode parent)
    {
        var optional = RmAttributeNodes.HasAttribute(parent.RmType, node.Name) && node.Min == 0;
        var neverShown = node.Name is not null && AttributesNeverShown.Contains(node.Name);
        var shownAnyway = (parent.RmType == "ACTIVITY" && node.Name == "timing")
                          || (parent.RmType == "INSTRUCTION" && node.Name == "expiry_time")
                          || (parent.RmType == "ISM_TRANSITION" && node.Name == "transition")
                          || (parent.RmType == "COMPOSITION" && node.Name == "context");
        return (optional || neverShown) && !shownAnyway;
    }
}
