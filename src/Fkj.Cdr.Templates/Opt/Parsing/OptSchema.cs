namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// The content models of the OPT 1.4 schema (openEHR ITS-XML Template.xsd with the AOM 1.4 types of
/// Archetype.xsd and the RM types they embed), as far as this parser reads them, plus what the
/// template tools in use write beyond them: <c>ontology</c>/<c>component_ontologies</c> (Archetype
/// Designer's per-archetype translations), <c>C_CODE_REFERENCE</c> (external value sets),
/// <c>match_negated</c> and <c>list_open</c>.
/// </summary>
internal static class OptSchema
{
    private const int N = ContentModel.Unbounded;

    public static readonly ContentModel Template = new("OPERATIONAL_TEMPLATE",
        ("language", 1, 1),
        ("is_controlled", 0, 1),
        ("description", 0, 1),
        ("revision_history", 0, 1),
        ("uid", 0, 1),
        ("template_id", 1, 1),
        ("concept", 1, 1),
        ("definition", 1, 1),
        ("ontology", 0, 1),
        ("component_ontologies", 0, N),
        ("annotations", 0, N),
        ("constraints", 0, 1),
        ("view", 0, 1));

    public static readonly ContentModel CodePhrase = new("CODE_PHRASE",
        ("terminology_id", 1, 1), ("code_string", 1, 1), ("preferred_term", 0, 1));

    /// <summary>OBJECT_ID and its subtypes (HIER_OBJECT_ID, TEMPLATE_ID, ARCHETYPE_ID, TERMINOLOGY_ID).</summary>
    public static readonly ContentModel ObjectId = new("OBJECT_ID", ("value", 1, 1));

    public static readonly ContentModel ResourceDescription = new("RESOURCE_DESCRIPTION",
        ("original_author", 0, N),
        ("other_contributors", 0, N),
        ("lifecycle_state", 1, 1),
        ("resource_package_uri", 0, 1),
        ("other_details", 0, N),
        ("details", 0, N),
        ("parent_resource", 0, 1));

    public static readonly ContentModel ResourceDescriptionItem = new("RESOURCE_DESCRIPTION_ITEM",
        ("language", 1, 1),
        ("purpose", 1, 1),
        ("keywords", 0, N),
        ("use", 0, 1),
        ("misuse", 0, 1),
        ("copyright", 0, 1),
        ("original_resource_uri", 0, N),
        ("other_details", 0, N));

    /// <summary>Occurrences, existence and the ranges of primitive constraints.</summary>
    public static readonly ContentModel Interval = new("INTERVAL",
        ("lower_included", 0, 1),
        ("upper_included", 0, 1),
        ("lower_unbounded", 1, 1),
        ("upper_unbounded", 1, 1),
        ("lower", 0, 1),
        ("upper", 0, 1));

    public static readonly ContentModel Cardinality = new("CARDINALITY",
        ("is_ordered", 1, 1), ("is_unique", 1, 1), ("interval", 1, 1));

    private static readonly ContentModel CObject = new ContentModel("C_OBJECT",
        ("rm_type_name", 1, 1), ("occurrences", 1, 1), ("node_id", 1, 1)).Lenient();

    public static readonly ContentModel CComplexObject = CObject.Extend("C_COMPLEX_OBJECT",
        ("attributes", 0, N), ("default_value", 0, 1));

    public static readonly ContentModel CArchetypeRoot = CComplexObject.Extend("C_ARCHETYPE_ROOT",
        ("archetype_id", 1, 1),
        ("template_id", 0, 1),
        ("term_definitions", 0, N),
        ("constraint_definitions", 0, N),
        ("term_bindings", 0, N),
        ("constraint_bindings", 0, N));

    public static readonly ContentModel ArchetypeSlot = CObject.Extend("ARCHETYPE_SLOT",
        ("includes", 0, N), ("excludes", 0, N));

    public static readonly ContentModel ArchetypeInternalRef = CObject.Extend("ARCHETYPE_INTERNAL_REF",
        ("target_path", 1, 1));

    public static readonly ContentModel ConstraintRef = CObject.Extend("CONSTRAINT_REF",
        ("reference", 1, 1));

    public static readonly ContentModel CPrimitiveObject = CObject.Extend("C_PRIMITIVE_OBJECT",
        ("item", 1, 1));

    public static readonly ContentModel CCodePhrase = CObject.Extend("C_CODE_PHRASE",
        ("assumed_value", 0, 1), ("terminology_id", 0, 1), ("code_list", 0, N));

    public static readonly ContentModel CCodeReference = CCodePhrase.Extend("C_CODE_REFERENCE",
        ("referenceSetUri", 1, 1));

    public static readonly ContentModel CDvQuantity = CObject.Extend("C_DV_QUANTITY",
        ("assumed_value", 0, 1), ("property", 0, 1), ("list", 0, N));

    public static readonly ContentModel CQuantityItem = new("C_QUANTITY_ITEM",
        ("magnitude", 0, 1),
        ("precision", 0, 1),
        ("units", 1, 1),
        ("units_system", 0, 1),
        ("units_display_name", 0, 1));

    /// <summary>The magnitude, units and precision of C_DV_QUANTITY.assumed_value.</summary>
    public static readonly ContentModel QuantityValue = new("DV_QUANTITY",
        ("magnitude", 1, 1), ("units", 1, 1), ("precision", 0, 1));

