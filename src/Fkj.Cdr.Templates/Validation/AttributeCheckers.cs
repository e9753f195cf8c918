using System.Collections;
using System.Globalization;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>A compiled C_ATTRIBUTE: how to read the attribute from its owner, and what may be there.</summary>
internal abstract class AttributeChecker(string name, Interval<int> existence)
{
    public string Name { get; } = name;

    public Interval<int> Existence { get; } = existence;

    public abstract void Check(RmObject owner, ValidationContext context);

    protected void Missing(ValidationContext context)
    {
        if (Existence.Lower is >= 1 && context.Fail())
            context.Error(ValidationErrorCodes.AttributeMissing, Existence.ToString(), "",
                $"{Name} is mandatory here, but has no value", Name);
    }

    protected bool Forbidden(ValidationContext context)
    {
        if (Existence.Upper is not 0) return false;
        if (context.Fail())
            context.Error(ValidationErrorCodes.AttributeNotAllowed, "0..0", "present", $"{Name} is not allowed here", Name);
        return true;
    }

    /// <summary>
    /// Picks the constraint among <paramref name="children"/> (those whose index <paramref name="allowed"/>
    /// accepts) that <paramref name="value"/> satisfies, checks the value against it, and returns its index;
    /// -1 and an error when none fits by RM type and node id. Several candidates are probed in turn
    /// (exact RM type first), and the first that reports nothing wins; when none does, the errors of the
    /// first are reported.
    /// </summary>
    protected static int CheckAgainst(ObjectChecker[] children, RmObject value, ValidationContext context,
        string typesText, string nodeIdsText)
    {
        var type = value.RmType;
        Span<int> candidates = children.Length <= 64 ? stackalloc int[children.Length] : new int[children.Length];
        var count = 0;
        var typeFits = false;
        for (var pass = 0; pass < 2; pass++)
        {
            // First pass: the exact RM type; second: supertypes. Keeps DV_CODED_TEXT before DV_TEXT.
            for (var i = 0; i < children.Length; i++)
            {
                var child = children[i];
                var exact = ReferenceEquals(child.RmType, type);
                if (pass == 0 ? !exact : exact || !type.IsSubtypeOf(child.RmType)) continue;
                typeFits = true;
                if (child.AcceptsNodeId(value)) candidates[count++] = i;
            }
        }

        if (count == 0)
        {
            if (typeFits)
            {
                var nodeId = value is Locatable locatable ? locatable.ArchetypeNodeId : "";
                if (context.Fail())
                    context.Error(ValidationErrorCodes.NodeIdNotAllowed, nodeIdsText, nodeId,
                        $"node {nodeId} is not one the template allows here ({nodeIdsText})");
            }
            else if (context.Fail())
            {
                context.Error(ValidationErrorCodes.RmTypeNotAllowed, typesText, type.Name,
                    $"{type.Name} is not allowed here; the template allows {typesText}");
            }

            RmRules.Walk(value, context);
            return -1;
        }

        if (count == 1)
        {
            children[candidates[0]].Check(value, context);
            return candidates[0];
        }

        var best = 0;
        var fewest = int.MaxValue;
        for (var c = 0; c < count; c++)
        {
            var before = context.Failures;
            context.BeginProbe();
            children[candidates[c]].Check(value, context);
            context.EndProbe();
            var failures = context.Failures - before;
            context.Rewind(before); // a rejected alternative's failures are not the value's
            if (failures == 0)
            {
                children[candidates[c]].Check(value, context);
                return candidates[c];
            }

            if (failures < fewest)
            {
                fewest = failures;
                best = c;
            }
        }

        // None fits: report against the closest one (fewest failures; e.g. the right section with a wrong name).
        children[candidates[best]].Check(value, context);
        return candidates[best];
    }
}

