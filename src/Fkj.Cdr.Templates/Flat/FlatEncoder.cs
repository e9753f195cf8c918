using System.Collections;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Writes a COMPOSITION along its web template, as the openEHR SDK's FLAT marshaller does: for each node,
/// the RM objects its steps reach (matched by node id, name where siblings share a node id, and RM type
/// where alternatives share a path), numbered per occurrence of the parent; each object's values by
/// suffix and its other RM attributes as <c>_attributes</c>. Objects the template has no node for are left out.
/// </summary>
internal sealed partial class FlatEncoder(FlatSchema schema, FlatSink sink)
{
    /// <summary>What a node's steps reach: the object (null for an ELEMENT with only a null flavour), its ELEMENT, or a primitive attribute's owner.</summary>
    private readonly record struct Match(RmObject? Value, Locatable? Element, RmObject? Owner, RmAttribute? Attribute);

    public void Encode(Composition composition)
    {
        sink.Enter(schema.Root.Id, 0, false);
        WriteChildren(schema.Root, composition);
        WriteComplexAttributes(schema.Root, composition);
        sink.Leave();
        if (composition.Composer is PartySelf) sink.Context("composer_self", true);
    }

    private void WriteChildren(FlatNode node, RmObject value)
    {
        List<Match>? matches = null;
        foreach (var child in node.Children)
        {
            if (!child.Addressable) continue;
            matches ??= [];
            matches.Clear();
            Collect(child, 0, value, null, matches);
            var count = child.IsMulti ? matches.Count : Math.Min(1, matches.Count);
            if (count > 0 && ReferenceEquals(child, node.SingleValueChild))
            {
                // The ELEMENT's one value alternative is written at the ELEMENT's own path.
                WriteNode(child, matches[0]);
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                sink.Enter(child.Id, i, child.IsMulti);
                WriteNode(child, matches[i]);
                sink.Leave();
            }
        }
    }

    /// <summary>Follows <paramref name="node"/>'s steps from <paramref name="current"/>, collecting every object that fits the node.</summary>
    private static void Collect(FlatNode node, int index, RmObject current, Locatable? element, List<Match> matches)
    {
        var step = node.Steps[index];
        var attribute = current.RmType.FindAttribute(step.Attribute);
        if (attribute is null) return;
        var last = index == node.Steps.Length - 1;
        switch (attribute.Kind)
        {
            case RmAttributeKind.Object:
                if (attribute.GetObject!(current) is { } child) Visit(node, index, step, child, element, matches, last);
                else if (last && element is Element { NullFlavour: not null } && step.Attribute == "value") matches.Add(new Match(null, element, null, null));
                break;
            case RmAttributeKind.List:
                if (attribute.GetList!(current) is not { } list) break;
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is RmObject item) Visit(node, index, step, item, element, matches, last);
                break;
            default:
                if (last && HasPrimitive(attribute, current)) matches.Add(new Match(null, element, current, attribute));
                break;
        }
    }

    private static void Visit(FlatNode node, int index, FlatStep step, RmObject child, Locatable? element, List<Match> matches, bool last)
    {
        if (!StepMatches(step, child)) return;
        if (last)
        {
            if (Fits(node, child)) matches.Add(new Match(child, element, null, null));
            return;
        }

        if (index == node.ElementStep) element = child as Locatable;
        Collect(node, index + 1, child, element, matches);
    }

    private static bool StepMatches(FlatStep step, RmObject value)
    {
        if (step.NodeId is null && step.Name is null) return true;
        if (value is not Locatable locatable) return false;
        if (step.NodeId is not null && locatable.ArchetypeNodeId != step.NodeId) return false;
        return step.Name is null || locatable.Name?.Value == step.Name;
    }

    /// <summary>Whether <paramref name="value"/> belongs to <paramref name="node"/> rather than to a sibling alternative at the same path.</summary>
    private static bool Fits(FlatNode node, RmObject value) => node.Kind switch
    {
        FlatKind.Complex => node.RmType is null || value.RmType.IsSubtypeOf(node.RmType),
        FlatKind.Interval => value is DvInterval,
        FlatKind.Text => value is DvCodedText ? node.AcceptsSubtype : value.RmType == DvText.Meta,
        FlatKind.CodedText => value is DvCodedText || (node.HasOther && value.RmType == DvText.Meta),
        FlatKind.Uri => value is DvEhrUri ? node.AcceptsSubtype : value is DvUri,
        FlatKind.Party => value is PartyProxy,
        FlatKind.CodePhrase => value is CodePhrase,
        _ => node.RmType is not null && value.RmType == node.RmType,
    };

    private static bool HasPrimitive(RmAttribute attribute, RmObject owner) => attribute.Kind switch
    {
        RmAttributeKind.Text => attribute.GetText!(owner) is not null,
        RmAttributeKind.Integer => attribute.GetInteger!(owner) is not null,
        RmAttributeKind.Boolean => attribute.GetBoolean!(owner) is not null,
        RmAttributeKind.Real => attribute.GetReal!(owner) is not null,
        _ => false,
    };

    private void WriteNode(FlatNode node, Match match)
    {
        switch (node.Kind)
        {
            case FlatKind.Complex:
                if (match.Value is null) return;
                WriteChildren(node, match.Value);
                WriteComplexAttributes(node, match.Value);
                break;
            case FlatKind.Interval:
                if (match.Value is DvInterval interval)
                {
                    WriteChildren(node, interval);
                    WriteIntervalFlags(interval);
                }

                if (match.Element is not null) WriteElementAttributes(node, match.Element);
                break;
            case FlatKind.String or FlatKind.Integer or FlatKind.BooleanAttribute:
                WritePrimitive(match.Attribute!, match.Owner!);
                break;
            case FlatKind.Party:
                if (match.Value is PartyProxy party) WriteParty(party, selfHint: node.Steps[^1].Attribute != "composer");
                break;
            case FlatKind.CodePhrase:
                if (match.Value is CodePhrase phrase) WriteCodePhrase(phrase);
                break;
            default:
                if (match.Element is not null) WriteElementAttributes(node, match.Element);
                if (match.Value is DataValue value) WriteDataValue(node, value);
                break;
        }
    }

    private void WritePrimitive(RmAttribute attribute, RmObject owner)
    {
        switch (attribute.Kind)
        {
            case RmAttributeKind.Text:
                sink.Write(null, attribute.GetText!(owner)!);
                break;
            case RmAttributeKind.Integer:
                sink.Write(null, attribute.GetInteger!(owner)!.Value);
                break;
            case RmAttributeKind.Boolean:
                sink.Write(null, attribute.GetBoolean!(owner)!.Value);
                break;
            case RmAttributeKind.Real:
                sink.Write(null, attribute.GetReal!(owner)!.Value);
                break;
        }
    }

    /// <summary>Enters an RM attribute segment (<c>_uid</c>, <c>_link:1</c>), runs <paramref name="write"/> and leaves.</summary>
    private void In(string segment, System.Action write) => In(segment, 0, false, write);

    private void In(string segment, int index, bool indexed, System.Action write)
    {
        sink.Enter(segment, index, indexed);
        write();
        sink.Leave();
    }

    private static bool HasItems(ICollection? list) => list is { Count: > 0 };
}
