using System.Text;
using System.Text.Json;
using Fkj.Cdr.Rm;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// Reads a CONTRIBUTION body in canonical JSON (ITS-REST's NewContribution; EHRbase's CONTRIBUTION_CREATE_DTO has
/// the same shape). The envelope is walked with <see cref="Utf8JsonReader"/>: it is a relaxed CONTRIBUTION (no uid
/// needed, no time_committed, no system id that counts), which the RM codec would refuse; each RM part inside it
/// (committer, change type, lifecycle state, preceding version uid, data) is decoded by the codec from its slice of
/// the body, and its problems are reported at their path in the whole body, with line and column.
/// </summary>
public sealed class ContributionJson
{
    private readonly byte[] _body;
    private readonly List<ErrorIssue> _issues = [];

    private ContributionJson(byte[] body) => _body = body;

    /// <summary>The request in the body; <paramref name="now"/> is the commit time.</summary>
    /// <exception cref="ApiException">400 <c>invalid_contribution</c> with every problem found.</exception>
    public static ContributionRequest Read(byte[] body, DateTimeOffset now) =>
        new ContributionJson(body.AsSpan().StartsWith("\uFEFF"u8) ? body[3..] : body).ReadContribution(now);

    private ContributionRequest ReadContribution(DateTimeOffset now)
    {
        var root = Slices(new Slice(0, _body.Length), "");
        Guid? uid = null;
        List<VersionRequest>? versions = null;
        RequestedAudit? audit = null;
        if (root is not null)
        {
            foreach (var (name, value) in root)
            {
                switch (name)
                {
                    case "_type":
                        ExpectType(value, "/_type", "CONTRIBUTION", "CONTRIBUTION_CREATE_DTO");
                        break;
                    case "uid":
                        uid = ReadContributionUid(value);
                        break;
                    case "versions":
                        versions = ReadVersions(value);
                        break;
                    case "audit":
                        audit = ReadAudit(value, "/audit");
                        break;
                    default:
                        Unknown(name, "", value, "CONTRIBUTION");
                        break;
                }
            }
            if (versions is null) Missing("/versions", "versions", "CONTRIBUTION");
            if (audit is null && !Has(root, "audit")) Missing("/audit", "audit", "CONTRIBUTION");
        }
        if (_issues.Count > 0)
        {
            throw ContributionErrors.InvalidBody("contribution", _issues);
        }
        var committerJson = Encoding.UTF8.GetString(CanonicalJson.Encode(audit!.Committer!));
        var time = now.ToUniversalTime();
        time = new DateTimeOffset(time.Ticks - time.Ticks % 10, TimeSpan.Zero);
        var commit = new CommitInfo(audit.Committer!, committerJson, audit.Description, Storage.Records.LifecycleState.Complete, time);
        return new ContributionRequest(uid, commit, audit.ChangeType!.Value, versions!);
    }

    private Guid? ReadContributionUid(Slice value)
    {
        if (Decode<HierObjectId>(value, "/uid") is not { } id)
        {
            return null;
        }
        if (Guid.TryParseExact(id.Value, "D", out var guid))
        {
            return guid;
        }
        Add("invalid_uid", $"'{id.Value}' is not a contribution uid: contribution uids on this server are UUIDs.", "/uid/value", value);
        return null;
    }

