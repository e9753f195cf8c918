using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The rows of a new versioned object's first version, made outside an HTTP request (the bulk import,
/// <c>fkj import</c>) by the same steps as the REST path (<see cref="CompositionCommit"/>, <see cref="EhrCommit"/>),
/// ready to be appended to a write batch.
/// </summary>
/// <param name="EhrId">The EHR it belongs to.</param>
/// <param name="Uid">The version uid it was given (version 1).</param>
/// <param name="RmType">A <see cref="VersionedType"/>.</param>
/// <param name="TemplateId">The template of a composition; null for an EHR_STATUS.</param>
/// <param name="Contribution">The contribution that commits it.</param>
/// <param name="Version">The version row, with the stored document.</param>
/// <param name="Leaves">Its rows of the query index.</param>
public sealed record PreparedCommit(Guid EhrId, VersionUid Uid, string RmType, string? TemplateId, ContributionRow Contribution, NewVersion Version,
    IReadOnlyList<LeafRow> Leaves);
