using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Codecs.Xml;

/// <summary>
/// Where the openEHR XML schemas (ITS-XML) depart from the plain "one element per attribute" mapping
/// that the codec otherwise derives from <see cref="RmType"/> metadata.
/// </summary>
internal static class XmlShape
{
    public const string Namespace = "http://schemas.openehr.org/v1";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>
    /// LOCATABLE.archetype_node_id, the only RM attribute the schemas carry as an XML attribute
    /// (<c>&lt;xs:attribute name="archetype_node_id" use="required"/&gt;</c> in Common.xsd); every
    /// other attribute is a child element.
    /// </summary>
    // Through RmModel, which seals the attribute lists, rather than Locatable.Meta directly.
    public static readonly RmAttribute ArchetypeNodeId =
        RmModel.Get("LOCATABLE").FindAttribute("archetype_node_id") ?? throw new InvalidOperationException("LOCATABLE.archetype_node_id");

    /// <summary>
    /// ENTRY.workflow_id is spelt <c>work_flow_id</c> in the schemas (Ehr.xsd, every release) but
    /// <c>workflow_id</c> in the RM and by EHRbase/Archie; both are read, the RM name is written.
    /// </summary>
    private static readonly RmAttribute WorkflowId =
        RmModel.Get("ENTRY").FindAttribute("workflow_id") ?? throw new InvalidOperationException("ENTRY.workflow_id");

    private const string WorkflowIdSchemaName = "work_flow_id";

    /// <summary>
    /// DV_PARSABLE.size: RM 1.0.2 had DV_ENCAPSULATED.size, later moved to DV_MULTIMEDIA; the schema
    /// keeps <c>&lt;size&gt;</c> on DV_PARSABLE "to support legacy data instances". It is derived data
    /// (the length of <c>value</c>), so it is accepted, checked to be an integer, and dropped.
    /// </summary>
    public const string LegacyParsableSize = "size";

    private static readonly RmType DvParsable = RmModel.Get("DV_PARSABLE");
    private static readonly RmType Version = RmModel.Get("VERSION");

    public static bool IsXmlAttribute(RmAttribute attribute) => ReferenceEquals(attribute, ArchetypeNodeId);

    /// <summary>The index in <paramref name="type"/>'s attributes of the one carried by element <paramref name="name"/>, or -1.</summary>
    public static int IndexOfElement(RmType type, string name)
    {
        var attributes = type.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
                return IsXmlAttribute(attribute) ? -1 : i;
        }

        if (name == WorkflowIdSchemaName)
        {
            for (var i = 0; i < attributes.Count; i++)
                if (ReferenceEquals(attributes[i], WorkflowId)) return i;
        }

        return -1;
    }

    public static bool IsLegacyParsableSize(RmType type, string name) =>
        name == LegacyParsableSize && ReferenceEquals(type, DvParsable);

    /// <summary>
    /// The document element for a root of <paramref name="type"/>: the schemas' document elements are
    /// <c>composition</c> (Composition.xsd) and <c>version</c> (Version.xsd); other roots follow the same
    /// convention of the lower-case type name (<c>ehr_status</c>, <c>folder</c>, <c>contribution</c>).
    /// </summary>
    public static string DocumentElementName(RmType type) =>
        type.IsSubtypeOf(Version) ? "version" : type.Name.ToLowerInvariant();

    /// <summary>The type a document element names when the root carries no xsi:type, e.g. <c>composition</c>.</summary>
    public static RmType? TypeOfDocumentElement(string name) =>
        name.Length > 64 ? null : RmModel.Find(name.ToUpperInvariant());
}
