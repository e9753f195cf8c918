using System.Globalization;
using System.Text;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Turns a <see cref="FlatInput"/> into a COMPOSITION: each node occurrence becomes its RM object, placed
/// through the node's steps (making the HISTORY, EVENT, ITEM_TREE and ELEMENT objects FLAT leaves out, shared
/// by siblings), its values read by kind, its <c>_attributes</c> read by RM type; then the defaults of
/// the openEHR SDK are filled in from <c>ctx</c> and the template. Every problem is collected.
/// </summary>
internal sealed partial class FlatBuilder
{
    /// <summary>
    /// The rm_version of the archetype roots FLAT makes: FLAT has no key for it. The SDK writes 1.0.4; this CDR
    /// implements RM 1.1 and writes 1.1.0, as its example compositions do.
    /// </summary>
    private const string RmVersion = "1.1.0";

    private readonly FlatSchema schema;
    private readonly FlatInput input;
    private readonly FlatProblems problems;
    private readonly FlatContext context;
    private readonly DateTimeOffset now;
    private readonly List<RmObject> withDefaults = [];

    public FlatBuilder(FlatSchema schema, FlatInput input, FlatProblems problems, DateTimeOffset now)
    {
        this.schema = schema;
        this.input = input;
        this.problems = problems;
        context = input.Context;
        this.now = now;
    }

    public Composition? Build()
    {
        var root = input.Root;
        var composition = new Composition();
        InitLocatable(composition, schema.Root.NodeId, schema.Root.DefaultName, schema.Root);
        composition.ArchetypeDetails!.TemplateId = new TemplateId { Value = schema.TemplateId };
        root.Object = composition;
        if (Boolean(context.Take("composer_self")) == true && root.Children.FirstOrDefault(c => c.Node.Id == "composer") is { } composer
            && composer.Peek("_type") is null)
        {
            // ctx/composer_self with composer keys: the composer is PARTY_SELF with those ids (the SDK adds composer|_type).
            composer.Add("_type", new FlatValue($"{schema.Root.Id}/composer|_type", 0, FlatValueKind.String, "PARTY_SELF"));
        }

        if (root.Peek("raw") is { } raw)
        {
            problems.Add(FlatErrorCodes.UnknownSuffix, "'|raw' is not allowed on the composition itself; send canonical JSON instead", raw);
            raw.Consumed = true;
        }

        BuildChildren(root);
        ReadComplexAttributes(root, composition);
        CompleteStructures();
        ApplyDefaults(composition);
        ReportUnused(root);
        return composition;
    }

    private void BuildChildren(FlatInstance instance)
    {
        if (!instance.HasChildren) return;
        foreach (var child in instance.OrderedChildren()) Build(instance, child);
    }

    private void Build(FlatInstance parent, FlatInstance instance)
    {
        var node = instance.Node;
        if (instance.Peek("raw") is { } raw)
        {
            BuildRaw(parent, instance, raw);
            return;
        }

        switch (node.Kind)
        {
            case FlatKind.Complex:
                BuildComplex(parent, instance);
                break;
            case FlatKind.Interval:
                BuildInterval(parent, instance);
                break;
            case FlatKind.String or FlatKind.Integer or FlatKind.BooleanAttribute:
                BuildPrimitive(parent, instance);
                break;
            default:
                BuildValue(parent, instance);
                break;
        }
    }

    private void BuildComplex(FlatInstance parent, FlatInstance instance)
    {
        var node = instance.Node;
        var type = ComplexType(instance);
        if (type is null)
        {
            Problem(FlatErrorCodes.UnknownPath, $"FLAT cannot make a {node.Source.RmType} here", instance);
            instance.ConsumeAll();
            return;
        }

        var value = type.Create();
        if (value is Locatable locatable) InitLocatable(locatable, node.NodeId, node.DefaultName, node);
        Remember(value, node.Source.Constraint);
        instance.Object = value;
        Attach(parent, instance, value);
        BuildChildren(instance);
        ReadComplexAttributes(instance, value);
        Track(value);
    }

    /// <summary>The RM type of a container occurrence: the node's, or for an abstract EVENT the kind its keys show.</summary>
    private static RmType? ComplexType(FlatInstance instance)
    {
        var type = instance.Node.RmType;
        if (type is null || !type.IsAbstract) return type;
        if (type.Name == "EVENT")
        {
            var interval = instance.HasBranch("math_function") || instance.HasBranch("width") || instance.Has("sample_count")
                           || instance.HasChild("math_function") || instance.HasChild("width");
            return RmModel.Get(interval ? "INTERVAL_EVENT" : "POINT_EVENT");
        }

        return FlatSchemaBuilder.Concrete(type.Name);
    }

