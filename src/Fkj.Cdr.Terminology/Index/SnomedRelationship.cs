namespace Fkj.Cdr.Terminology.Index;

/// <summary>An active inferred attribute relationship (not IS-A): the type, the destination and the role group (0 = ungrouped).</summary>
public readonly record struct SnomedRelationship(long TypeId, long DestinationId, int Group);

/// <summary>An active inferred concrete value: the type, the value as written in RF2 (<c>#5</c>, <c>"text"</c>) and the role group.</summary>
public readonly record struct SnomedConcreteValue(long TypeId, string Value, int Group);

/// <summary>An active member of a simple, association or map reference set; <see cref="Fields"/> are its own columns.</summary>
public sealed record SnomedRefsetMember(long RefsetId, long ReferencedComponentId, IReadOnlyList<string> Fields);
