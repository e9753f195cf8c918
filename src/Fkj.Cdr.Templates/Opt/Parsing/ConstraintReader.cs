using System.Xml.Linq;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;
using Fkj.Cdr.Templates.Opt.Terminology;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Reads the definition: the tree of C_OBJECTs and C_ATTRIBUTEs, checking each against the schema
/// and against the Reference Model (types, attributes, what an attribute may hold), and giving each
/// node its openEHR path as it goes. Parent and owner links are set here; the enclosing archetype
/// root and internal references are linked by <see cref="TreeLinker"/> once the tree exists.
/// </summary>
internal sealed class ConstraintReader(
    OptContext context,
    string language,
    IReadOnlyDictionary<string, TerminologyBuilder> ontologies)
{
    /// <summary>Nesting of constraint objects allowed before the document is refused as hostile.</summary>
    public const int MaxDepth = 256;

    private static readonly RmType CodePhraseType = RmModel.Get("CODE_PHRASE");

    /// <summary>The element each node was read from, to locate problems found after reading.</summary>
    public Dictionary<CObject, XElement> Elements { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The archetype being read: its id and terminology, which names its at-codes.</summary>
    private sealed record Scope(string ArchetypeId, ArchetypeTerminology Terminology);

    public CArchetypeRoot? ReadDefinition(XElement definition)
    {
        var type = OptContext.XsiType(definition);
        if (type is not null && type != "C_ARCHETYPE_ROOT")
        {
            context.Error(OptErrorCodes.TypeMismatch,
                $"the definition must be a C_ARCHETYPE_ROOT, not '{OptContext.Excerpt(type)}'", OptContext.XsiTypeAttribute(definition));
            return null;
        }

        return ReadComplex(definition, isRoot: true, parentPath: null, attributeName: null, scope: null, depth: 0) as CArchetypeRoot;
    }

    private CObject? ReadObject(XElement element, string parentPath, string attributeName, Scope? scope, int depth)
    {
        if (depth > MaxDepth)
        {
            context.Error(OptErrorCodes.TooLarge, $"the definition nests constraints deeper than {MaxDepth} levels", element);
            return null;
        }

        var type = OptContext.XsiType(element);
        CObject? node = type switch
        {
            null => Missing(),
            "C_COMPLEX_OBJECT" => ReadComplex(element, isRoot: false, parentPath, attributeName, scope, depth),
            "C_ARCHETYPE_ROOT" => ReadComplex(element, isRoot: true, parentPath, attributeName, scope, depth),
            "ARCHETYPE_SLOT" => ReadSlot(element, parentPath, attributeName, scope),
            "ARCHETYPE_INTERNAL_REF" => ReadInternalRef(element, parentPath, attributeName, scope),
            "CONSTRAINT_REF" => ReadConstraintRef(element, parentPath, attributeName, scope),
            "C_PRIMITIVE_OBJECT" => ReadPrimitiveObject(element, parentPath, attributeName, scope),
            "C_CODE_PHRASE" => ReadCodePhrase(element, OptSchema.CCodePhrase, parentPath, attributeName, scope),
            "C_CODE_REFERENCE" => ReadCodePhrase(element, OptSchema.CCodeReference, parentPath, attributeName, scope),
            "C_DV_QUANTITY" => ReadDvQuantity(element, parentPath, attributeName, scope),
            "C_DV_ORDINAL" => ReadDvOrdinal(element, parentPath, attributeName, scope),
            "C_DV_SCALE" => ReadDvScale(element, parentPath, attributeName, scope),
            _ => Unknown(type),
        };
        if (node is not null) Elements[node] = element;
        return node;

        CObject? Missing()
        {
            context.Error(OptErrorCodes.MissingType,
                $"<{element.Name.LocalName}> needs an xsi:type naming its constraint type (C_COMPLEX_OBJECT, C_ARCHETYPE_ROOT, ...)", element);
            return null;
        }

        CObject? Unknown(string name)
        {
            context.Error(OptErrorCodes.UnknownConstraintType, $"'{OptContext.Excerpt(name)}' is not a constraint type", OptContext.XsiTypeAttribute(element));
            return null;
        }
    }

    /// <summary>rm_type_name, occurrences and node_id, common to every C_OBJECT.</summary>
    private (string RmTypeName, string NodeId, Interval<int> Occurrences) ReadHeader(XElement element, Children kids)
    {
        var rmTypeName = context.Token(kids.One("rm_type_name"), "rm_type_name") ?? "";
        var nodeIdElement = kids.One("node_id");
        var nodeId = nodeIdElement is null ? "" : context.Text(nodeIdElement)?.Trim() ?? "";
        if (nodeId.Length > 0 && !NodeIds.IsAtCode(nodeId))
        {
            context.Error(OptErrorCodes.InvalidValue, $"node_id '{OptContext.Excerpt(nodeId)}' is not an at-code", nodeIdElement);
            nodeId = "";
        }

        var occurrences = kids.One("occurrences") is { } o ? IntervalReader.ReadMultiplicity(context, o, "occurrences") : null;
        return (rmTypeName, nodeId, occurrences ?? new Interval<int>(1, 1));
    }

    private static string ChildPath(string parentPath, string attributeName, string predicate) =>
        $"{(parentPath == "/" ? "" : parentPath)}/{attributeName}{(predicate.Length > 0 ? $"[{predicate}]" : "")}";

    /// <summary>The RM type named, generic parameters ignored; reported when the RM has no such type.</summary>
    private RmType? RmTypeOf(string rmTypeName, XElement element, string path)
    {
        if (rmTypeName.Length == 0) return null;
        var type = RmModel.Find(rmTypeName);
        if (type is null)
            context.Error(OptErrorCodes.UnknownRmType, $"'{OptContext.Excerpt(rmTypeName)}' is not a type of the openEHR Reference Model",
                element.Element(XName.Get("rm_type_name", element.Name.NamespaceName)) ?? element, path);
        return type;
    }

    private void CheckNodeId(string nodeId, Scope? scope, XElement element, string path)
    {
        if (nodeId.Length == 0 || scope is null) return;
        if (scope.Terminology.Term(nodeId, language) is null)
            context.Error(OptErrorCodes.UndefinedCode,
                $"node_id {nodeId} is not defined in the terminology of {scope.ArchetypeId}", element, path);
    }

    private CComplexObject? ReadComplex(XElement element, bool isRoot, string? parentPath, string? attributeName, Scope? scope, int depth)
    {
        var kids = context.Check(element, isRoot ? OptSchema.CArchetypeRoot : OptSchema.CComplexObject);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);

        string path;
        string? archetypeId = null, templateId = null;
        ArchetypeTerminology? terminology = null;
        if (isRoot)
        {
            archetypeId = context.ObjectIdValue(kids.One("archetype_id"), "archetype_id") ?? "";
            if (kids.One("template_id") is { } templateIdElement) templateId = context.ObjectIdValue(templateIdElement, "template_id");
            var builder = TerminologyReader.ReadRoot(context, kids, language);
            if (archetypeId.Length > 0 && ontologies.TryGetValue(archetypeId, out var ontology)) builder.Merge(ontology);
            terminology = builder.Build();
            path = parentPath is null ? "/" : ChildPath(parentPath, attributeName!, archetypeId);
            CheckArchetypeId(archetypeId, rmTypeName, kids.One("archetype_id"), path);
            scope = new Scope(archetypeId, terminology);
        }
        else
        {
            path = ChildPath(parentPath!, attributeName!, nodeId);
        }

        CheckNodeId(nodeId, scope, element, path);
        var rmType = RmTypeOf(rmTypeName, element, path);

        var attributes = new List<CAttribute>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attributeElement in kids.All("attributes"))
        {
            var attribute = ReadAttribute(attributeElement, path, rmTypeName, rmType, scope, depth);
            if (attribute is null) continue;
            if (!names.Add(attribute.RmAttributeName))
            {
                context.Error(OptErrorCodes.DuplicateElement,
                    $"{rmTypeName}.{attribute.RmAttributeName} is constrained twice", attributeElement, path);
                continue;
            }

            attributes.Add(attribute);
        }

        var defaultValue = kids.One("default_value") is { } d ? DefaultValueReader.Read(context, d) : null;

        CComplexObject node = isRoot
            ? new CArchetypeRoot
            {
                RmTypeName = rmTypeName,
                NodeId = archetypeId!,
                RootNodeId = nodeId,
                Occurrences = occurrences,
                Attributes = attributes,
                ArchetypeId = archetypeId!,
                TemplateId = templateId,
                Terminology = terminology!,
                Path = path,
                DefaultValue = defaultValue,
            }
            : new CComplexObject
            {
                RmTypeName = rmTypeName,
                NodeId = nodeId,
                Occurrences = occurrences,
                Attributes = attributes,
                Path = path,
                DefaultValue = defaultValue,
            };
        foreach (var attribute in attributes) attribute.Owner = node;
        Elements[node] = element;
        return node;
    }

    private void CheckArchetypeId(string archetypeId, string rmTypeName, XElement? at, string path)
    {
        if (archetypeId.Length == 0) return;
        var entity = NodeIds.ArchetypeEntity(archetypeId);
        if (entity is null)
        {
            context.Error(OptErrorCodes.InvalidValue, $"'{OptContext.Excerpt(archetypeId)}' is not a valid archetype id", at, path);
            return;
        }

        var generic = rmTypeName.IndexOf('<');
        var baseName = generic >= 0 ? rmTypeName[..generic].TrimEnd() : rmTypeName;
        if (rmTypeName.Length > 0 && entity != baseName)
            context.Error(OptErrorCodes.TypeMismatch,
                $"archetype {archetypeId} constrains {entity}, but its root's rm_type_name is {rmTypeName}", at, path);
    }

    private CAttribute? ReadAttribute(XElement element, string ownerPath, string ownerTypeName, RmType? ownerType, Scope? scope, int depth)
    {
        var type = OptContext.XsiType(element);
        bool multiple;
        switch (type)
        {
            case "C_SINGLE_ATTRIBUTE":
                multiple = false;
                break;
            case "C_MULTIPLE_ATTRIBUTE":
                multiple = true;
                break;
            case null:
                context.Error(OptErrorCodes.MissingType, "<attributes> needs an xsi:type (C_SINGLE_ATTRIBUTE or C_MULTIPLE_ATTRIBUTE)", element, ownerPath);
                return null;
            default:
                context.Error(OptErrorCodes.UnknownConstraintType,
                    $"'{OptContext.Excerpt(type)}' is not an attribute constraint type (C_SINGLE_ATTRIBUTE, C_MULTIPLE_ATTRIBUTE)",
                    OptContext.XsiTypeAttribute(element), ownerPath);
                return null;
        }

        var kids = context.Check(element, multiple ? OptSchema.CMultipleAttribute : OptSchema.CSingleAttribute);
        var name = context.Token(kids.One("rm_attribute_name"), "rm_attribute_name");
        var existence = kids.One("existence") is { } e ? IntervalReader.ReadMultiplicity(context, e, "existence", maxUpper: 1) : null;
        if (context.Boolean(kids.One("match_negated")) == true)
            context.Error(OptErrorCodes.Unsupported, "match_negated=true is not supported", kids.One("match_negated"), ownerPath);
        Cardinality? cardinality = multiple && kids.One("cardinality") is { } c ? ReadCardinality(c) : null;
        if (name is null) return null;

        var attributePath = $"{(ownerPath == "/" ? "" : ownerPath)}/{name}";
        var rmAttribute = ownerType?.FindAttribute(name);
        if (ownerType is not null && rmAttribute is null && !PseudoAttributes.IsKnown(ownerType, name))
        {
            context.Error(OptErrorCodes.UnknownRmAttribute, $"{ownerType.Name} has no attribute '{OptContext.Excerpt(name)}'",
                kids.One("rm_attribute_name"), attributePath);
        }
        else if (rmAttribute is not null && rmAttribute.IsList != multiple)
        {
            context.Error(OptErrorCodes.TypeMismatch,
                rmAttribute.IsList
                    ? $"{ownerType!.Name}.{name} is a container, but is constrained by a C_SINGLE_ATTRIBUTE"
                    : $"{ownerType!.Name}.{name} holds a single value, but is constrained by a C_MULTIPLE_ATTRIBUTE",
                OptContext.XsiTypeAttribute(element), attributePath);
        }

        var children = new List<CObject>();
        foreach (var childElement in kids.All("children"))
        {
            var child = ReadObject(childElement, ownerPath, name, scope, depth + 1);
            if (child is null) continue;
            if (rmAttribute is not null) CheckChildType(child, rmAttribute, childElement);
            children.Add(child);
        }

        var attribute = new CAttribute
        {
            RmAttributeName = name,
            Existence = existence ?? new Interval<int>(1, 1),
            IsMultiple = multiple,
            Cardinality = cardinality,
            Children = children,
        };
        foreach (var child in children) child.Parent = attribute;
        return attribute;
    }

    private Cardinality? ReadCardinality(XElement element)
    {
        var kids = context.Check(element, OptSchema.Cardinality);
        var ordered = context.Boolean(kids.One("is_ordered"));
        var unique = context.Boolean(kids.One("is_unique"));
        var interval = kids.One("interval") is { } i ? IntervalReader.ReadMultiplicity(context, i, "cardinality") : null;
        return ordered is null || unique is null || interval is null ? null : new Cardinality(interval.Value, ordered.Value, unique.Value);
    }

    /// <summary>What a child may be depends on the RM attribute: an RM object of (a subtype of) its type, or a primitive of its kind.</summary>
    private void CheckChildType(CObject child, RmAttribute attribute, XElement element)
    {
        var where = $"{attribute.DeclaringType.Name}.{attribute.Name}";
        if (attribute.Kind is RmAttributeKind.Object or RmAttributeKind.List)
        {
            if (child is CPrimitiveObject)
            {
                context.Error(OptErrorCodes.TypeMismatch,
                    $"{where} holds {attribute.ValueType?.Name}, not a primitive {child.RmTypeName}", element, child.Path);
                return;
            }

            var childType = RmModel.Find(child.RmTypeName);
            if (childType is not null && attribute.ValueType is { } declared && !childType.IsSubtypeOf(declared))
                context.Error(OptErrorCodes.TypeMismatch,
                    $"{child.RmTypeName} is not a {declared.Name}, which {where} holds", element, child.Path);
            return;
        }

        if (child is not CPrimitiveObject primitive)
        {
            context.Error(OptErrorCodes.TypeMismatch,
                $"{where} is a primitive ({attribute.Kind}), but is constrained by {child.RmTypeName}", element, child.Path);
            return;
        }

        var fits = attribute.Kind switch
        {
            RmAttributeKind.Text => primitive.Item is CString or CTemporal,
            RmAttributeKind.Integer => primitive.Item is CInteger,
            RmAttributeKind.Real => primitive.Item is CReal or CInteger,
            RmAttributeKind.Boolean => primitive.Item is CBoolean,
            _ => false,
        };
        if (!fits)
            context.Error(OptErrorCodes.TypeMismatch,
                $"{where} is {attribute.Kind}, but is constrained by {primitive.Item.TypeName}", element, child.Path);
    }

    private ArchetypeSlot ReadSlot(XElement element, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, OptSchema.ArchetypeSlot);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        RmTypeOf(rmTypeName, element, path);
        return new ArchetypeSlot
        {
            RmTypeName = rmTypeName,
            NodeId = nodeId,
            Occurrences = occurrences,
            Path = path,
            Includes = [.. kids.All("includes").Select(a => AssertionReader.Read(context, a)).OfType<string>()],
            Excludes = [.. kids.All("excludes").Select(a => AssertionReader.Read(context, a)).OfType<string>()],
        };
    }

    private ArchetypeInternalRef ReadInternalRef(XElement element, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, OptSchema.ArchetypeInternalRef);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        RmTypeOf(rmTypeName, element, path);
        return new ArchetypeInternalRef
        {
            RmTypeName = rmTypeName,
            NodeId = nodeId,
            Occurrences = occurrences,
            Path = path,
            TargetPath = context.Token(kids.One("target_path"), "target_path") ?? "",
        };
    }

    private ConstraintRef ReadConstraintRef(XElement element, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, OptSchema.ConstraintRef);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        RmTypeOf(rmTypeName, element, path);
        var reference = context.Token(kids.One("reference"), "reference") ?? "";
        if (reference.Length > 0 && !NodeIds.IsAcCode(reference))
            context.Error(OptErrorCodes.InvalidValue, $"reference '{OptContext.Excerpt(reference)}' is not an ac-code", kids.One("reference"), path);
        return new ConstraintRef { RmTypeName = rmTypeName, NodeId = nodeId, Occurrences = occurrences, Path = path, Reference = reference };
    }

    private CPrimitiveObject? ReadPrimitiveObject(XElement element, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, OptSchema.CPrimitiveObject);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        if (kids.One("item") is not { } itemElement) return null;
        var item = PrimitiveReader.Read(context, itemElement);
        if (item is null) return null;

        var itemType = OptContext.XsiType(itemElement)!;
        if (rmTypeName.Length > 0 && !PrimitiveReader.RmTypeNames[itemType].Contains(rmTypeName))
            context.Error(OptErrorCodes.TypeMismatch,
                $"C_PRIMITIVE_OBJECT of rm_type_name {OptContext.Excerpt(rmTypeName)} holds a {itemType}, which constrains {PrimitiveReader.RmTypeNames[itemType][0]}",
                kids.One("rm_type_name"), path);
        return new CPrimitiveObject { RmTypeName = rmTypeName, NodeId = nodeId, Occurrences = occurrences, Path = path, Item = item };
    }

    private void CheckDomainType(string rmTypeName, string expected, string constraintType, XElement element, string path)
    {
        if (rmTypeName.Length == 0) return;
        var type = RmTypeOf(rmTypeName, element, path);
        if (type is not null && type.Name != expected)
            context.Error(OptErrorCodes.TypeMismatch, $"{constraintType} constrains {expected}, not {rmTypeName}",
                element.Element(XName.Get("rm_type_name", element.Name.NamespaceName)), path);
    }

    private CCodePhrase ReadCodePhrase(XElement element, ContentModel model, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, model);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        CheckDomainType(rmTypeName, CodePhraseType.Name, model.TypeName, element, path);

        var terminology = kids.One("terminology_id") is { } t ? context.ObjectIdValue(t, "terminology_id") : null;
        var codes = new List<string>();
        foreach (var codeElement in kids.All("code_list"))
        {
            var code = context.Token(codeElement, "code_list");
            if (code is null) continue;
            if (terminology == "local") CheckLocalCode(code, scope, codeElement, path);
            codes.Add(code);
        }

        var assumed = kids.One("assumed_value") is { } a ? TerminologyReader.ReadCodePhrase(context, a, "assumed_value") : null;
        if (assumed is not null && codes.Count > 0
            && (assumed.TerminologyId.Value != terminology || !codes.Contains(assumed.CodeString)))
            context.Error(OptErrorCodes.InvalidValue,
                $"assumed_value {assumed.TerminologyId.Value}::{assumed.CodeString} is not among the allowed codes", kids.One("assumed_value"), path);

        var referenceSetUri = kids.One("referenceSetUri") is { } r ? context.Token(r, "referenceSetUri") : null;
        return new CCodePhrase
        {
            RmTypeName = rmTypeName,
            NodeId = nodeId,
            Occurrences = occurrences,
            Path = path,
            TerminologyId = terminology,
            CodeList = codes,
            ReferenceSetUri = referenceSetUri,
            AssumedValue = assumed,
        };
    }

    private void CheckLocalCode(string code, Scope? scope, XElement at, string path)
    {
        if (!NodeIds.IsAtCode(code))
            context.Error(OptErrorCodes.InvalidValue, $"local code '{OptContext.Excerpt(code)}' is not an at-code", at, path);
        else if (scope is not null && scope.Terminology.Term(code, language) is null)
            context.Error(OptErrorCodes.UndefinedCode, $"local code {code} is not defined in the terminology of {scope.ArchetypeId}", at, path);
    }

    private CDvQuantity ReadDvQuantity(XElement element, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, OptSchema.CDvQuantity);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        CheckDomainType(rmTypeName, "DV_QUANTITY", "C_DV_QUANTITY", element, path);

        var property = kids.One("property") is { } p ? TerminologyReader.ReadCodePhrase(context, p, "property") : null;
        var items = new List<CQuantityItem>();
        foreach (var itemElement in kids.All("list"))
        {
            var item = context.Check(itemElement, OptSchema.CQuantityItem);
            var units = context.Token(item.One("units"), "units");
            var magnitude = item.One("magnitude") is { } m ? IntervalReader.ReadReal(context, m, $"magnitude of {units}") : null;
            var precision = item.One("precision") is { } pr ? IntervalReader.ReadInt32(context, pr, $"precision of {units}") : null;
            var system = item.One("units_system") is { } s ? context.Text(s)?.Trim() : null;
            var display = item.One("units_display_name") is { } dn ? context.Text(dn) : null;
            if (units is not null) items.Add(new CQuantityItem(units, magnitude, precision, system, display));
        }

        DvQuantity? assumed = null;
        if (kids.One("assumed_value") is { } a)
        {
            var value = context.Check(a, OptSchema.QuantityValue);
            var magnitude = context.Real(value.One("magnitude"));
            var units = context.Token(value.One("units"), "units");
            var precision = context.Int32(value.One("precision"));
            if (magnitude is not null && units is not null)
                assumed = new DvQuantity { Magnitude = magnitude.Value, Units = units, Precision = precision };
        }

        return new CDvQuantity
        {
            RmTypeName = rmTypeName,
            NodeId = nodeId,
            Occurrences = occurrences,
            Path = path,
            Property = property,
            Items = items,
            AssumedValue = assumed,
        };
    }

    private CDvOrdinal ReadDvOrdinal(XElement element, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, OptSchema.CDvOrdinal);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        CheckDomainType(rmTypeName, "DV_ORDINAL", "C_DV_ORDINAL", element, path);

        var options = kids.All("list").Select(e => ReadOrdinal(e, context.Int32, scope, path))
            .Where(o => o is not null).Select(o => new OrdinalOption(o!.Value.Value, o.Value.Symbol)).ToList();
        var assumed = kids.One("assumed_value") is { } a && ReadOrdinal(a, context.Int32, scope, path) is { } v
            ? new OrdinalOption(v.Value, v.Symbol)
            : null;
        return new CDvOrdinal { RmTypeName = rmTypeName, NodeId = nodeId, Occurrences = occurrences, Path = path, Options = options, AssumedValue = assumed };
    }

    private CDvScale ReadDvScale(XElement element, string parentPath, string attributeName, Scope? scope)
    {
        var kids = context.Check(element, OptSchema.CDvScale);
        var (rmTypeName, nodeId, occurrences) = ReadHeader(element, kids);
        var path = ChildPath(parentPath, attributeName, nodeId);
        CheckNodeId(nodeId, scope, element, path);
        CheckDomainType(rmTypeName, "DV_SCALE", "C_DV_SCALE", element, path);

        var options = kids.All("list").Select(e => ReadOrdinal(e, context.Real, scope, path))
            .Where(o => o is not null).Select(o => new ScaleOption(o!.Value.Value, o.Value.Symbol)).ToList();
        var assumed = kids.One("assumed_value") is { } a && ReadOrdinal(a, context.Real, scope, path) is { } v
            ? new ScaleOption(v.Value, v.Symbol)
            : null;
        return new CDvScale { RmTypeName = rmTypeName, NodeId = nodeId, Occurrences = occurrences, Path = path, Options = options, AssumedValue = assumed };
    }

    /// <summary>A DV_ORDINAL or DV_SCALE item: its value and its symbol's defining code.</summary>
    private (T Value, CodePhrase Symbol)? ReadOrdinal<T>(XElement element, Func<XElement?, T?> readValue, Scope? scope, string path)
        where T : struct
    {
        var kids = context.Check(element, OptSchema.OrdinalValue);
        var value = readValue(kids.One("value"));
        CodePhrase? code = null;
        if (kids.One("symbol") is { } symbol)
        {
            var symbolKids = context.Check(symbol, OptSchema.OrdinalSymbol);
            if (symbolKids.One("defining_code") is { } definingCode)
            {
                code = TerminologyReader.ReadCodePhrase(context, definingCode, "symbol");
                if (code is { TerminologyId.Value: "local" }) CheckLocalCode(code.CodeString, scope, definingCode, path);
            }
        }

        return value is null || code is null ? null : (value.Value, code);
    }
}
