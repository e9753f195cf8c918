namespace Fkj.Cdr.Terminology.Index;

/// <summary>An active inferred attribute relationship (not IS-A): the type, the destination and the role group (0 = ungrouped).</summary>
public readonly record struct SnomedRelationship(long TypeId, long DestinationId, int Group);

/// <summary>An active inferred concrete value: the type, the value as written in RF2 (<c>#5</c>, <c>"text"</c>) and the role group.</summary>
public readonly record struct SnomedConcreteValue(long TypeId, string Value, int Group);

/// <summary>
/// A member of a reference set; <see cref="Fields"/> are its own columns (from the seventh on), named by
/// <see cref="FieldNames"/> when the release says.
/// </summary>
public sealed record SnomedRefsetMember(long RefsetId, long ReferencedComponentId, IReadOnlyList<string> Fields)
{
    public string Id { get; init; } = "";

    /// <summary>YYYYMMDD as a number; 0 when the row has none (not yet released).</summary>
    public int EffectiveTime { get; init; }

    public bool Active { get; init; } = true;

    public long ModuleId { get; init; }

    /// <summary>The names of <see cref="Fields"/> (the file's columns from the seventh on); empty when unknown.</summary>
    public IReadOnlyList<string> FieldNames { get; init; } = [];

    /// <summary>The value of a field by its column name (also id, effectiveTime, active, moduleId, refsetId, referencedComponentId), or null.</summary>
    public string? Field(string name)
    {
        for (var i = 0; i < FieldNames.Count && i < Fields.Count; i++)
        {
            if (string.Equals(FieldNames[i], name, StringComparison.Ordinal)) return Fields[i];
        }

        return name switch
        {
            "id" => Id,
            "effectiveTime" => EffectiveTime == 0 ? "" : EffectiveTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "active" => Active ? "1" : "0",
            "moduleId" => ModuleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "refsetId" => RefsetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "referencedComponentId" => ReferencedComponentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