    private void BuildInterval(FlatInstance parent, FlatInstance instance)
    {
        var hasValue = instance.HasChildren || instance.HasAttributes || HasValueBranches(instance);
        var interval = hasValue ? new DvInterval() : null;
        instance.Object = interval;
        var element = Attach(parent, instance, interval);
        if (interval is not null)
        {
            BuildChildren(instance);
            ReadIntervalFlags(instance, interval);
        }

        if (element is not null) ReadElementAttributes(element, instance);
    }

    private void BuildValue(FlatInstance parent, FlatInstance instance)
    {
        var node = instance.Node;
        RmObject? value = node.Kind switch
        {
            FlatKind.Party => ReadParty(instance, allowSelf: true, hasRelationship: true),
            FlatKind.CodePhrase => ReadCodePhrase(instance, node.Steps[^1].Attribute),
            _ => ReadDataValue(node, node.Kind, instance),
        };
        instance.Object = value;
        var element = Attach(parent, instance, value);
        if (element is not null) ReadElementAttributes(element, instance);
    }

    private void BuildPrimitive(FlatInstance parent, FlatInstance instance)
    {
        var node = instance.Node;
        var plain = instance.Take(null);
        if (plain is null || plain.IsNull) return;
        var (owner, _) = Navigate(parent, instance, create: true);
        if (owner is null) return;
        var attribute = owner.RmType.FindAttribute(node.Steps[^1].Attribute);
        if (attribute is null)
        {
            Problem(FlatErrorCodes.UnknownPath, $"{owner.RmType.Name} has no attribute '{node.Steps[^1].Attribute}'", plain);
            return;
        }

        switch (attribute.Kind)
        {
            case RmAttributeKind.Text when Text(plain) is { } text:
                attribute.SetText!(owner, text);
                break;
            case RmAttributeKind.Integer when Integer(plain) is { } integer:
                if (attribute.Is32Bit && integer is < int.MinValue or > int.MaxValue)
                    Problem(FlatErrorCodes.InvalidValue, $"{integer} is out of range for {attribute}", plain);
                else attribute.SetInteger!(owner, integer);
                break;
            case RmAttributeKind.Boolean when Boolean(plain) is { } flag:
                attribute.SetBoolean!(owner, flag);
                break;
        }
    }

    /// <summary>
    /// A node given as <c>|raw</c>: canonical JSON of the whole object (Better's form, <c>@class</c> for
    /// <c>_type</c>, is accepted), used instead of the node's other keys.
    /// </summary>
    private void BuildRaw(FlatInstance parent, FlatInstance instance, FlatValue raw)
    {
        raw.Consumed = true;
        if (instance.Attributes.Count > 1 || instance.HasBranches || instance.HasChildren)
        {
            Problem(FlatErrorCodes.Conflict, "'|raw' gives the whole object, so no other key may describe it", raw);
            return;
        }

        var decoded = DecodeRaw(raw, instance.Node.RmType);
        if (decoded is null) return;
        if (decoded is Element rawElement && instance.Node.ElementStep >= 0)
        {
            // The raw object is the ELEMENT the value stands for.
            var (owner, _) = Navigate(parent, instance, create: true, skipElement: true);
            if (owner is not null) SetChild(owner, instance.Node.Steps[instance.Node.ElementStep].Attribute, rawElement, raw);
            return;
        }

        instance.Object = decoded;
        Attach(parent, instance, decoded, raw);
    }

    /// <summary>Decodes the canonical JSON of a <c>|raw</c> value; null (with the error recorded) when it is not.</summary>
    private RmObject? DecodeRaw(FlatValue raw, RmType? expected)
    {
        if (raw.Kind != FlatValueKind.String)
        {
            Problem(FlatErrorCodes.WrongValueKind, $"'|raw' takes canonical JSON as a string, not {raw.Describe()}", raw);
            return null;
        }

        try
        {
            var json = Encoding.UTF8.GetBytes(raw.Text!.Replace("\"@class\"", "\"_type\"", StringComparison.Ordinal));
            var value = CanonicalJson.Decode(json);
            if (expected is not null && !value.RmType.IsSubtypeOf(expected) && !(expected.Name is "ELEMENT" or "DV_TEXT" && value is Element or DvText))
            {
                Problem(FlatErrorCodes.InvalidValue, $"'|raw' holds a {value.RmType.Name}, where a {expected.Name} belongs", raw);
                return null;
            }

            return value;
        }
        catch (RmFormatException e)
        {
            Problem(FlatErrorCodes.InvalidValue, $"'|raw' is not canonical JSON: {e.Errors[0].Message} at {e.Errors[0].Path}", raw);
            return null;
        }
    }

