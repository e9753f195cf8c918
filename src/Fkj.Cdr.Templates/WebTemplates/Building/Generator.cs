using System.Text.RegularExpressions;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Terminology;

namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>
/// The first pass: walks the OPT and makes the full web template tree the way the openEHR SDK's
/// OPTParser does (every RM structure node, names, choices, RM attributes, inputs), before
/// <see cref="Filter"/> removes the structure a form does not show.
/// </summary>
internal sealed partial class Generator
{
    /// <summary>The value types an unconstrained ELEMENT may hold, each a choice of its own.</summary>
    private static readonly string[] AnyValueTypes =
    [
        "DV_TEXT", "DV_CODED_TEXT", "DV_MULTIMEDIA", "DV_PARSABLE", "DV_STATE", "DV_BOOLEAN", "DV_IDENTIFIER", "DV_URI",
        "DV_EHR_URI", "DV_DURATION", "DV_QUANTITY", "DV_COUNT", "DV_PROPORTION", "DV_DATE_TIME", "DV_TIME", "DV_ORDINAL", "DV_DATE",
    ];

    private readonly OperationalTemplate template;
    private readonly string language;
    private readonly IReadOnlyList<string> languages;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> annotations = new(StringComparer.Ordinal);

    public Generator(OperationalTemplate template, IReadOnlyList<string> languages)
    {
        this.template = template;
        language = template.Language;
        this.languages = languages;
        foreach (var (path, items) in template.Annotations)
        {
            // Annotation paths start with the template root's archetype id, node paths do not.
            annotations[LeadingArchetypeId().Replace(path, "")] = items;
        }
    }

    public DraftNode Generate() => ParseArchetypeRoot(template.Definition, AqlPath.Empty)[0];

    private sealed record Name(string? Label, IReadOnlyDictionary<string, string> LocalizedLabels);

    private DraftNode[] ParseArchetypeRoot(CArchetypeRoot root, AqlPath path)
    {
        var nodes = ParseComplexObject(root, path, root.Terminology, null);
        foreach (var node in nodes)
        {
            node.NodeId = root.ArchetypeId;
            AddRmAttributes(node, path);
        }

        return nodes;
    }

    private DraftNode[] ParseObject(CObject constraint, AqlPath path, ArchetypeTerminology terms, string attribute)
    {
        switch (constraint)
        {
            case CArchetypeRoot root:
                return ParseArchetypeRoot(root, string.IsNullOrWhiteSpace(root.ArchetypeId) ? path : path.WithLastNodeId(root.ArchetypeId));
            case CComplexObject complex:
            {
                var nodeId = RmAttributeNodes.IsLocatable(complex.RmTypeName) ? complex.NodeId : null;
                return ParseComplexObject(complex, string.IsNullOrWhiteSpace(nodeId) ? path : path.WithLastNodeId(nodeId), terms, attribute);
            }
            case CDvQuantity or CDvOrdinal or CDvScale or CCodePhrase:
                return [ParseDomainType(constraint, path, terms, attribute)];
            case ArchetypeSlot slot:
            {
                var node = BuildNode(slot, attribute, terms, null);
                node.Path = string.IsNullOrWhiteSpace(slot.NodeId) ? path : path.WithLastNodeId(slot.NodeId);
                node.IsArchetypeSlot = true;
                return [node];
            }
            default:
                // ARCHETYPE_INTERNAL_REF and CONSTRAINT_REF: the SDK makes no node for them.
                return [];
        }
    }

