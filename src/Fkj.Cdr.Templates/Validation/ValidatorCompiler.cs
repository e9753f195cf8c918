using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>Builds the checker tree of one template. Used by one thread for one compile, then dropped.</summary>
internal sealed class ValidatorCompiler(OperationalTemplate template)
{
    private static readonly Dictionary<RmType, RmType[]> ConcreteSubtypes = BuildSubtypes();

    private readonly Dictionary<CObject, ObjectChecker> compiled = new(ReferenceEqualityComparer.Instance);
    private readonly List<(InternalRefChecker Checker, ArchetypeInternalRef Reference)> references = [];
    private readonly Dictionary<string, PatternMatcher> regexes = new(StringComparer.Ordinal);

    private static Dictionary<RmType, RmType[]> BuildSubtypes()
    {
        var map = new Dictionary<RmType, RmType[]>();
        foreach (var type in RmModel.Types)
        {
            var list = new List<RmType>();
            if (!type.IsAbstract) list.Add(type);
            foreach (var other in RmModel.Types)
                if (!other.IsAbstract && other != type && other.IsSubtypeOf(type)) list.Add(other);
            map[type] = [.. list];
        }

        return map;
    }

    public ArchetypeRootChecker CompileRoot()
    {
        var root = (ArchetypeRootChecker)Compile(template.Definition)!;
        for (var i = 0; i < references.Count; i++)
        {
            var (checker, reference) = references[i];
            if (reference.Target is { } target) checker.Target = Compile(target);
        }

        return root;
    }

    private ObjectChecker? Compile(CObject node)
    {
        if (compiled.TryGetValue(node, out var done)) return done;
        var rmType = RmModel.Find(node.RmTypeName);
        if (rmType is null) return null;
        switch (node)
        {
            case CComplexObject complex:
                return CompileComplex(complex, rmType);
            case CDvQuantity quantity:
                return compiled[node] = new QuantityChecker(quantity, rmType);
            case CCodePhrase code:
                return compiled[node] = new CodePhraseChecker(code, rmType);
            case CDvOrdinal ordinal:
                return compiled[node] = new OrdinalChecker(ordinal, rmType);
            case CDvScale scale:
                return compiled[node] = new ScaleChecker(scale, rmType);
            case ArchetypeSlot slot:
                return compiled[node] = new SlotChecker(slot, rmType, CompileRegex);
            case ArchetypeInternalRef reference:
                var checker = new InternalRefChecker(reference, rmType);
                references.Add((checker, reference));
                return compiled[node] = checker;
            case ConstraintRef constraintRef:
                return compiled[node] = new ConstraintRefChecker(constraintRef, rmType, Describe(constraintRef));
            default:
                return null;
        }
    }

    private ComplexChecker CompileComplex(CComplexObject complex, RmType rmType)
    {
        var checker = complex is CArchetypeRoot root ? new ArchetypeRootChecker(root, rmType) : new ComplexChecker(complex, rmType);
        compiled[complex] = checker; // before the children, so that references back up the tree find it

        var attributes = new List<AttributeChecker>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in complex.Attributes)
        {
            var name = attribute.RmAttributeName == "null_flavor" ? "null_flavour" : attribute.RmAttributeName;
            var rm = rmType.FindAttribute(name);
            if (rm is null)
            {
                // RM functions and tool conventions the parser accepts (PseudoAttributes): only is_integral has a meaning to check.
                if (name == "is_integral")
                    attributes.Add(new IsIntegralChecker([.. attribute.Children.OfType<CPrimitiveObject>().Select(p => CompilePrimitive(p, rmType, name))]));
                continue;
            }

            covered.Add(name);
            var existence = attribute.Existence;
            if (rm.Kind is RmAttributeKind.Object or RmAttributeKind.List)
            {
                var children = attribute.Children.Select(Compile).OfType<ObjectChecker>().ToArray();
                var types = string.Join('|', children.Select(c => c.Constraint.RmTypeName).Distinct());
                var nodeIds = NodeIdsText(children);
                attributes.Add(rm.Kind == RmAttributeKind.Object
                    ? new SingleAttributeChecker(rm, existence, children, types, nodeIds)
                    : new MultipleAttributeChecker(rm, existence, attribute.Cardinality?.Interval, children, types, nodeIds));
            }
            else
            {
                var checks = attribute.Children.OfType<CPrimitiveObject>().Select(p => CompilePrimitive(p, rmType, name)).ToArray();
                attributes.Add(new PrimitiveAttributeChecker(rm, name, existence, checks));
            }
        }

        checker.Attributes = [.. attributes];
        checker.Unconstrained =
        [
            .. ConcreteSubtypes[rmType].Select(t => (t, RmRules.ChildAttributes(t).Where(a => !covered.Contains(a.Name)).ToArray())),
        ];
        return checker;
    }

    private static string NodeIdsText(ObjectChecker[] children)
    {
        var ids = children.Select(c => c is SlotChecker slot ? slot.Description : c.NodeId).Where(id => id.Length > 0).Distinct().ToList();
        if (ids.Count == 0) return "none";
        return ids.Count <= 20 ? string.Join('|', ids) : string.Join('|', ids.Take(20)) + $"|… ({ids.Count - 20} more)";
    }

    private PrimitiveCheck CompilePrimitive(CPrimitiveObject primitive, RmType owner, string attribute) => primitive.Item switch
    {
        CString s when owner.Name == "ACTIVITY" && attribute == "action_archetype_id" => new ActionArchetypeIdCheck(new StringCheck(s, CompileRegex), s.Pattern),
        CString s => new StringCheck(s, CompileRegex),
        CInteger i => new IntegerCheck(i),
        CReal r => new RealCheck(r),
        CBoolean b => new BooleanCheck(b),
        CTemporal t => new TemporalCheck(t, reportInvalid: !(attribute == "value" && owner.Name is "DV_DATE" or "DV_TIME" or "DV_DATE_TIME" or "DV_DURATION")),
        _ => new StringCheck(new CString(), CompileRegex),
    };

    /// <summary>One matcher per distinct expression in a template; the regular expression itself is built on first use (see <see cref="PatternMatcher"/>).</summary>
    private PatternMatcher CompileRegex(string pattern)
    {
        if (!regexes.TryGetValue(pattern, out var matcher)) regexes[pattern] = matcher = new PatternMatcher(pattern);
        return matcher;
    }

    private static string Describe(ConstraintRef reference)
    {
        var bindings = new List<string>();
        if (reference.ArchetypeRoot is { } root)
        {
            foreach (var (terminology, map) in root.Terminology.ConstraintBindings)
                if (map.TryGetValue(reference.Reference, out var uri)) bindings.Add($"{terminology}: {uri}");
        }

        return bindings.Count == 0 ? reference.Reference : $"{reference.Reference} → {string.Join("; ", bindings)}";
    }
}