    // ---- placing objects ---------------------------------------------------------------------------

    /// <summary>
    /// Puts <paramref name="value"/> where the node's steps lead from the parent's object, making (or reusing)
    /// the intermediate objects on the way; returns the ELEMENT of a data value node. Nothing is made for a
    /// null value unless the node has an ELEMENT of its own (which may carry a null flavour).
    /// </summary>
    private Locatable? Attach(FlatInstance parent, FlatInstance instance, RmObject? value, FlatValue? where = null)
    {
        if (value is null && instance.Node.ElementStep < 0) return null;
        var (owner, element) = Navigate(parent, instance, create: true);
        if (owner is null) return null;
        if (value is not null) SetChild(owner, instance.Node.Steps[^1].Attribute, value, where ?? instance.FirstValue());
        return element;
    }

    /// <summary>The object the node's last step belongs to, and the node's ELEMENT if it has one.</summary>
    private (RmObject? Owner, Locatable? Element) Navigate(FlatInstance parent, FlatInstance instance, bool create, bool skipElement = false)
    {
        var node = instance.Node;
        var steps = node.Steps;
        var current = parent.Object;
        if (current is null) return (null, null);
        Locatable? element = null;
        var end = skipElement ? node.ElementStep : steps.Length - 1;
        for (var i = 0; i < end; i++)
        {
            var step = steps[i];
            RmObject? next = null;
            if (step.Slot >= 0)
            {
                parent.Slots ??= new RmObject?[parent.Node.SlotCount];
                next = parent.Slots[step.Slot];
            }

            if (next is null)
            {
                if (!create) return (null, null);
                next = Intermediate(step);
                if (!SetChild(current, step.Attribute, next, instance.FirstValue())) return (null, null);
                if (step.Slot >= 0) parent.Slots![step.Slot] = next;
            }

            if (i == node.ElementStep) element = next as Locatable;
            current = next;
        }

        return (current, element);
    }

    private RmObject Intermediate(FlatStep step)
    {
        var value = step.Type!.Create();
        if (value is Locatable locatable) InitLocatable(locatable, step.NodeId, step.DefaultName, null);
        Remember(value, step.Constraint);
        Track(value);
        return value;
    }

    /// <summary>Sets or adds <paramref name="child"/> to <paramref name="owner"/>'s attribute, checking that it fits.</summary>
    private bool SetChild(RmObject owner, string attributeName, RmObject child, FlatValue? where)
    {
        var attribute = owner.RmType.FindAttribute(attributeName);
        if (attribute is null || attribute.Kind is not (RmAttributeKind.Object or RmAttributeKind.List))
        {
            Problem(FlatErrorCodes.UnknownPath, $"{owner.RmType.Name} has no attribute '{attributeName}' for a {child.RmType.Name}", where);
            return false;
        }

        if (attribute.ValueType is { } declared && !child.RmType.IsSubtypeOf(declared))
        {
            Problem(FlatErrorCodes.InvalidValue, $"{owner.RmType.Name}.{attributeName} takes a {declared.Name}, not a {child.RmType.Name}", where);
            return false;
        }

        if (attribute.Kind == RmAttributeKind.List)
        {
            var list = attribute.GetList!(owner);
            if (list is null)
            {
                list = attribute.NewList!();
                attribute.SetList!(owner, list);
            }

            list.Add(child);
            return true;
        }

        var existing = attribute.GetObject!(owner);
        if (existing is not null && !ReferenceEquals(existing, child))
        {
            Problem(FlatErrorCodes.Conflict, $"{owner.RmType.Name}.{attributeName} is given twice (only one of the alternatives may be used)", where);
            return false;
        }

        attribute.SetObject!(owner, child);
        return true;
    }

