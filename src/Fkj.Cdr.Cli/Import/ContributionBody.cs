using System.Buffers;
using System.Text.Json;

namespace Fkj.Cdr.Cli.Import;

/// <summary>One composition of a contribution: its file, the versioned object id it asks for, and its canonical JSON.</summary>
public sealed record ContributionPart(string File, Guid ObjectId, byte[] Json);

/// <summary>
/// The body of <c>POST /ehr/{ehr_id}/contribution</c> (ITS-REST's CONTRIBUTION, canonical JSON) that creates a group of
/// compositions: a uid of its own, and for each composition an ORIGINAL_VERSION whose uid asks for its versioned object id
/// (version 1), with the committer and change type 249 (creation). The composition's JSON is copied in as it is.
/// </summary>
public static class ContributionBody
{
    public static byte[] Write(Guid uid, IReadOnlyList<ContributionPart> parts, string committer)
    {
        var buffer = new ArrayBufferWriter<byte>(parts.Sum(p => p.Json.Length) + 1024 * (parts.Count + 1));
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            w.WriteStartObject();
            w.WriteString("_type", "CONTRIBUTION");
            w.WriteStartObject("uid");
            w.WriteString("_type", "HIER_OBJECT_ID");
            w.WriteString("value", uid.ToString("D"));
            w.WriteEndObject();
            w.WriteStartArray("versions");
            foreach (var part in parts)
            {
                w.WriteStartObject();
                w.WriteString("_type", "ORIGINAL_VERSION");
                w.WriteStartObject("uid");
                w.WriteString("_type", "OBJECT_VERSION_ID");
                w.WriteString("value", $"{part.ObjectId:D}::import::1");
                w.WriteEndObject();
                WriteAudit(w, "commit_audit", committer);
                WriteOpenEhrCode(w, "lifecycle_state", "complete", "532");
                w.WritePropertyName("data");
                w.WriteRawValue(part.Json, skipInputValidation: true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteAudit(w, "audit", committer);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAudit(Utf8JsonWriter w, string name, string committer)
    {
        w.WriteStartObject(name);
        w.WriteString("_type", "AUDIT_DETAILS");
        w.WriteStartObject("committer");
        w.WriteString("_type", "PARTY_IDENTIFIED");
        w.WriteString("name", committer);
        w.WriteEndObject();
        WriteOpenEhrCode(w, "change_type", "creation", "249");
        w.WriteEndObject();
    }

    private static void WriteOpenEhrCode(Utf8JsonWriter w, string name, string rubric, string code)
    {
        w.WriteStartObject(name);
        w.WriteString("_type", "DV_CODED_TEXT");
        w.WriteString("value", rubric);
        w.WriteStartObject("defining_code");
        w.WriteString("_type", "CODE_PHRASE");
        w.WriteStartObject("terminology_id");
        w.WriteString("_type", "TERMINOLOGY_ID");
        w.WriteString("value", "openehr");
        w.WriteEndObject();
        w.WriteString("code_string", code);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