    private DraftNode[] ParseComplexObject(CComplexObject complex, AqlPath path, ArchetypeTerminology terms, string? attribute)
    {
        var nameNode = BuildNameNode(path, terms, complex);
        var names = nameNode?.Inputs
            .Where(i => i.Suffix is null or "code")
            .SelectMany(i => i.List)
            .Select(v => new Name(v.Label, v.LocalizedLabels))
            .ToArray() ?? [];

        if (names.Length > 1)
        {
            return names.Select(name =>
            {
                var node = BuildNodeWithName(complex, path, terms, attribute, name);
                var localNameNode = nameNode!.Clone();
                SetExplicitName(name, node, localNameNode);
                AddAnnotations(node, path);
                ParseComplexObjectSingle(complex, node.Path, terms, localNameNode, node);
                return node;
            }).ToArray();
        }

        var explicitName = names.Length == 0 ? null : names[0];
        var single = BuildNodeWithName(complex, path, terms, attribute, explicitName);
        if (nameNode is not null) SetExplicitName(explicitName, single, nameNode);
        AddAnnotations(single, path);
        ParseComplexObjectSingle(complex, single.Path, terms, nameNode, single);
        return [single];
    }

    private void AddAnnotations(DraftNode node, AqlPath path)
    {
        if (!annotations.TryGetValue(path.Format(true), out var items)) return;
        node.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in items) node.Annotations[key] = value;
    }

    private static void SetExplicitName(Name? name, DraftNode node, DraftNode nameNode)
    {
        nameNode.Path = node.Path.Add("name");
        if (name is null) return;
        var codeInput = nameNode.Inputs.FirstOrDefault(i => i.Suffix is null or "code");
        if (codeInput is not null)
        {
            var kept = codeInput.List.Where(v => v.Label == name.Label).ToList();
            codeInput.List.Clear();
            codeInput.List.AddRange(kept);
        }

        if (nameNode.FindChild("defining_code") is { } definingCode)
        {
            definingCode.Inputs.Clear();
            definingCode.Inputs.AddRange(nameNode.Inputs.Select(i => i.Clone()));
        }
    }

    private DraftNode BuildNodeWithName(CComplexObject complex, AqlPath path, ArchetypeTerminology terms, string? attribute, Name? name)
    {
        var node = BuildNode(complex, attribute, terms, name);
        node.Path = path;
        if (!string.IsNullOrWhiteSpace(complex.NodeId) && name is not null) node.Path = path.WithLastName(name.Label);
        return node;
    }

    private void ParseComplexObjectSingle(CComplexObject complex, AqlPath path, ArchetypeTerminology terms, DraftNode? nameNode, DraftNode node)
    {
        var inputMap = new Dictionary<string, DraftInput>(StringComparer.Ordinal);
        var cardinalities = new List<(DraftCardinality Cardinality, List<AqlPath> Paths)>();

        foreach (var attribute in complex.Attributes)
        {
            if (attribute.RmAttributeName == "name") continue;
            var attributePath = path.Add(attribute.RmAttributeName);
            var newChildren = new List<DraftNode>();
            foreach (var child in attribute.Children)
            {
                if (child is CPrimitiveObject primitive) inputMap[attribute.RmAttributeName] = Inputs.FromPrimitive(primitive);
                else newChildren.AddRange(ParseObject(child, attributePath, terms, attribute.RmAttributeName));
            }

            HandleActionIsmTransitions(path, node, attribute, newChildren);

            if (attribute.IsMultiple && attribute.Cardinality is { } cardinality)
            {
                var interval = cardinality.Interval;
                cardinalities.Add((new DraftCardinality(interval.Lower, interval.Upper ?? -1), newChildren.Select(c => c.Path).ToList()));
            }

            // Siblings that differ only by name need the name in their paths.
            foreach (var child in newChildren)
            {
                if (IsRelativePathNameDependent(node, child)) continue;
                if (!newChildren.Any(n => !n.Path.Equals(child.Path) && n.Path.Equals(child.Path, withNames: false))) continue;
                var named = child.Path.WithLastName(child.Name);
                foreach (var grandChild in child.Children) ReplaceParentPath(grandChild, child.Path, named);
                child.Path = named;
            }

            node.Children.AddRange(newChildren);
        }

        foreach (var group in node.Children.GroupBy(c => c.Path.Format(true)).Where(g => g.Count() > 1))
        {
            foreach (var choice in group) UpdateChoiceId(choice);
        }

        if (node.RmType == "ELEMENT")
        {
            if (node.Children.Count == 0)
            {
                foreach (var type in AnyValueTypes) AddAnyNode(node, type, inputMap);
            }
            else
            {
                var trueChildren = TrueChildren(node);
                foreach (var child in trueChildren) PushProperties(node, child);
                if (trueChildren.Count != 1 && !HasChoices(node))
                {
                    foreach (var child in TrueChildren(node))
                    {
                        if (!UpdateChoiceId(child)) continue;
                        foreach (var (k, v) in node.LocalizedDescriptions) child.LocalizedDescriptions[k] = v;
                        foreach (var (k, v) in node.LocalizedNames) child.LocalizedNames[k] = v;
                    }
                }
            }
        }

        if (node.RmType == "DV_CODED_TEXT")
        {
            var codePhrase = node.Matching(n => n.RmType == "CODE_PHRASE").FirstOrDefault();
            if (codePhrase is null)
            {
                node.Inputs.Add(new DraftInput("value", "TEXT"));
                node.Inputs.Add(new DraftInput("code", "TEXT"));
            }
            else
            {
                node.Inputs.AddRange(codePhrase.Inputs);
            }
        }

        if (nameNode is not null) node.Children.Add(nameNode);
        AddRmAttributes(node, path);

        if (node.Inputs.Count == 0) Inputs.AddByRmType(node, inputMap);

        MakeIdUnique(node);

        foreach (var (cardinality, paths) in cardinalities)
        {
            var nonTrivialMin = cardinality.Min > 1;
            var max = cardinality.Max ?? -1;
            if (!nonTrivialMin && max == -1) continue;
            var ids = paths.SelectMany(p => node.Matching(n => n.Path.Equals(p))).Select(n => n.FullId).ToList();
            if (nonTrivialMin || max < ids.Count)
            {
                cardinality.Ids = ids;
                node.Cardinalities.Add(cardinality);
            }
        }

        foreach (var child in node.Children)
        {
            if (RmAttributeNodes.IsInContext(node.RmType, child.FullId)) child.InContext = true;
        }
    }

    private static bool HasChoices(DraftNode node) =>
        node.Children.GroupBy(c => c.Path.Format(true)).Any(g => g.Count() > 1);

    /// <summary>The SDK's relative path test: the child's own last step already has a name predicate.</summary>
    private static bool IsRelativePathNameDependent(DraftNode parent, DraftNode child) =>
        child.Path.Count > parent.Path.Count && child.Path.Last.Name is not null;

    private static void ReplaceParentPath(DraftNode node, AqlPath oldBase, AqlPath newBase)
    {
        var old = node.Path;
        node.Path = newBase.Add(old.RemoveStart(oldBase));
        foreach (var child in node.Children) ReplaceParentPath(child, old, node.Path);
    }

    /// <summary>
    /// An ACTION's ism_transition alternatives become one node: the careflow steps with the states
    /// each may lead to, the union of current states, and the transition.
    /// </summary>
    private static void HandleActionIsmTransitions(AqlPath path, DraftNode node, CAttribute attribute, List<DraftNode> newChildren)
    {
        if (node.RmType != "ACTION") return;
        var transitions = newChildren.Where(n => n.RmType == "ISM_TRANSITION").ToList();
        if (transitions.Count == 0) return;
        var first = transitions[0];
        var name = attribute.RmAttributeName;
        var ismTransition = new DraftNode
        {
            Name = name,
            Id = FlatIds.FromName(name),
            Min = first.Min,
            Max = first.Max,
            RmType = "ISM_TRANSITION",
            InContext = true,
            Path = path.Add(name),
        };

        var careflowProto = first.FindChild("careflow_step");
        var careflowStep = new DraftNode
        {
            Min = careflowProto?.Min ?? 0,
            // The SDK copies the minimum into the maximum here.
            Max = careflowProto?.Min ?? 0,
            Name = "Careflow_step",
            Id = "careflow_step",
            RmType = "DV_CODED_TEXT",
            InContext = true,
            Path = path.Add(name).Add("careflow_step"),
        };
        var code = new DraftInput("code", "CODED_TEXT") { Terminology = "local" };
        foreach (var transition in transitions)
        {
            var value = transition.FindChild("careflow_step")?.Inputs.FirstOrDefault()?.List.FirstOrDefault();
            if (value is null) continue;
            var states = transition.FindChild("current_state")?.Inputs.FirstOrDefault()?.List ?? [];
            value.CurrentStates.AddRange(states.Select(s => s.Value));
            code.List.Add(value);
        }

        careflowStep.Inputs.Add(code);
        ismTransition.Children.Add(careflowStep);

        var stateProto = first.FindChild("current_state");
        var currentState = new DraftNode
        {
            Min = stateProto?.Min ?? 1,
            Max = stateProto?.Min ?? 1,
            RmType = "DV_CODED_TEXT",
            Name = "Current_state",
            Id = "current_state",
            InContext = true,
            Path = path.Add(name).Add("current_state"),
        };
        var stateCode = new DraftInput("code", "CODED_TEXT") { Terminology = "openehr" };
        foreach (var transition in transitions)
        {
            if (transition.FindChild("current_state") is not { } state) continue;
            foreach (var input in state.Inputs) stateCode.List.AddRange(input.List);
        }

        currentState.Inputs.Add(stateCode);
        ismTransition.Children.Add(currentState);

        if (first.FindChild("transition") is { } transitionNode)
        {
            transitionNode.Path = path.Add(name).Add("transition");
            transitionNode.InContext = true;
            ismTransition.Children.Add(transitionNode);
        }

        node.Children.Add(ismTransition);
    }

    private DraftNode? BuildNameNode(AqlPath path, ArchetypeTerminology terms, CComplexObject complex)
    {
        foreach (var attribute in complex.Attributes)
        {
            if (attribute.RmAttributeName != "name" || attribute.Children.Count != 1) continue;
            var nodes = ParseObject(attribute.Children[0], path, terms, "name");
            if (nodes.Length > 0) return nodes[0];
        }

        return null;
    }

    private void AddAnyNode(DraftNode node, string rmType, Dictionary<string, DraftInput> inputMap)
    {
        var value = new DraftNode { RmType = rmType };
        UpdateChoiceId(value);
        value.Name = node.Name;
        value.Path = node.Path.Add("value");
        value.InContext = true;
        value.Max = 1;
        value.Min = 0;
        value.LocalizedName = node.LocalizedName;
        foreach (var (k, v) in node.LocalizedDescriptions) value.LocalizedDescriptions[k] = v;
        foreach (var (k, v) in node.LocalizedNames) value.LocalizedNames[k] = v;
        Inputs.AddByRmType(value, inputMap);
        node.Children.Add(value);
    }

    private static bool UpdateChoiceId(DraftNode node)
    {
        if (!node.RmType.StartsWith("DV_", StringComparison.Ordinal)) return false;
        node.Id = node.RmType[3..].ToLowerInvariant() + "_value";
        return true;
    }

    /// <summary>An ELEMENT's value alternatives (its name and optional null_flavour/feeder_audit aside).</summary>
    public static List<DraftNode> TrueChildren(DraftNode node) =>
        node.RmType != "ELEMENT"
            ? []
            : node.Children
                .Where(c => c.Name != "name")
                .Where(c => c.Name is not ("null_flavour" or "feeder_audit") || !c.IsNullable)
                .ToList();

    private static void PushProperties(DraftNode element, DraftNode value)
    {
        value.NodeId = element.NodeId;
        value.Annotations = element.Annotations;
        value.Name = element.Name;
        foreach (var (k, v) in element.LocalizedDescriptions) value.LocalizedDescriptions[k] = v;
        foreach (var (k, v) in element.LocalizedNames) value.LocalizedNames[k] = v;
        value.LocalizedName = element.LocalizedName;
    }

    /// <summary>Numbers same-id siblings from the second on (<c>time</c>, <c>time2</c>); an ELEMENT's value follows its number.</summary>
    public static void MakeIdUnique(DraftNode node)
    {
        foreach (var group in node.Children.GroupBy(c => c.Id))
        {
            var list = group.ToList();
            if (list.Count == 1)
            {
                list[0].IdNumber = null;
                continue;
            }

            for (var i = 1; i < list.Count; i++)
            {
                var n = list[i];
                var number = i + 1;
                n.IdNumber = number;
                if (n.RmType != "ELEMENT") continue;
                foreach (var c in n.Children.Where(c => c.FullId == n.Id)) c.IdNumber = number;
            }
        }
    }

    private void AddRmAttributes(DraftNode node, AqlPath path)
    {
        foreach (var attribute in RmAttributeNodes.Of(node.RmType))
        {
            var id = FlatIds.FromName(attribute.Name);
            if (node.Children.Any(c => c.FullId == id)) continue;
            var child = BuildAttributeNode(attribute, path, id);
            child.AttributeOf = node.Constraint;
            node.Children.Add(child);
        }
    }

    private DraftNode BuildAttributeNode(RmAttributeNodes.Attribute attribute, AqlPath path, string id)
    {
        var node = new DraftNode
        {
            Path = path.Add(attribute.Name),
            Name = attribute.Name,
            Id = id,
            RmType = attribute.RmType,
            Max = attribute.Multiple ? -1 : 1,
            Min = attribute.Nullable && attribute.Name is not ("action_archetype_id" or "math_function") ? 0 : 1,
        };
        Inputs.AddByRmType(node, new Dictionary<string, DraftInput>());
        AddRmAttributes(node, node.Path);
        return node;
    }

    private DraftNode BuildNode(CObject constraint, string? attribute, ArchetypeTerminology terms, Name? name)
    {
        var node = new DraftNode
        {
            RmType = constraint.RmTypeName,
            Min = constraint.Occurrences.Lower ?? -1,
            Max = constraint.Occurrences.Upper ?? -1,
            Constraint = constraint,
        };
        var nodeId = constraint is CArchetypeRoot root ? root.RootNodeId : constraint.NodeId;
        if (!RmAttributeNodes.IsLocatable(constraint.RmTypeName)) nodeId = null;
        if (!string.IsNullOrWhiteSpace(nodeId))
        {
            var terms1 = TermsOf(terms, nodeId);
            var defaultTerm = terms.Terms.GetValueOrDefault(language)?.GetValueOrDefault(nodeId) ?? terms.Term(nodeId, language);
            var text = name?.Label ?? defaultTerm?.Text ?? nodeId;
            node.Name = text;
            node.Id = FlatIds.FromName(text);
            node.NodeId = nodeId;
            node.LocalizedName = text;
            if (name is not null)
            {
                foreach (var (k, v) in name.LocalizedLabels) node.LocalizedNames[k] = v;
            }
            else
            {
                foreach (var (lang, term) in terms1) node.LocalizedNames[lang] = term.Text;
            }

            node.LocalizedNames[language] = text;
            foreach (var (lang, term) in terms1) node.LocalizedDescriptions[lang] = term.Description ?? term.Text;

            if (terms.Terms.GetValueOrDefault(language)?.GetValueOrDefault(nodeId) is { OtherItems.Count: > 0 } own)
            {
                node.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (k, v) in own.OtherItems) node.Annotations[k] = v;
            }
        }
        else
        {
            var text = !string.IsNullOrWhiteSpace(attribute) ? attribute : constraint.RmTypeName;
            node.Id = FlatIds.FromName(text);
            node.Name = text;
            node.LocalizedName = text;
        }

        return node;
    }

    /// <summary>The term of <paramref name="code"/> in every language the archetype has it in.</summary>
    private static IEnumerable<(string Language, ArchetypeTerm Term)> TermsOf(ArchetypeTerminology terms, string code)
    {
        foreach (var (lang, byCode) in terms.Terms)
        {
            if (byCode.TryGetValue(code, out var term)) yield return (lang, term);
        }
    }

    [GeneratedRegex("^[^/]+")]
    private static partial Regex LeadingArchetypeId();
}
