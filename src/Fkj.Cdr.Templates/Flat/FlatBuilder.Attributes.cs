using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Action = Fkj.Cdr.Rm.Content.Action;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The RM attributes FLAT writes with a leading underscore (and a few without), by RM type, as the openEHR
/// SDK reads them: <c>_uid</c>, <c>_link:N</c>, <c>_feeder_audit</c>, <c>_name</c> on any LOCATABLE;
/// <c>_null_flavour</c>, <c>_null_reason</c> on an ELEMENT; <c>_provider</c>, <c>_other_participation:N</c>,
/// <c>_work_flow_id</c>, <c>_guideline_id</c> on entries; <c>_instruction_details</c>, <c>_wf_definition</c>,
/// <c>history_origin</c>; <c>_end_time</c>, <c>_location</c>, <c>_health_care_facility</c>,
/// <c>_participation:N</c> on the context; <c>_normal_range</c>, <c>_other_reference_ranges:N</c>,
/// <c>_mapping:N</c>, <c>_language</c>, <c>_encoding</c>, <c>_charset</c>, <c>_thumbnail</c>, <c>_accuracy</c> on data values.
/// </summary>
internal sealed partial class FlatBuilder
{
    private void ReadComplexAttributes(FlatInstance instance, RmObject value)
    {
        if (value is Element element) ReadElementAttributes(element, instance);
        else if (value is Locatable locatable) ReadLocatableAttributes(locatable, instance);
        switch (value)
        {
            case EventContext eventContext:
                ReadEventContextAttributes(eventContext, instance);
                break;
            case Entry entry:
                ReadEntryAttributes(entry, instance);
                break;
            case IntervalEvent intervalEvent:
                if (instance.Branch("math_function") is { } math)
                    intervalEvent.MathFunction = ReadCoded(null, math, "openehr", FlatOpenEhrTerms.MathFunction)!;
                if (instance.Branch("width") is { } width && Text(Required(width, TakeFirst(width, null, "value"), null, "a duration")) is { } text)
                    intervalEvent.Width = new DvDuration { Value = text };
                if (Int32(instance.Take("sample_count")) is { } count) intervalEvent.SampleCount = count;
                break;
            case IsmTransition transition:
                foreach (var reason in instance.BranchesNamed("_reason"))
                    if (ReadTextOrCoded(reason) is { } reasonText) (transition.Reason ??= []).Add(reasonText);
                break;
        }
    }

    private void ReadEntryAttributes(Entry entry, FlatInstance instance)
    {
        if (instance.Branch("_provider") is { } provider) entry.Provider = ReadParty(provider, allowSelf: true, hasRelationship: true);
        foreach (var participation in instance.BranchesNamed("_other_participation"))
            if (ReadParticipation(participation) is { } p) (entry.OtherParticipations ??= []).Add(p);
        if (instance.Branch("_work_flow_id") is { } workflow) entry.WorkflowId = ReadObjectRef(workflow);
        if (entry is CareEntry care && instance.Branch("_guideline_id") is { } guideline) care.GuidelineId = ReadObjectRef(guideline);
        switch (entry)
        {
            case Observation observation when instance.Branch("history_origin") is { } origin:
                if (Text(Required(origin, TakeFirst(origin, null, "value"), null, "a date-time")) is { } text)
                {
                    if (observation.Data is null) Problem(FlatErrorCodes.MissingAttribute, "history_origin needs at least one event of the observation's data", origin);
                    else observation.Data.Origin = new DvDateTime { Value = text };
                }

                break;
            case Action action when instance.Branch("_instruction_details") is { } details:
                action.InstructionDetails = ReadInstructionDetails(details);
                break;
            case Instruction instruction when instance.Branch("_wf_definition") is { } definition:
                instruction.WfDefinition = ReadParsable(definition);
                break;
        }
    }