    private List<VersionRequest>? ReadVersions(Slice value)
    {
        var reader = Reader(value);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            Add("wrong_value_kind", "versions must be an array of ORIGINAL_VERSIONs.", "/versions", value);
            return null;
        }
        var list = new List<VersionRequest>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = value.Start + (int)reader.TokenStartIndex;
            reader.Skip();
            var element = new Slice(start, value.Start + (int)reader.BytesConsumed - start);
            if (ReadVersion(element, $"/versions/{index}") is { } version)
            {
                list.Add(version);
            }
            index++;
        }
        if (index == 0)
        {
            Add("no_versions", "The contribution has no versions: it must commit at least one.", "/versions", value);
        }
        return list;
    }

    private VersionRequest? ReadVersion(Slice value, string path)
    {
        if (Slices(value, path) is not { } properties)
        {
            return null;
        }
        RequestedAudit? audit = null;
        short? lifecycle = null;
        string? preceding = null;
        string? uid = null;
        Locatable? data = null;
        var issuesBefore = _issues.Count;
        foreach (var (name, part) in properties)
        {
            var at = $"{path}/{name}";
            switch (name)
            {
                case "_type":
                    ExpectType(part, at, "ORIGINAL_VERSION");
                    break;
                case "commit_audit":
                    audit = ReadAudit(part, at);
                    break;
                case "lifecycle_state":
                    lifecycle = ReadLifecycle(part, at);
                    break;
                case "preceding_version_uid":
                    preceding = IsNull(part) ? null : Decode<ObjectVersionId>(part, at)?.Value;
                    break;
                case "uid":
                    uid = IsNull(part) ? null : Decode<ObjectVersionId>(part, at)?.Value;
                    break;
                case "data":
                    data = IsNull(part) ? null : Decode<Locatable>(part, at);
                    break;
                case "contribution":
                    // Set by the server: the contribution is the one being committed.
                    break;
                case "branch":
                case "is_branch":
                    if (!IsFalse(part)) Add("not_supported", "This server writes no branches: a version follows its preceding version on the trunk.", at, part);
                    break;
                case "other_input_version_uids":
                case "attestations":
                case "signature":
                    if (!IsNull(part) && !IsEmptyArray(part))
                    {
                        Add("not_supported", $"{name} is not supported in a commit to this server; leave it out.", at, part);
                    }
                    break;
                default:
                    Unknown(name, path, part, "ORIGINAL_VERSION");
                    break;
            }
        }
        if (audit is null && !Has(properties, "commit_audit")) Missing($"{path}/commit_audit", "commit_audit", "ORIGINAL_VERSION");
        if (lifecycle is null && !Has(properties, "lifecycle_state")) Missing($"{path}/lifecycle_state", "lifecycle_state", "ORIGINAL_VERSION");
        if (_issues.Count > issuesBefore || audit?.ChangeType is null || lifecycle is null)
        {
            return null;
        }
        return VersionRequest.InContribution(path, audit.ChangeType.Value, lifecycle.Value, audit.Description, preceding, uid, data);
    }

    /// <summary>AUDIT_DETAILS without the parts the server sets: committer, change type, description.</summary>
    private RequestedAudit? ReadAudit(Slice value, string path)
    {
        if (Slices(value, path) is not { } properties)
        {
            return null;
        }
        var audit = new RequestedAudit();
        foreach (var (name, part) in properties)
        {
            var at = $"{path}/{name}";
            switch (name)
            {
                case "_type":
                    ExpectType(part, at, "AUDIT_DETAILS", "UPDATE_AUDIT");
                    break;
                case "system_id":
                case "time_committed":
                    // Set by the server: its own system id, and the time of the commit.
                    break;
                case "committer":
                    audit.Committer = Decode<PartyProxy>(part, at);
                    break;
                case "change_type":
                    audit.ChangeType = ReadChangeType(part, at);
                    break;
                case "description":
                    audit.Description = IsNull(part) ? null : Decode<DvText>(part, at)?.Value;
                    break;
                default:
                    Unknown(name, path, part, "AUDIT_DETAILS");
                    break;
            }
        }
        if (!Has(properties, "committer")) Missing($"{path}/committer", "committer", "AUDIT_DETAILS");
        if (!Has(properties, "change_type")) Missing($"{path}/change_type", "change_type", "AUDIT_DETAILS");
        return audit;
    }

    private short? ReadChangeType(Slice value, string path)
    {
        if (OpenEhrCode(value, path) is not { } code)
        {
            return null;
        }
        if (code is Storage.Records.ChangeType.Creation or Storage.Records.ChangeType.Amendment or Storage.Records.ChangeType.Modification
            or Storage.Records.ChangeType.Synthesis or Storage.Records.ChangeType.Deleted)
        {
            return code;
        }
        Add("invalid_change_type",
            $"Change type {code} is not one a commit can make here: 249 creation, 250 amendment, 251 modification, 252 synthesis or 523 deleted.",
            $"{path}/defining_code/code_string", value);
        return null;
    }

    private short? ReadLifecycle(Slice value, string path)
    {
        if (OpenEhrCode(value, path) is not { } code)
        {
            return null;
        }
        if (code is Storage.Records.LifecycleState.Complete or Storage.Records.LifecycleState.Incomplete or Storage.Records.LifecycleState.Deleted)
        {
            return code;
        }
        Add("invalid_lifecycle_state", $"Lifecycle state {code} is not one of 532 complete, 553 incomplete or 523 deleted.", $"{path}/defining_code/code_string", value);
        return null;
    }

    /// <summary>A DV_CODED_TEXT of the openehr terminology, as its code.</summary>
    private short? OpenEhrCode(Slice value, string path)
    {
        if (Decode<DvCodedText>(value, path) is not { } coded)
        {
            return null;
        }
        var terminology = coded.DefiningCode.TerminologyId?.Value;
        if (!string.Equals(terminology, "openehr", StringComparison.OrdinalIgnoreCase))
        {
            Add("invalid_value", $"The code is of terminology '{terminology}', not openehr.", $"{path}/defining_code/terminology_id", value);
            return null;
        }
        if (short.TryParse(coded.DefiningCode.CodeString, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return code;
        }
        Add("invalid_value", $"'{coded.DefiningCode.CodeString}' is not a code of the openehr terminology.", $"{path}/defining_code/code_string", value);
        return null;
    }

    private T? Decode<T>(Slice value, string path) where T : RmObject
    {
        try
        {
            return (T)CanonicalJson.Decode(_body.AsSpan(value.Start, value.Length), RmModel.Of<T>());
        }
        catch (RmFormatException e)
        {
            var (line, column) = Position(value.Start);
            foreach (var error in e.Errors)
            {
                // The codec counts from the slice; the first line of the slice starts mid-line in the body.
                var errorLine = line + error.Line - 1;
                var errorColumn = error.Line == 1 ? column + error.Column - 1 : error.Column;
                _issues.Add(new ErrorIssue(error.Code, error.Message, path + error.Path, errorLine, errorColumn));
            }
            return null;
        }
    }

    /// <summary>The properties of the JSON object at <paramref name="value"/>, each with its value's slice; null (with an issue) when it is no object.</summary>
    private List<(string Name, Slice Value)>? Slices(Slice value, string path)
    {
        var reader = Reader(value);
        try
        {
            if (!reader.Read())
            {
                Add("syntax", "The body is empty: it must be a CONTRIBUTION.", path, value);
                return null;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Add("wrong_value_kind", $"Expected a JSON object, found {reader.TokenType}.", path, value);
                return null;
            }
            var list = new List<(string, Slice)>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var start = value.Start + (int)reader.TokenStartIndex;
                reader.Skip();
                list.Add((name, new Slice(start, value.Start + (int)reader.BytesConsumed - start)));
            }
            if (path.Length == 0 && reader.Read())
            {
                Add("syntax", "Unexpected content after the CONTRIBUTION.", path, new Slice(value.Start + (int)reader.TokenStartIndex, 0));
                return null;
            }
            return list;
        }
        catch (JsonException e)
        {
            _issues.Add(new ErrorIssue("syntax", $"The body is not JSON: {e.Message.Split(" LineNumber:")[0]}", path.Length == 0 ? null : path,
                (e.LineNumber ?? 0) + Position(value.Start).Line, (e.BytePositionInLine ?? 0) + 1));
            return null;
        }
    }

    private Utf8JsonReader Reader(Slice value) =>
        new(_body.AsSpan(value.Start, value.Length), new JsonReaderOptions { MaxDepth = CanonicalJsonDecoderDepth });

    private const int CanonicalJsonDecoderDepth = 512;

    private void ExpectType(Slice value, string path, params string[] allowed)
    {
        var reader = Reader(value);
        reader.Read();
        var type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (type is null || !allowed.Contains(type, StringComparer.Ordinal))
        {
            Add("wrong_type", $"_type must be {string.Join(" or ", allowed)}, not {(type is null ? reader.TokenType.ToString() : $"'{type}'")}.", path, value);
        }
    }

    private bool IsNull(Slice value)
    {
        var reader = Reader(value);
        return reader.Read() && reader.TokenType == JsonTokenType.Null;
    }

    private bool IsFalse(Slice value)
    {
        var reader = Reader(value);
        return reader.Read() && reader.TokenType is JsonTokenType.False or JsonTokenType.Null;
    }

    private bool IsEmptyArray(Slice value)
    {
        var reader = Reader(value);
        return reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Has(List<(string Name, Slice Value)> properties, string name) => properties.Any(p => p.Name == name);

    private void Unknown(string name, string path, Slice value, string type) =>
        Add("unknown_attribute", $"'{name}' is not an attribute of {type}.", $"{path}/{name}", value);

    private void Missing(string path, string name, string type) =>
        _issues.Add(new ErrorIssue("missing_attribute", $"{type} needs {name}.", path));

    private void Add(string code, string message, string path, Slice at)
    {
        var (line, column) = Position(at.Start);
        _issues.Add(new ErrorIssue(code, message, path.Length == 0 ? null : path, line, column));
    }

    /// <summary>The 1-based line and column (in bytes, as the codec counts) of a byte offset of the body.</summary>
    private (long Line, long Column) Position(int offset)
    {
        var before = _body.AsSpan(0, Math.Min(offset, _body.Length));
        var line = 1 + before.Count((byte)'\n');
        var lastNewLine = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewLine);
    }

    private readonly record struct Slice(int Start, int Length);
}
