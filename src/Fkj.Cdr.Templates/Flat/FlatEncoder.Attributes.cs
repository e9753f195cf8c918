using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Action = Fkj.Cdr.Rm.Content.Action;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>The RM attributes the web template has no node for, written as the openEHR SDK writes them (<c>_uid</c>, <c>_link:N</c>, …).</summary>
internal sealed partial class FlatEncoder
{
    private void WriteComplexAttributes(FlatNode node, RmObject value)
    {
        if (value is Locatable locatable) WriteLocatableAttributes(locatable, node.DefaultName);
        if (value is Element element) WriteNullFlavour(element);
        switch (value)
        {
            case EventContext eventContext:
                if (eventContext.EndTime is { } end) In("_end_time", () => sink.Write(null, end.Value));
                if (eventContext.Location is { } location) In("_location", () => sink.Write(null, location));
                if (eventContext.HealthCareFacility is { } facility) In("_health_care_facility", () => WriteParty(facility, selfHint: true));
                WriteParticipations("_participation", eventContext.Participations);
                break;
            case Entry entry:
                WriteEntryAttributes(entry);
                break;
            case IntervalEvent intervalEvent:
                if (node.Child("math_function") is null && intervalEvent.MathFunction is { } math) In("math_function", () => WriteCoded(math));
                if (node.Child("width") is null && intervalEvent.Width is { } width) In("width", () => sink.Write(null, width.Value));
                if (intervalEvent.SampleCount is { } samples) sink.Write("sample_count", (long)samples);
                break;
            case IsmTransition { Reason: { } reasons }:
                for (var i = 0; i < reasons.Count; i++)
                {
                    var reason = reasons[i];
                    In("_reason", i, true, () => WriteDataValue(null, reason));
                }

                break;
        }
    }

    private void WriteEntryAttributes(Entry entry)
    {
        if (entry.Provider is { } provider) In("_provider", () => WriteParty(provider, selfHint: true));
        WriteParticipations("_other_participation", entry.OtherParticipations);
        if (entry.WorkflowId is { } workflow) In("_work_flow_id", () => WriteObjectRef(workflow));
        if (entry is CareEntry { GuidelineId: { } guideline }) In("_guideline_id", () => WriteObjectRef(guideline));
        switch (entry)
        {
            case Observation observation when HistoryOrigin(observation.Data) is { } origin:
                In("history_origin", () => sink.Write(null, origin));
                break;
            case Action { InstructionDetails: { } details }:
                In("_instruction_details", () =>
                {
                    sink.Write("activity_id", details.ActivityId);
                    if (details.InstructionId?.Id is { } id) sink.Write("composition_uid", id.Value);
                    if (details.InstructionId?.Path is { } path) sink.Write("path", path);
                });
                break;
            case Instruction { WfDefinition: { } definition }:
                In("_wf_definition", () => WriteDataValue(null, definition, parsableAsValue: true));
                break;
        }
    }

    /// <summary>The history's origin where it is not the earliest event time (which is what a reader assumes).</summary>
    private static string? HistoryOrigin(History? history)
    {
        if (history?.Origin?.Value is not { } origin) return null;
        string? earliest = null;
        DateTimeOffset? earliestInstant = null;
        foreach (var e in history.Events ?? [])
        {
            if (e.Time?.Value is not { Length: > 0 } time) continue;
            var instant = FlatBuilder.Instant(time);
            if (earliest is null || (instant is not null && earliestInstant is not null ? instant < earliestInstant : string.CompareOrdinal(time, earliest) < 0))
            {
                earliest = time;
                earliestInstant = instant;
            }
        }

        if (earliest is null) return origin;
        if (earliest == origin) return null;
        var originInstant = FlatBuilder.Instant(origin);
        return originInstant is not null && originInstant == earliestInstant ? null : origin;
    }

    private void WriteLocatableAttributes(Locatable locatable, DvText? defaultName)
    {
        if (locatable.Uid is { } uid) In("_uid", () => sink.Write(null, uid.Value));
        if (locatable.Links is { } links)
        {
            for (var i = 0; i < links.Count; i++)
            {
                var link = links[i];
                In("_link", i, true, () =>
                {
                    sink.Write("meaning", link.Meaning.Value);
                    sink.Write("type", link.Type.Value);
                    sink.Write("target", link.Target.Value);
                });
            }
        }

        if (locatable.FeederAudit is { } audit) In("_feeder_audit", () => WriteFeederAudit(audit));
        if (locatable.Name is { } name && !SameName(name, defaultName)) In("_name", () => WriteDataValue(null, name));
    }