    private void ReadEventContextAttributes(EventContext eventContext, FlatBag bag)
    {
        if (bag.Branch("_end_time") is { } end && PlainText(end, "a date-time") is { } endTime) eventContext.EndTime = new DvDateTime { Value = endTime };
        if (bag.Branch("_location") is { } location) eventContext.Location = PlainText(location, "a location");
        if (bag.Branch("_health_care_facility") is { } facility)
            eventContext.HealthCareFacility = ReadParty(facility, allowSelf: false, hasRelationship: true) as PartyIdentified;
        foreach (var participation in bag.BranchesNamed("_participation"))
            if (ReadParticipation(participation) is { } p) (eventContext.Participations ??= []).Add(p);
        // Better's legacy keys: setting|238 true, setting| … ; consumed as the SDK does.
        if (bag is FlatInstance instance)
        {
            foreach (var child in instance.Children)
            {
                if (child.Node.Id != "setting") continue;
                foreach (var attribute in child.Attributes)
                    if (attribute.Suffix is { } s && s.All(char.IsAsciiDigit)) attribute.Value.Consumed = true;
            }
        }
    }

    private void ReadLocatableAttributes(Locatable locatable, FlatBag bag)
    {
        if (!bag.HasBranches) return;
        if (bag.Branch("_uid") is { } uid && PlainText(uid, "an identifier") is { } id) locatable.Uid = Uid(id);
        foreach (var link in bag.BranchesNamed("_link"))
            if (ReadLink(link) is { } l) (locatable.Links ??= []).Add(l);
        if (bag.Branch("_feeder_audit") is { } feederAudit) locatable.FeederAudit = ReadFeederAudit(feederAudit);
        if (bag.Branch("_name") is { } name && ReadTextOrCoded(name) is { } text) locatable.Name = text;
    }