/// <summary>A single-valued attribute holding an RM object (C_SINGLE_ATTRIBUTE on an object attribute).</summary>
internal sealed class SingleAttributeChecker(RmAttribute attribute, Interval<int> existence, ObjectChecker[] children, string typesText, string nodeIdsText)
    : AttributeChecker(attribute.Name, existence)
{
    public override void Check(RmObject owner, ValidationContext context)
    {
        if (attribute.GetObject!(owner) is not { } value)
        {
            Missing(context);
            return;
        }

        if (Forbidden(context)) return;
        context.Push(Name, value);
        if (children.Length == 0)
        {
            RmRules.Walk(value, context);
        }
        else
        {
            var chosen = CheckAgainst(children, value, context, typesText, nodeIdsText);
            if (chosen >= 0 && children[chosen].Occurrences.Upper is 0 && context.Fail())
                context.Error(ValidationErrorCodes.Occurrences, "0..0", "1", "this node is not allowed here (occurrences 0..0)");
        }

        context.Pop();
    }
}

/// <summary>A container attribute (C_MULTIPLE_ATTRIBUTE): cardinality, and each item matched to a constraint by node id and RM type, counted against its occurrences.</summary>
internal sealed class MultipleAttributeChecker : AttributeChecker
{
    private readonly RmAttribute attribute;
    private readonly ObjectChecker[] children;
    private readonly Interval<int>? cardinality;
    private readonly string cardinalityText;
    private readonly string typesText;
    private readonly string nodeIdsText;
    private readonly Dictionary<string, int[]>? byNodeId;
    private readonly string[] predicates;

    public MultipleAttributeChecker(RmAttribute attribute, Interval<int> existence, Interval<int>? cardinality, ObjectChecker[] children, string typesText, string nodeIdsText)
        : base(attribute.Name, existence)
    {
        this.attribute = attribute;
        this.children = children;
        this.cardinality = cardinality;
        cardinalityText = cardinality?.ToString() ?? "*";
        this.typesText = typesText;
        this.nodeIdsText = nodeIdsText;
        predicates = [.. children.Select(c => Predicate(c, children))];
        if (children.Length > 8)
        {
            byNodeId = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var group in children.Select((c, i) => (c.NodeId, i)).Where(p => p.NodeId.Length > 0).GroupBy(p => p.NodeId))
                byNodeId[group.Key] = [.. group.Select(p => p.i)];
        }
    }

    public override void Check(RmObject owner, ValidationContext context)
    {
        var list = attribute.GetList!(owner);
        var count = list?.Count ?? 0;
        if (count == 0)
        {
            // An empty container is no container: XML cannot tell them apart.
            Missing(context);
            return;
        }

        if (Forbidden(context)) return;
        if (cardinality is { } interval && !interval.Contains(count) && context.Fail())
            context.Error(ValidationErrorCodes.Cardinality, cardinalityText, count.ToString(CultureInfo.InvariantCulture),
                $"{Name} holds {count} items, but the template allows {cardinalityText}", Name);

        if (children.Length == 0)
        {
            for (var i = 0; i < count; i++)
            {
                if (list![i] is not RmObject item) continue;
                context.PushItem(Name, list, i, item);
                RmRules.Walk(item, context);
                context.Pop();
            }

            return;
        }

        Span<int> occurrences = children.Length <= 64 ? stackalloc int[children.Length] : new int[children.Length];
        for (var i = 0; i < count; i++)
        {
            if (list![i] is not RmObject item) continue;
            context.PushItem(Name, list, i, item);
            var chosen = Choose(item, context);
            if (chosen >= 0) occurrences[chosen]++;
            context.Pop();
        }

        for (var c = 0; c < children.Length; c++)
        {
            var child = children[c];
            if (child.Occurrences.Contains(occurrences[c])) continue;
            if (!context.Fail()) continue;
            context.PushMissing(Name, predicates[c]);
            var found = occurrences[c];
            context.Error(ValidationErrorCodes.Occurrences, child.OccurrencesText, found.ToString(CultureInfo.InvariantCulture),
                found == 0
                    ? $"{Describe(child)} is mandatory here, but is missing"
                    : $"{Describe(child)} occurs {found} times, but the template allows {child.OccurrencesText}");
            context.Pop();
        }
    }

    /// <summary>The node id, and where siblings share it the name the template gives this one: <c>openEHR-EHR-SECTION.adhoc.v1,'Medication Summary'</c>.</summary>
    private static string Predicate(ObjectChecker child, ObjectChecker[] siblings)
    {
        if (child.NodeId.Length == 0 || siblings.Count(s => s.NodeId == child.NodeId) < 2) return child.NodeId;
        return ConstraintNames.FixedName(child.Constraint) is { } name ? $"{child.NodeId},'{name.Replace("'", "\\'")}'" : child.NodeId;
    }

    private static string Describe(ObjectChecker child) =>
        child is SlotChecker slot ? slot.Description : $"{child.RmType.Name}{(child.NodeId.Length > 0 ? $" {child.NodeId}" : "")}";

    private int Choose(RmObject item, ValidationContext context)
    {
        if (byNodeId is not null && item is Locatable { ArchetypeNodeId.Length: > 0 } locatable
            && byNodeId.TryGetValue(locatable.ArchetypeNodeId, out var indexes) && indexes.Length == 1)
        {
            // The common case in large containers: one constraint has this node id.
            var child = children[indexes[0]];
            if (item.RmType.IsSubtypeOf(child.RmType))
            {
                child.Check(item, context);
                return indexes[0];
            }
        }

        return CheckAgainst(children, item, context, typesText, nodeIdsText);
    }
}

