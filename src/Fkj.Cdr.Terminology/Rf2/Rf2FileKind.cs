namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>What an RF2 file holds, from its name (sct2 files) or its columns (der2 reference sets).</summary>
public enum Rf2FileKind
{
    Other,
    Concept,
    Description,
    TextDefinition,
    Relationship,
    StatedRelationship,
    ConcreteValue,
    /// <summary>acceptabilityId: en-GB, en-US, nb, ...</summary>
    LanguageRefset,
    /// <summary>targetComponentId: historical associations (SAME AS, REPLACED BY, ...).</summary>
    AssociationRefset,
    /// <summary>mapTarget: simple, complex and extended maps.</summary>
    MapRefset,
    /// <summary>No fields beyond referencedComponentId.</summary>
    SimpleRefset,
    /// <summary>Any other reference set (attribute value, OWL, MRCM, metadata).</summary>
    OtherRefset,
}
