using System.Text;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>The parts of a commit that every versioned resource shares: contribution, version row, document, leaf values.</summary>
internal static class Commits
{
    public static ContributionRow Contribution(string systemId, CommitInfo commit, short changeType) =>
        new(Guid.CreateVersion7(commit.Time), systemId, commit.CommitterJson, commit.Time, changeType, commit.Description);

    public static NewVersion Version(Guid objectId, int version, ContributionRow contribution, CommitInfo commit, short changeType, string? document) =>
        new(objectId, version, contribution.ContributionId, commit.Time, changeType,
            changeType == ChangeType.Deleted ? LifecycleState.Deleted : commit.LifecycleState, commit.Description, document);

    /// <summary>The document as the object_version table keeps it: compact canonical JSON.</summary>
    public static string Document(Locatable data) => Encoding.UTF8.GetString(CanonicalJson.Encode(data));

    /// <summary>Decodes a stored document.</summary>
    public static T Decode<T>(string document) where T : RmObject => CanonicalJson.Decode<T>(Encoding.UTF8.GetBytes(document));

    /// <summary>The leaf values of a document for the query index.</summary>
    /// <exception cref="Errors.ApiException">422 when the document has more nodes than the index numbers.</exception>
    public static IReadOnlyList<LeafRow> Leaves(Locatable data)
    {
        try
        {
            return LeafIndex.Extract(data);
        }
        catch (InvalidOperationException e)
        {
            throw EhrErrors.TooManyNodes(e.Message);
        }
    }
}
