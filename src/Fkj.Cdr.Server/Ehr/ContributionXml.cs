using System.Text;
using System.Xml;
using System.Xml.Linq;
using Fkj.Cdr.Rm;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Server.Errors;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// Reads a CONTRIBUTION body in canonical XML (ITS-XML: <c>&lt;versions xsi:type="ORIGINAL_VERSION"&gt;</c>,
/// <c>&lt;audit&gt;</c>), relaxed as the JSON form is (<see cref="ContributionJson"/>). The envelope is read as a tree;
/// each RM part is decoded by the codec from its element alone, so its problems are at element paths below the
/// part (<c>/contribution/versions[2]/data/...</c>), with the line and column of the part in the body.
/// </summary>
public sealed class ContributionXml
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly List<ErrorIssue> _issues = [];

    /// <summary>The request in the body; <paramref name="now"/> is the commit time.</summary>
    /// <exception cref="ApiException">400 <c>invalid_contribution</c> with every problem found.</exception>
    public static ContributionRequest Read(byte[] body, DateTimeOffset now) => new ContributionXml().ReadContribution(body, now);

    private ContributionRequest ReadContribution(byte[] body, DateTimeOffset now)
    {
        XElement root;
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XDocument.Load(reader, LoadOptions.SetLineInfo).Root!;
        }
        catch (XmlException e)
        {
            throw ContributionErrors.InvalidBody("contribution", [new ErrorIssue("syntax", $"The body is not XML: {e.Message}", null, e.LineNumber, e.LinePosition)]);
        }
        var path = "/" + root.Name.LocalName;
        Guid? uid = null;
        var versions = new List<VersionRequest>();
        var versionCount = 0;
        RequestedAudit? audit = null;
        foreach (var element in root.Elements())
        {
            var name = element.Name.LocalName;
            switch (name)
            {
                case "uid":
                    if (Decode<HierObjectId>(element, $"{path}/uid") is { } id)
                    {
                        if (Guid.TryParseExact(id.Value, "D", out var guid)) uid = guid;
                        else Add("invalid_uid", $"'{id.Value}' is not a contribution uid: contribution uids on this server are UUIDs.", $"{path}/uid", element);
                    }
                    break;
                case "versions":
                    versionCount++;
                    if (ReadVersion(element, $"{path}/versions[{versionCount}]") is { } version) versions.Add(version);
                    break;
                case "audit":
                    audit = ReadAudit(element, $"{path}/audit");
                    break;
                default:
                    Add("unknown_attribute", $"'{name}' is not an attribute of CONTRIBUTION.", $"{path}/{name}", element);
                    break;
            }
        }
        if (versionCount == 0)
        {
            Add("no_versions", "The contribution has no versions: it must commit at least one.", $"{path}/versions", root);
        }
        if (root.Elements().All(e => e.Name.LocalName != "audit"))
        {
            Add("missing_attribute", "CONTRIBUTION needs audit.", $"{path}/audit", root);
        }
        if (_issues.Count > 0)
        {
            throw ContributionErrors.InvalidBody("contribution", _issues);
        }
        var time = now.ToUniversalTime();
        time = new DateTimeOffset(time.Ticks - time.Ticks % 10, TimeSpan.Zero);
        var commit = new CommitInfo(audit!.Committer!, Encoding.UTF8.GetString(CanonicalJson.Encode(audit.Committer!)), audit.Description,
            Storage.Records.LifecycleState.Complete, time);
        return new ContributionRequest(uid, commit, audit.ChangeType!.Value, versions);
    }

    private VersionRequest? ReadVersion(XElement element, string path)
    {
        var before = _issues.Count;
        RequestedAudit? audit = null;
        short? lifecycle = null;
        string? preceding = null;
        string? uid = null;
        Locatable? data = null;
        var type = (string?)element.Attribute(Xsi + "type");
        if (type is not null && type.Split(':')[^1] != "ORIGINAL_VERSION")
        {
            Add("wrong_type", $"A version is an ORIGINAL_VERSION, not {type}.", path, element);
        }
        foreach (var part in element.Elements())
        {
            var name = part.Name.LocalName;
            var at = $"{path}/{name}";
            switch (name)
            {
                case "commit_audit":
                    audit = ReadAudit(part, at);
                    break;
                case "lifecycle_state":
                    lifecycle = Code(part, at, "lifecycle state", 532, 553, 523);
                    break;
                case "preceding_version_uid":
                    preceding = Decode<ObjectVersionId>(part, at)?.Value;
                    break;
                case "uid":
                    uid = Decode<ObjectVersionId>(part, at)?.Value;
                    break;
                case "data":
                    data = Decode<Locatable>(part, at);
                    break;
                case "contribution":
                    break;
                default:
                    Add("not_supported", $"{name} is not supported in a commit to this server; leave it out.", at, part);
                    break;
            }
        }
        if (audit is null) Add("missing_attribute", "ORIGINAL_VERSION needs commit_audit.", $"{path}/commit_audit", element);
        if (lifecycle is null && element.Elements().All(e => e.Name.LocalName != "lifecycle_state"))
        {
            Add("missing_attribute", "ORIGINAL_VERSION needs lifecycle_state.", $"{path}/lifecycle_state", element);
        }
        if (_issues.Count > before || audit?.ChangeType is null || lifecycle is null)
        {
            return null;
        }
        return VersionRequest.InContribution(path, audit.ChangeType.Value, lifecycle.Value, audit.Description, preceding, uid, data);
    }

    private RequestedAudit? ReadAudit(XElement element, string path)
    {
        var audit = new RequestedAudit();
        foreach (var part in element.Elements())
        {
            var name = part.Name.LocalName;
            var at = $"{path}/{name}";
            switch (name)
            {
                case "system_id":
                case "time_committed":
                    break;
                case "committer":
                    audit.Committer = Decode<PartyProxy>(part, at);
                    break;
                case "change_type":
                    audit.ChangeType = Code(part, at, "change type", 249, 250, 251, 252, 523);
                    break;
                case "description":
                    audit.Description = Decode<DvText>(part, at)?.Value;
                    break;
                default:
                    Add("unknown_attribute", $"'{name}' is not an attribute of AUDIT_DETAILS.", at, part);
                    break;
            }
        }
        if (element.Elements().All(e => e.Name.LocalName != "committer")) Add("missing_attribute", "AUDIT_DETAILS needs committer.", $"{path}/committer", element);
        if (element.Elements().All(e => e.Name.LocalName != "change_type")) Add("missing_attribute", "AUDIT_DETAILS needs change_type.", $"{path}/change_type", element);
        return audit;
    }

    /// <summary>A DV_CODED_TEXT of the openehr terminology whose code is one of <paramref name="allowed"/>.</summary>
    private short? Code(XElement element, string path, string what, params short[] allowed)
    {
        if (Decode<DvCodedText>(element, path) is not { } coded)
        {
            return null;
        }
        if (!string.Equals(coded.DefiningCode.TerminologyId?.Value, "openehr", StringComparison.OrdinalIgnoreCase)
            || !short.TryParse(coded.DefiningCode.CodeString, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            || !allowed.Contains(code))
        {
            Add($"invalid_{what.Replace(' ', '_')}",
                $"'{coded.DefiningCode.CodeString}' is not a {what} a commit can have here: one of {string.Join(", ", allowed)} of the openehr terminology.",
                $"{path}/defining_code/code_string", element);
            return null;
        }
        return code;
    }

    private T? Decode<T>(XElement element, string path) where T : RmObject
    {
        try
        {
            return (T)CanonicalXml.Decode(Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)), RmModel.Of<T>());
        }
        catch (RmFormatException e)
        {
            // The codec's paths start at the part's own element, which the part's path names already.
            var (line, column) = Position(element);
            foreach (var error in e.Errors)
            {
                var below = error.Path.IndexOf('/', 1) is var cut and > 0 ? error.Path[cut..] : "";
                _issues.Add(new ErrorIssue(error.Code, error.Message, path + below, line, column));
            }
            return null;
        }
    }

    private void Add(string code, string message, string path, XElement at)
    {
        var (line, column) = Position(at);
        _issues.Add(new ErrorIssue(code, message, path, line, column));
    }

    private static (long? Line, long? Column) Position(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (null, null);
}