    private void InitLocatable(Locatable locatable, string? nodeId, DvText? name, FlatNode? node)
    {
        locatable.ArchetypeNodeId = nodeId ?? "";
        locatable.Name = Copy(name) ?? new DvText { Value = node?.Source.Name ?? locatable.RmType.Name.ToLowerInvariant().Replace('_', ' ') };
        if (nodeId is not null && FlatNames.IsArchetypeId(nodeId))
            locatable.ArchetypeDetails = new Archetyped { ArchetypeId = new ArchetypeId { Value = nodeId }, RmVersion = RmVersion };
    }

    /// <summary>A copy of a template name: every composition gets objects of its own.</summary>
    internal static DvText? Copy(DvText? name) => name switch
    {
        null => null,
        DvCodedText coded => new DvCodedText
        {
            Value = coded.Value,
            DefiningCode = new CodePhrase { TerminologyId = new TerminologyId { Value = coded.DefiningCode.TerminologyId.Value }, CodeString = coded.DefiningCode.CodeString },
        },
        _ => new DvText { Value = name.Value },
    };

    /// <summary>Remembers the objects the SDK's defaults apply to, in the order they were made.</summary>
    private void Track(RmObject value)
    {
        if (value is EventContext or Entry or Activity or IntervalEvent or IsmTransition) withDefaults.Add(value);
    }

    // ---- reporting ---------------------------------------------------------------------------------

    /// <summary>While true, problems are not recorded: ctx participations are read once per entry, but reported once.</summary>
    private bool quiet;

    private void Problem(string code, string message, FlatValue? where)
    {
        if (quiet) return;
        if (where is null) problems.Add(code, message, schema.Root.Id, 0);
        else problems.Add(code, message, where);
    }

    private void Problem(string code, string message, FlatBag bag) => Problem(code, message, bag.FirstValue());

    /// <summary>A missing value: the error's path is the FLAT key that would have given it.</summary>
    private void Missing(FlatBag bag, string? suffix, string message)
    {
        if (quiet) return;
        var first = bag.FirstValue();
        problems.Add(FlatErrorCodes.MissingAttribute, message, suffix is null ? bag.Path : $"{bag.Path}|{suffix}", first?.Offset ?? 0);
    }

    /// <summary>Reports every value no reader used: an unknown path or a suffix the node does not take.</summary>
    private void ReportUnused(FlatInstance instance)
    {
        ReportUnusedValues(instance, instance.Node.Source.RmType);
        foreach (var branch in instance.Branches) ReportUnusedBranch(branch, instance.Path);
        foreach (var child in instance.Children) ReportUnused(child);
    }

    private void ReportUnusedValues(FlatBag bag, string what)
    {
        foreach (var attribute in bag.Attributes)
        {
            if (attribute.Value.Consumed) continue;
            if (attribute.Suffix is null)
                problems.Add(FlatErrorCodes.UnknownSuffix, $"'{bag.Path}' ({what}) takes no plain value; give its parts as '|suffix' keys", attribute.Value);
            else
                problems.Add(FlatErrorCodes.UnknownSuffix, $"'|{attribute.Suffix}' is not a suffix of '{bag.Path}' ({what})", attribute.Value);
        }
    }

    private void ReportUnusedBranch(FlatBranch branch, string owner)
    {
        if (AllConsumed(branch)) return;
        var segment = branch.Index > 0 ? $"{branch.Name}:{branch.Index}" : branch.Name;
        if (!AnyConsumed(branch))
        {
            // Nothing under this branch was understood: the branch itself is unknown.
            foreach (var value in Unused(branch))
                problems.Add(FlatErrorCodes.UnknownPath, $"'{segment}' is not a node or RM attribute FLAT knows under '{owner}'", value);
            return;
        }

        ReportUnusedValues(branch, branch.Name);
        foreach (var child in branch.Branches) ReportUnusedBranch(child, branch.Path);
    }

    private static bool AllConsumed(FlatBag bag) =>
        bag.Attributes.All(a => a.Value.Consumed) && bag.Branches.All(AllConsumed);

    private static bool AnyConsumed(FlatBag bag) =>
        bag.Attributes.Any(a => a.Value.Consumed) || bag.Branches.Any(AnyConsumed);

    private static IEnumerable<FlatValue> Unused(FlatBag bag) =>
        bag.Attributes.Where(a => !a.Value.Consumed).Select(a => a.Value).Concat(bag.Branches.SelectMany(Unused));
}
