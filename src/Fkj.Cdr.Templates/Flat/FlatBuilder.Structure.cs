using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The RM-mandatory structure FLAT has no key for: an EVENT's data, an ACTION's or ACTIVITY's description, an
/// EVALUATION's data, an OBSERVATION's history, made empty from the template where the document gives none
/// of their content (FLAT cannot write an empty ITEM_TREE, so a composition that has one must read back with
/// one). The SDK instead drops empty structures, which leaves the composition without what the RM requires.
/// </summary>
internal sealed partial class FlatBuilder
{
    private static readonly RmType ItemStructureType = RmModel.Get("ITEM_STRUCTURE");
    private static readonly RmType HistoryType = RmModel.Get("HISTORY");

    private readonly List<(Locatable Value, CComplexObject Constraint)> made = [];

    private void Remember(RmObject value, Opt.Constraints.CObject? constraint)
    {
        if (value is Locatable locatable && constraint is CComplexObject complex) made.Add((locatable, complex));
    }

    private void CompleteStructures()
    {
        // Completing adds to the list, so it is walked by index.
        for (var i = 0; i < made.Count; i++) Complete(made[i].Value, made[i].Constraint);
    }

    private void Complete(Locatable value, CComplexObject constraint)
    {
        foreach (var attribute in value.RmType.AttributeSpan)
        {
            if (!attribute.IsRequired || attribute.Kind != RmAttributeKind.Object || attribute.ValueType is not { } declared) continue;
            if (!declared.IsSubtypeOf(ItemStructureType) && !declared.IsSubtypeOf(HistoryType) && declared != ItemStructureType) continue;
            if (attribute.GetObject!(value) is not null) continue;
            if (constraint.Attribute(attribute.Name) is not { Existence.Upper: not 0 } constrained) continue;
            var child = constrained.Children.OfType<CComplexObject>().FirstOrDefault(c => c.Occurrences.Upper is not 0);
            if (child is null || FlatSchemaBuilder.Concrete(child.RmTypeName) is not { } type || !type.IsSubtypeOf(declared)) continue;
            var structure = (Locatable)type.Create();
            InitLocatable(structure, child.NodeId.Length > 0 ? child.NodeId : null, FlatNames.Of(child, null, schema.DefaultLanguage), null);
            attribute.SetObject!(value, structure);
            made.Add((structure, child));
        }
    }
}
