namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>A row of a concept file (sct2_Concept_...).</summary>
public readonly record struct Rf2Concept(long Id, int EffectiveTime, bool Active, long ModuleId, long DefinitionStatusId);

/// <summary>A row of a description or text-definition file (sct2_Description_..., sct2_TextDefinition_...).</summary>
public sealed record Rf2Description(
    long Id, int EffectiveTime, bool Active, long ModuleId, long ConceptId, string LanguageCode, long TypeId, string Term,
    long CaseSignificanceId);

/// <summary>A row of a relationship file (sct2_Relationship_... inferred, sct2_StatedRelationship_...).</summary>
public readonly record struct Rf2Relationship(
    long Id, int EffectiveTime, bool Active, long ModuleId, long SourceId, long DestinationId, int Group, long TypeId,
    long CharacteristicTypeId, long ModifierId);

/// <summary>A row of a concrete value file (sct2_RelationshipConcreteValues_...): the value as written (<c>#5</c>, <c>"text"</c>).</summary>
public sealed record Rf2ConcreteValue(
    long Id, int EffectiveTime, bool Active, long ModuleId, long SourceId, string Value, int Group, long TypeId,
    long CharacteristicTypeId);

/// <summary>
/// A row of a reference set file (der2_...): the six common columns, then the refset's own fields as written,
/// named by <see cref="Rf2File.Columns"/> from the seventh column on.
/// </summary>
public sealed record Rf2RefsetMember(
    string Id, int EffectiveTime, bool Active, long ModuleId, long RefsetId, long ReferencedComponentId, string[] Fields,
    Rf2File File)
{
    /// <summary>The refset field of that column name, or null when the file has no such column.</summary>
    public string? Field(string column)
    {
        var i = 0;
        while (i < File.Columns.Count && File.Columns[i] != column)
        {
            i++;
        }

        return i >= 6 && i - 6 < Fields.Length ? Fields[i - 6] : null;
    }
}