/// <summary>A primitive attribute (String, Integer, Real, Boolean) under C_PRIMITIVE_OBJECTs.</summary>
internal sealed class PrimitiveAttributeChecker(RmAttribute attribute, string name, Interval<int> existence, PrimitiveCheck[] checks)
    : AttributeChecker(name, existence)
{
    public override void Check(RmObject owner, ValidationContext context)
    {
        switch (attribute.Kind)
        {
            case RmAttributeKind.Text:
                if (attribute.GetText!(owner) is not { } text) Missing(context);
                else if (!Forbidden(context)) Run(context, text, 0, 0, false);
                break;
            case RmAttributeKind.Integer:
                if (attribute.GetInteger!(owner) is not { } integer) Missing(context);
                else if (!Forbidden(context)) Run(context, null, integer, integer, false);
                break;
            case RmAttributeKind.Real:
                if (attribute.GetReal!(owner) is not { } real) Missing(context);
                else if (!Forbidden(context)) Run(context, null, 0, real, false, isReal: true);
                break;
            case RmAttributeKind.Boolean:
                if (attribute.GetBoolean!(owner) is not { } boolean) Missing(context);
                else if (!Forbidden(context)) Run(context, null, 0, 0, boolean, isBoolean: true);
                break;
        }
    }

    private void Run(ValidationContext context, string? text, long integer, double real, bool boolean, bool isReal = false, bool isBoolean = false)
    {
        if (checks.Length == 0) return;
        if (checks.Length == 1)
        {
            One(checks[0], context, text, integer, real, boolean, isReal, isBoolean);
            return;
        }

        foreach (var check in checks)
        {
            var before = context.Failures;
            context.BeginProbe();
            One(check, context, text, integer, real, boolean, isReal, isBoolean);
            context.EndProbe();
            if (context.Failures == before) return;
            context.Rewind(before);
        }

        One(checks[0], context, text, integer, real, boolean, isReal, isBoolean);
    }

    private void One(PrimitiveCheck check, ValidationContext context, string? text, long integer, double real, bool boolean, bool isReal, bool isBoolean)
    {
        if (text is not null) check.CheckText(text, Name, context);
        else if (isBoolean) check.CheckBoolean(boolean, Name, context);
        else if (isReal) check.CheckReal(real, Name, context);
        else check.CheckInteger(integer, Name, context);
    }
}

/// <summary>DV_PROPORTION.is_integral, an RM function Template Designer lets authors constrain: numerator and denominator are whole numbers.</summary>
internal sealed class IsIntegralChecker(PrimitiveCheck[] checks) : AttributeChecker("is_integral", new Interval<int>(0, 1))
{
    public override void Check(RmObject owner, ValidationContext context)
    {
        if (owner is not DvProportion proportion) return;
        var integral = Math.Floor(proportion.Numerator) == proportion.Numerator && Math.Floor(proportion.Denominator) == proportion.Denominator;
        foreach (var check in checks) check.CheckBoolean(integral, Name, context);
    }
}