    /// <summary>
    /// A name needs no <c>_name</c> where it is the name FLAT would give the object anyway (the same text or code,
    /// with no mappings, formatting, hyperlink, language or encoding of its own).
    /// </summary>
    private static bool SameName(DvText name, DvText? defaultName)
    {
        if (defaultName is null || name.Value != defaultName.Value) return false;
        if (name.Mappings is { Count: > 0 } || name.Formatting is not null || name.Hyperlink is not null || name.Language is not null || name.Encoding is not null) return false;
        if (name is DvCodedText coded)
            return defaultName is DvCodedText expected && expected.DefiningCode.CodeString == coded.DefiningCode.CodeString
                                                       && expected.DefiningCode.TerminologyId.Value == coded.DefiningCode.TerminologyId.Value;
        return defaultName is not DvCodedText;
    }

    private void WriteElementAttributes(FlatNode node, Locatable element)
    {
        var defaultName = node.ElementStep >= 0 ? node.Steps[node.ElementStep].DefaultName : null;
        WriteLocatableAttributes(element, defaultName);
        if (element is Element e) WriteNullFlavour(e);
    }

    private void WriteNullFlavour(Element element)
    {
        if (element.NullFlavour is { } nullFlavour) In("_null_flavour", () => WriteCoded(nullFlavour));
        if (element.NullReason is { } reason) In("_null_reason", () => WriteDataValue(null, reason));
    }

    private void WriteParticipations(string segment, List<Participation>? participations)
    {
        if (participations is null) return;
        for (var i = 0; i < participations.Count; i++)
        {
            var participation = participations[i];
            In(segment, i, true, () => WriteParticipation(participation));
        }
    }

    /// <summary>A participation as the SDK writes one: function, mode, the performer's name and ids, identifiers as <c>|identifiers_id:N</c>.</summary>
    private void WriteParticipation(Participation participation)
    {
        sink.Write("function", participation.Function.Value);
        if (participation.Mode is { } mode) sink.Write("mode", mode.Value);
        var performer = participation.Performer;
        if (performer is PartySelf && performer.ExternalRef is not null) sink.Write("_type", "PARTY_SELF");
        if (performer is PartyIdentified identified)
        {
            if (identified.Name is { } name) sink.Write("name", name);
            if (identified.Identifiers is { } identifiers)
            {
                for (var i = 0; i < identifiers.Count; i++)
                {
                    var identifier = identifiers[i];
                    sink.Write($"identifiers_id:{i}", identifier.Id);
                    if (identifier.Issuer is { } issuer) sink.Write($"identifiers_issuer:{i}", issuer);
                    if (identifier.Assigner is { } assigner) sink.Write($"identifiers_assigner:{i}", assigner);
                    if (identifier.Type is { } type) sink.Write($"identifiers_type:{i}", type);
                }
            }
        }

        WritePartyRef(performer.ExternalRef);
        if (performer is PartyRelated { Relationship: { } relationship }) In("relationship", () => WriteCoded(relationship));
    }

    private void WriteObjectRef(ObjectRef reference)
    {
        sink.Write("id", reference.Id.Value);
        if (reference.Id is GenericId { Scheme.Length: > 0 } generic) sink.Write("id_scheme", generic.Scheme);
        if (reference.Namespace.Length > 0) sink.Write("namespace", reference.Namespace);
        if (reference.Type.Length > 0) sink.Write("type", reference.Type);
    }

    private void WriteFeederAudit(FeederAudit audit)
    {
        if (audit.OriginatingSystemAudit is { } originating) In("originating_system_audit", () => WriteFeederAuditDetails(originating));
        if (audit.FeederSystemAudit is { } feeder) In("feeder_system_audit", () => WriteFeederAuditDetails(feeder));
        WriteIdentifiers("originating_system_item_id", audit.OriginatingSystemItemIds);
        WriteIdentifiers("feeder_system_item_id", audit.FeederSystemItemIds);
        switch (audit.OriginalContent)
        {
            case DvParsable parsable:
                In("original_content", () => WriteDataValue(null, parsable));
                break;
            case DvMultimedia multimedia:
                In("original_content_multimedia", () => WriteDataValue(null, multimedia));
                break;
        }
    }

    private void WriteIdentifiers(string segment, List<DvIdentifier>? identifiers)
    {
        if (identifiers is null) return;
        for (var i = 0; i < identifiers.Count; i++)
        {
            var identifier = identifiers[i];
            In(segment, i, true, () => WriteIdentifier(identifier));
        }
    }

    private void WriteFeederAuditDetails(FeederAuditDetails details)
    {
        sink.Write("system_id", details.SystemId);
        if (details.VersionId is { } version) sink.Write("version_id", version);
        if (details.Time is { } time) sink.Write("time", time.Value);
        if (details.Location is { } location) In("location", () => WriteParty(location, selfHint: true));
        if (details.Provider is { } provider) In("provider", () => WriteParty(provider, selfHint: true));
        if (details.Subject is { } subject)
        {
            In("subject", () =>
            {
                if (subject is PartySelf && subject.ExternalRef is null) sink.Write("_type", "PARTY_SELF");
                else WriteParty(subject, selfHint: true);
            });
        }
    }
}
