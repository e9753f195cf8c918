namespace Fkj.Cdr.Storage.Records;

/// <summary>The path of a leaf value: its archetype path from the root and the RM type at each step.</summary>
/// <param name="Path">
/// The archetype path, starting with the root's archetype id:
/// <c>[openEHR-EHR-COMPOSITION.encounter.v1]/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]/events[at0003]/data[at0001]/items[at0004]/value</c>.
/// LOCATABLE steps carry their archetype node id; other steps (<c>/context</c>, <c>/value</c>, <c>/lower</c>) none.
/// </param>
/// <param name="RmTypes">The RM type at each step, the root's first and the data value's last, joined with '/'.</param>
public readonly record struct LeafPath(string Path, string RmTypes);

/// <summary>
/// One leaf data value of a version, as the query index stores it (table leaf_value).
/// </summary>
/// <param name="Path">Where it is.</param>
/// <param name="Ancestors">
/// The pre-order numbers of the LOCATABLE nodes below the root (which is always 0) down to the one that holds the
/// value, each as a big-endian 16-bit number: the ancestor at depth k (root = 0) is bytes 2(k-1) and 2(k-1)+1.
/// </param>
/// <param name="Num">
/// Magnitude, count, ordinal or scale value, proportion numerator, boolean as 0/1, duration or time of day in
/// seconds, and a date or date-time as seconds since 1970-01-01T00:00Z (its earliest instant; a value without a
/// zone read as UTC).
/// </param>
/// <param name="Text">Text value, code string, identifier, URI, the text of a duration; at most <see cref="LeafIndex.MaxText"/> characters.</param>
/// <param name="Term">The terminology of a code, the units of a quantity, the formalism of a parsable, the media type of a multimedia.</param>
public sealed record LeafRow(LeafPath Path, byte[] Ancestors, double? Num, string? Text, string? Term);