    public static readonly ContentModel CDvOrdinal = CObject.Extend("C_DV_ORDINAL",
        ("assumed_value", 0, 1), ("list", 0, N));

    public static readonly ContentModel CDvScale = CObject.Extend("C_DV_SCALE",
        ("assumed_value", 0, 1), ("list", 0, N));

    /// <summary>DV_ORDINAL and DV_SCALE as items of C_DV_ORDINAL and C_DV_SCALE: a value and a coded symbol.</summary>
    public static readonly ContentModel OrdinalValue = new("DV_ORDINAL", ("value", 1, 1), ("symbol", 1, 1));

    /// <summary>The symbol of an ordinal: a DV_CODED_TEXT whose text the OPT may leave out.</summary>
    public static readonly ContentModel OrdinalSymbol = new("DV_CODED_TEXT", ("value", 0, 1), ("defining_code", 1, 1));

    public static readonly ContentModel CSingleAttribute = new("C_SINGLE_ATTRIBUTE",
        ("rm_attribute_name", 1, 1), ("existence", 1, 1), ("match_negated", 0, 1), ("children", 0, N));

    public static readonly ContentModel CMultipleAttribute = CSingleAttribute.Extend("C_MULTIPLE_ATTRIBUTE",
        ("cardinality", 1, 1));

    public static readonly ContentModel CString = new("C_STRING",
        ("pattern", 0, 1), ("list", 0, N), ("list_open", 0, 1), ("assumed_value", 0, 1));

    public static readonly ContentModel CInteger = new("C_INTEGER",
        ("list", 0, N), ("range", 0, 1), ("assumed_value", 0, 1));

    public static readonly ContentModel CReal = new("C_REAL",
        ("list", 0, N), ("range", 0, 1), ("assumed_value", 0, 1));

    public static readonly ContentModel CBoolean = new("C_BOOLEAN",
        ("true_valid", 1, 1), ("false_valid", 1, 1), ("assumed_value", 0, 1));

    /// <summary>C_DATE, C_TIME, C_DATE_TIME; timezone_validity is recognised to be refused as unsupported.</summary>
    public static ContentModel CTemporal(string typeName) => new(typeName,
        ("pattern", 0, 1), ("timezone_validity", 0, 1), ("range", 0, 1), ("assumed_value", 0, 1));

    public static readonly ContentModel CDuration = new("C_DURATION",
        ("pattern", 0, 1), ("range", 0, 1), ("assumed_value", 0, 1));

    /// <summary>ARCHETYPE_TERM: an at- or ac-code with its items (text, description, comment, ...).</summary>
    public static readonly ContentModel ArchetypeTerm = new("ARCHETYPE_TERM", ("items", 0, N));

    public static readonly ContentModel TermBindingSet = new("TERM_BINDING_SET", ("items", 0, N));

    public static readonly ContentModel TermBindingItem = new("TERM_BINDING_ITEM", ("value", 1, 1));

    public static readonly ContentModel ConstraintBindingSet = new("CONSTRAINT_BINDING_SET", ("items", 0, N));

    /// <summary>Archetype Designer's ontology and component_ontologies: one archetype's terminology in every language.</summary>
    public static readonly ContentModel Ontology = new("ARCHETYPE_ONTOLOGY",
        ("term_definitions", 0, N),
        ("constraint_definitions", 0, N),
        ("term_bindings", 0, N),
        ("constraint_bindings", 0, N));

    /// <summary>CODE_DEFINITION_SET: the terms of one language.</summary>
    public static readonly ContentModel CodeDefinitionSet = new("CODE_DEFINITION_SET", ("items", 0, N));

    public static readonly ContentModel Annotation = new("ANNOTATION", ("items", 0, N));

    public static readonly ContentModel View = new("T_VIEW", ("constraints", 0, N));

    public static readonly ContentModel ViewConstraint = new("T_VIEW_CONSTRAINT", ("items", 0, N));

    public static readonly ContentModel ViewConstraintItem = new("T_VIEW_CONSTRAINT_ITEM", ("value", 1, 1));

    public static readonly ContentModel TemplateConstraints = new("T_CONSTRAINT", ("attributes", 0, N));

    public static readonly ContentModel TemplateAttribute = new("T_ATTRIBUTE",
        ("rm_attribute_name", 1, 1), ("children", 0, N), ("differential_path", 1, 1));

    public static readonly ContentModel TemplateComplexObject = new("T_COMPLEX_OBJECT",
        ("rm_type_name", 0, 1), ("occurrences", 0, 1), ("node_id", 0, 1), ("default_value", 0, 1));

    public static readonly ContentModel Assertion = new("ASSERTION",
        ("tag", 0, 1), ("string_expression", 0, 1), ("expression", 1, 1), ("variables", 0, N));

    public static readonly ContentModel ExprLeaf = new("EXPR_LEAF",
        ("type", 1, 1), ("item", 1, 1), ("reference_type", 1, 1));

    public static readonly ContentModel ExprUnaryOperator = new("EXPR_UNARY_OPERATOR",
        ("type", 1, 1), ("operator", 1, 1), ("precedence_overridden", 1, 1), ("operand", 1, 1));

    public static readonly ContentModel ExprBinaryOperator = new("EXPR_BINARY_OPERATOR",
        ("type", 1, 1), ("operator", 1, 1), ("precedence_overridden", 1, 1), ("left_operand", 1, 1), ("right_operand", 1, 1));
}