    /// <summary>
    /// A uid: an OBJECT_VERSION_ID where the value has its three parts (<c>uuid::system::version</c>, as a
    /// composition's), else a HIER_OBJECT_ID.
    /// </summary>
    internal static UidBasedId Uid(string value)
    {
        var first = value.IndexOf("::", StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf("::", first + 2, StringComparison.Ordinal);
        return second > 0 && value.IndexOf("::", second + 2, StringComparison.Ordinal) < 0 && second + 2 < value.Length
            ? new ObjectVersionId { Value = value }
            : new HierObjectId { Value = value };
    }

    private void ReadElementAttributes(Locatable element, FlatBag bag)
    {
        ReadLocatableAttributes(element, bag);
        if (element is not Element e) return;
        if (bag.Branch("_null_flavour") is { } nullFlavour)
        {
            var code = Text(nullFlavour.Take("code"));
            var rubric = Text(nullFlavour.Take("value"));
            nullFlavour.Take("terminology");
            var given = code ?? rubric;
            if (given is null) Missing(nullFlavour, "code", $"'{nullFlavour.Path}' needs a null flavour as '|code' (or its text as '|value')");
            else if (FlatOpenEhrTerms.Find(FlatOpenEhrTerms.NullFlavours, given) is not { } term)
                Problem(FlatErrorCodes.InvalidValue, $"'{given}' is not an openEHR null flavour (271 no information, 253 unknown, 272 masked, 273 not applicable)", nullFlavour);
            else
            {
                e.NullFlavour = FlatOpenEhrTerms.Coded(term.Code, term.Rubric);
                e.Value = null;
            }
        }

        if (bag.Branch("_null_reason") is { } reason) e.NullReason = ReadTextOrCoded(reason);
    }

    /// <summary>A DV_TEXT, or a DV_CODED_TEXT where the keys give a <c>|code</c>; with their attributes (<c>_mapping:N</c>, …).</summary>
    private DvText? ReadTextOrCoded(FlatBag bag) => ReadDataValue(null, bag.Has("code") ? FlatKind.CodedText : FlatKind.Text, bag) as DvText;

    private void ReadDataValueAttributes(FlatNode? node, FlatKind kind, DataValue value, FlatBag bag)
    {
        if (value is DvOrdered ordered)
        {
            if (Text(bag.Take("normal_status")) is { } status) ordered.NormalStatus = Phrase(status, "openehr_normal_statuses");
            if (bag.Branch("_normal_range") is { } normal) ordered.NormalRange = ReadRange(node, kind, normal);
            foreach (var other in bag.BranchesNamed("_other_reference_ranges"))
            {
                var meaning = other.Branch("meaning") is { } m ? ReadTextOrCoded(m) : null;
                if (meaning is null) Missing(other, null, $"'{other.Path}/meaning' needs the meaning of the reference range");
                var range = ReadRange(node, kind, other);
                if (meaning is not null && range is not null) (ordered.OtherReferenceRanges ??= []).Add(new ReferenceRange { Meaning = meaning, Range = range });
            }
        }

        if (value is DvQuantified quantified && Text(bag.Take("magnitude_status")) is { } magnitudeStatus) quantified.MagnitudeStatus = magnitudeStatus;
        if (value is DvAmount amount)
        {
            if (Real(bag.Take("accuracy")) is { } accuracy) amount.Accuracy = accuracy;
            if (Boolean(bag.Take("accuracy_is_percent")) is { } percent) amount.AccuracyIsPercent = percent;
        }

        if (value is DvTemporal temporal && bag.Branch("_accuracy") is { } temporalAccuracy)
            temporal.Accuracy = ReadDuration(temporalAccuracy);

        if (value is DvText text)
        {
            foreach (var mapping in bag.BranchesNamed("_mapping"))
                if (ReadMapping(mapping) is { } m) (text.Mappings ??= []).Add(m);
            if (bag.Branch("_language") is { } language) text.Language = ReadCodePhrase(language, "language");
            if (bag.Branch("_encoding") is { } encoding) text.Encoding = ReadCodePhrase(encoding, "encoding");
        }

        if (value is DvEncapsulated encapsulated)
        {
            if (bag.Branch("_language") is { } language) encapsulated.Language = ReadCodePhrase(language, "language");
            if (bag.Branch("_charset") is { } charset) encapsulated.Charset = ReadCodePhrase(charset, "charset");
        }

        if (value is DvMultimedia multimedia && bag.Branch("_thumbnail") is { } thumbnail)
            multimedia.Thumbnail = ReadDataValue(null, FlatKind.Multimedia, thumbnail) as DvMultimedia;
    }

    /// <summary>A normal or reference range: <c>/lower</c> and <c>/upper</c> of the value's own kind, with the interval flags.</summary>
    private DvInterval? ReadRange(FlatNode? node, FlatKind kind, FlatBag bag)
    {
        var interval = new DvInterval
        {
            Lower = ReadDataValue(node, kind, bag.Branch("lower")) as DvOrdered,
            Upper = ReadDataValue(node, kind, bag.Branch("upper")) as DvOrdered,
        };
        ReadIntervalFlags(bag, interval);
        return interval;
    }

    /// <summary>
    /// The interval flags: given ones as given; otherwise a bound that is present is bounded and included
    /// (the SDK includes bounds by default), and one that is absent is unbounded, its inclusion unstated.
    /// </summary>
    private void ReadIntervalFlags(FlatBag bag, DvInterval interval)
    {
        interval.LowerUnbounded = Boolean(bag.Take("lower_unbounded")) ?? interval.Lower is null;
        interval.UpperUnbounded = Boolean(bag.Take("upper_unbounded")) ?? interval.Upper is null;
        interval.LowerIncluded = Boolean(bag.Take("lower_included")) ?? (interval.Lower is null ? null : true);
        interval.UpperIncluded = Boolean(bag.Take("upper_included")) ?? (interval.Upper is null ? null : true);
    }

    private TermMapping? ReadMapping(FlatBag bag)
    {
        var match = Text(Required(bag, bag.Take("match"), "match", "a match ('=', '<', '>' or '?')"));
        var target = bag.Branch("target") is { } t ? ReadCodePhrase(t, "target") : null;
        if (target is null) Missing(bag, null, $"'{bag.Path}/target' needs the mapped code");
        var purpose = bag.Branch("purpose") is { } p ? ReadCoded(null, p, "openehr", "term mapping purpose") : null;
        if (match is null || target is null) return null;
        if (match.Length != 1 || match[0] is not ('=' or '<' or '>' or '?'))
        {
            Problem(FlatErrorCodes.InvalidValue, $"a term mapping's match is one of '=', '<', '>', '?', not '{match}'", bag);
            return null;
        }

        return new TermMapping { Match = match[0], Target = target, Purpose = purpose };
    }

    private Link? ReadLink(FlatBag bag)
    {
        var meaning = Text(Required(bag, bag.Take("meaning"), "meaning", "the link's meaning"));
        var type = Text(Required(bag, bag.Take("type"), "type", "the link's type"));
        var target = Text(Required(bag, bag.Take("target"), "target", "the link's target EHR URI"));
        if (meaning is null || type is null || target is null) return null;
        return new Link { Meaning = new DvText { Value = meaning }, Type = new DvText { Value = type }, Target = new DvEhrUri { Value = target } };
    }

    /// <summary><c>_work_flow_id</c> and <c>_guideline_id</c>: <c>|id</c>, <c>|id_scheme</c>, <c>|namespace</c>, <c>|type</c>.</summary>
    private ObjectRef? ReadObjectRef(FlatBag bag)
    {
        var id = Text(Required(bag, bag.Take("id"), "id", "an id"));
        var scheme = Text(bag.Take("id_scheme")) ?? Text(context.Take("id_scheme"));
        var ns = Text(bag.Take("namespace")) ?? Text(context.Take("id_namespace"));
        var type = Text(bag.Take("type"));
        if (id is null) return null;
        return new ObjectRef { Id = new GenericId { Value = id, Scheme = scheme ?? "" }, Namespace = ns ?? "", Type = type ?? "" };
    }

    private InstructionDetails? ReadInstructionDetails(FlatBag bag)
    {
        var activity = Text(Required(bag, bag.Take("activity_id"), "activity_id", "the activity's id (its path, e.g. activities[at0001])"));
        var composition = Text(Required(bag, bag.Take("composition_uid"), "composition_uid", "the uid of the composition holding the instruction"));
        var path = Text(bag.Take("path"));
        if (activity is null || composition is null) return null;
        return new InstructionDetails
        {
            ActivityId = activity,
            InstructionId = new LocatableRef { Namespace = "local", Type = "INSTRUCTION", Id = new HierObjectId { Value = composition }, Path = path },
        };
    }

    /// <summary>A FEEDER_AUDIT as <c>|raw</c> canonical JSON or key by key.</summary>
    private FeederAudit? ReadFeederAudit(FlatBag bag)
    {
        if (bag.Peek("raw") is { } raw)
        {
            raw.Consumed = true;
            if (bag.Attributes.Count > 1 || bag.HasBranches)
            {
                Problem(FlatErrorCodes.Conflict, "'|raw' gives the whole feeder audit, so no other key may describe it", raw);
                return null;
            }

            return DecodeRaw(raw, FeederAudit.Meta) as FeederAudit;
        }

        var audit = new FeederAudit();
        if (bag.Branch("originating_system_audit") is { } originating) audit.OriginatingSystemAudit = ReadFeederAuditDetails(originating)!;
        if (bag.Branch("feeder_system_audit") is { } feeder) audit.FeederSystemAudit = ReadFeederAuditDetails(feeder);
        foreach (var id in bag.BranchesNamed("originating_system_item_id"))
            if (ReadIdentifier(id) is { } identifier) (audit.OriginatingSystemItemIds ??= []).Add(identifier);
        foreach (var id in bag.BranchesNamed("feeder_system_item_id"))
            if (ReadIdentifier(id) is { } identifier) (audit.FeederSystemItemIds ??= []).Add(identifier);
        if (bag.Branch("original_content") is { } parsable) audit.OriginalContent = ReadDataValue(null, FlatKind.Parsable, parsable) as DvEncapsulated;
        if (bag.Branch("original_content_multimedia") is { } multimedia) audit.OriginalContent = ReadDataValue(null, FlatKind.Multimedia, multimedia) as DvEncapsulated;
        if (audit.OriginatingSystemAudit is null) Missing(bag, null, $"'{bag.Path}/originating_system_audit' needs at least '|system_id'");
        return audit;
    }

    private FeederAuditDetails? ReadFeederAuditDetails(FlatBag bag)
    {
        var system = Text(Required(bag, bag.Take("system_id"), "system_id", "the system id"));
        var details = new FeederAuditDetails
        {
            SystemId = system ?? "",
            VersionId = Text(bag.Take("version_id")),
            Time = Text(bag.Take("time")) is { } time ? new DvDateTime { Value = time } : null,
        };
        if (bag.Branch("location") is { } location) details.Location = ReadParty(location, allowSelf: false, hasRelationship: true) as PartyIdentified;
        if (bag.Branch("provider") is { } provider) details.Provider = ReadParty(provider, allowSelf: false, hasRelationship: true) as PartyIdentified;
        if (bag.Branch("subject") is { } subject) details.Subject = ReadParty(subject, allowSelf: true, hasRelationship: true);
        return system is null ? null : details;
    }
}
