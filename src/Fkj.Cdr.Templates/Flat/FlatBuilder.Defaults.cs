using System.Globalization;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Action = Fkj.Cdr.Rm.Content.Action;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// What the decoder fills in where the document is silent, following the openEHR SDK's default value
/// inserters (and so EHRbase): <c>ctx/…</c> values first, then the template, then fixed defaults.
/// <list type="bullet">
/// <item>COMPOSITION: language and territory from ctx; composer from ctx (<c>composer_self</c>, <c>composer_name</c>,
/// <c>composer_id</c>); category from the template when it allows one code; an EVENT_CONTEXT unless the template forbids it.</item>
/// <item>EVENT_CONTEXT: start_time from <c>ctx/time</c> (else now), setting from <c>ctx/setting</c> (else 238 other care),
/// end_time, location, health_care_facility and participations from ctx.</item>
/// <item>ENTRY: language from ctx (else the composition's, where the SDK would leave it empty), encoding UTF-8,
/// subject PARTY_SELF, provider, other_participations and workflow_id from ctx.</item>
/// <item>OBSERVATION: a history's origin is the earliest event time (else <c>ctx/history_origin</c>, <c>ctx/time</c>,
/// now); an event without time gets the origin.</item>
/// <item>ACTION: time from <c>ctx/action_time</c>, <c>ctx/time</c>, now; ISM_TRANSITION current_state 532 completed.</item>
/// <item>INSTRUCTION: narrative <c>&lt;none&gt;</c>. ACTIVITY: timing from <c>ctx/activity_timing</c> (formalism <c>timing</c>,
/// also where a timing is given without one), action_archetype_id <c>/.*/</c>. INTERVAL_EVENT: math_function 640 actual.</item>
/// </list>
/// </summary>
internal sealed partial class FlatBuilder
{
    private void ApplyDefaults(Composition composition)
    {
        var root = input.Root;
        composition.Language ??= ContextCode("language", "ISO_639-1")!;
        if (composition.Language is null) Missing(root, null, $"the composition needs a language: '{schema.Root.Id}/language|code' or 'ctx/language'");
        composition.Territory ??= ContextCode("territory", "ISO_3166-1")!;
        if (composition.Territory is null) Missing(root, null, $"the composition needs a territory: '{schema.Root.Id}/territory|code' or 'ctx/territory'");
        composition.Composer ??= ContextComposer()!;
        if (composition.Composer is null) Missing(root, null, $"the composition needs a composer: '{schema.Root.Id}/composer|name' (or '|id'), or 'ctx/composer_name', 'ctx/composer_id', 'ctx/composer_self'");
        composition.Category ??= TemplateCategory()!;
        if (composition.Category is null) Missing(root, null, $"the composition needs a category: '{schema.Root.Id}/category|code'");
        // The SDK gives every composition a context. Here one is made where the template has one, or ctx describes
        // one: RM 1.1 makes context optional (persistent compositions), and a composition without one written as
        // FLAT must read back without one.
        if (composition.Context is null && (schema.ContextConstrained || ContextDescribed()))
        {
            composition.Context = new EventContext();
            withDefaults.Insert(0, composition.Context);
        }

        foreach (var value in withDefaults)
        {
            switch (value)
            {
                case EventContext eventContext:
                    ContextDefaults(eventContext);
                    break;
                case Entry entry:
                    EntryDefaults(entry, composition);
                    break;
                case Activity activity:
                    // The SDK also gives every activity a timing (R1); RM 1.1 makes timing optional, and FLAT could
                    // not say "no timing", so only ctx/activity_timing adds one here.
                    if (activity.Timing is null && Text(context.Take("activity_timing")) is { } timing)
                        activity.Timing = new DvParsable { Value = timing, Formalism = "timing" };
                    if (activity.Timing is { Formalism.Length: 0 }) activity.Timing.Formalism = "timing";
                    if (string.IsNullOrEmpty(activity.ActionArchetypeId)) activity.ActionArchetypeId = "/.*/";
                    break;
                case IntervalEvent intervalEvent:
                    intervalEvent.MathFunction ??= FlatOpenEhrTerms.Coded("640", "actual");
                    break;
                case IsmTransition transition:
                    transition.CurrentState ??= CurrentState();
                    break;
            }
        }
    }

    private bool ContextDescribed() =>
        context.Has("time") || context.Has("end_time") || context.Has("location") || context.Has("setting")
        || context.Has("health_care_facility|name") || context.Has("health_care_facility|id") || context.HasParticipations;

    private CodePhrase? ContextCode(string key, string terminology) =>
        Text(context.Take(key)) is { } code ? new CodePhrase { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code } : null;

    private static CodePhrase? CopyPhrase(CodePhrase? phrase) => phrase is null
        ? null
        : new CodePhrase { TerminologyId = new TerminologyId { Value = phrase.TerminologyId.Value }, CodeString = phrase.CodeString };

    private PartyProxy? ContextComposer()
    {
        var self = Boolean(context.Take("composer_self")) == true;
        var name = Text(context.Take("composer_name"));
        var id = Text(context.Take("composer_id"));
        if (!self && name is null && id is null) return null;
        PartyProxy composer = self ? new PartySelf() : new PartyIdentified { Name = name };
        if (id is not null) composer.ExternalRef = PartyRef(id, null, null);
        return composer;
    }

    /// <summary>The category the template fixes (one code in its list), as the SDK's skeleton sets it.</summary>
    private DvCodedText? TemplateCategory()
    {
        if (schema.Root.Child("category") is not { Codes.Count: 1 } node) return null;
        var code = node.Codes[0];
        return FlatOpenEhrTerms.Coded(code.Value, code.Label ?? FlatOpenEhrTerms.Rubric(code.Value, null) ?? code.Value);
    }

    private void ContextDefaults(EventContext eventContext)
    {
        eventContext.StartTime ??= new DvDateTime { Value = ContextTime("time") };
        if (eventContext.EndTime is null && ContextTimeOrNull("end_time") is { } end) eventContext.EndTime = new DvDateTime { Value = end };
        eventContext.Location ??= Text(context.Take("location"));
        eventContext.Setting ??= ContextSetting();
        if (eventContext.HealthCareFacility is null)
        {
            var name = Text(context.Take("health_care_facility|name"));
            var id = Text(context.Take("health_care_facility|id"));
            var scheme = Text(context.Take("health_care_facility|id_scheme"));
            var ns = Text(context.Take("health_care_facility|id_namespace"));
            if (name is not null || id is not null)
                eventContext.HealthCareFacility = new PartyIdentified { Name = name, ExternalRef = id is null ? null : PartyRef(id, ns, scheme) };
        }

        if (eventContext.Participations is null && ContextParticipations() is { Count: > 0 } participations) eventContext.Participations = participations;
    }

    private DvCodedText ContextSetting()
    {
        var value = context.Take("setting");
        if (Text(value) is { } setting)
        {
            if (FlatOpenEhrTerms.Find(FlatOpenEhrTerms.Setting, setting) is { } term) return FlatOpenEhrTerms.Coded(term.Code, term.Rubric);
            Problem(FlatErrorCodes.InvalidValue, $"'{setting}' is not an openEHR setting (by code or text, e.g. 238 or 'other care')", value);
        }

        return FlatOpenEhrTerms.Coded("238", "other care");
    }

    private DvCodedText CurrentState()
    {
        var value = context.Take("action_ism_transition_current_state");
        if (Text(value) is { } state)
        {
            if (FlatOpenEhrTerms.Find(FlatOpenEhrTerms.InstructionStates, state) is { } term) return FlatOpenEhrTerms.Coded(term.Code, term.Rubric);
            Problem(FlatErrorCodes.InvalidValue, $"'{state}' is not an openEHR instruction state", value);
        }

        return FlatOpenEhrTerms.Coded("532", "completed");
    }

    private void EntryDefaults(Entry entry, Composition composition)
    {
        entry.Language ??= ContextCode("language", "ISO_639-1") ?? CopyPhrase(composition.Language)!;
        entry.Encoding ??= new CodePhrase { TerminologyId = new TerminologyId { Value = "IANA_character-sets" }, CodeString = "UTF-8" };
        entry.Subject ??= new PartySelf();
        if (entry.Provider is null)
        {
            var name = Text(context.Take("provider_name"));
            var id = Text(context.Take("provider_id"));
            if (name is not null || id is not null) entry.Provider = new PartyIdentified { Name = name, ExternalRef = id is null ? null : PartyRef(id, null, null) };
        }

        if (entry.OtherParticipations is null && ContextParticipations() is { Count: > 0 } participations) entry.OtherParticipations = participations;
        if (entry.WorkflowId is null && Text(context.Take("work_flow_id|id")) is { } workflow)
        {
            entry.WorkflowId = new ObjectRef
            {
                Id = new GenericId { Value = workflow, Scheme = Text(context.Take("work_flow_id|id_scheme")) ?? Text(context.Take("id_scheme")) ?? "" },
                Namespace = Text(context.Take("work_flow_id|namespace")) ?? Text(context.Take("id_namespace")) ?? "",
                Type = Text(context.Take("work_flow_id|type")) ?? "",
            };
        }

        switch (entry)
        {
            case Observation observation:
                HistoryDefaults(observation.Data);
                HistoryDefaults(observation.State);
                break;
            case Action action:
                action.Time ??= new DvDateTime { Value = ContextTimeOrNull("action_time") ?? ContextTime("time") };
                action.IsmTransition ??= new IsmTransition();
                action.IsmTransition.CurrentState ??= CurrentState();
                break;
            case Instruction instruction:
                instruction.Narrative ??= new DvText { Value = Text(context.Take("instruction_narrative")) ?? "<none>" };
                break;
        }
    }

    /// <summary>The origin is the earliest event time (else ctx's history_origin or time); events without a time get the origin.</summary>
    private void HistoryDefaults(History? history)
    {
        if (history is null) return;
        if (history.Origin is null)
        {
            string? earliest = null;
            DateTimeOffset? earliestInstant = null;
            foreach (var e in history.Events ?? [])
            {
                if (e.Time?.Value is not { Length: > 0 } time) continue;
                var instant = Instant(time);
                if (earliest is null || (instant is not null && earliestInstant is not null ? instant < earliestInstant : string.CompareOrdinal(time, earliest) < 0))
                {
                    earliest = time;
                    earliestInstant = instant;
                }
            }

            history.Origin = new DvDateTime { Value = earliest ?? ContextTimeOrNull("history_origin") ?? ContextTime("time") };
        }

        foreach (var e in history.Events ?? [])
            e.Time ??= new DvDateTime { Value = history.Origin.Value };
    }

    internal static DateTimeOffset? Instant(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;

    private bool participationsRead;

    /// <summary>New participations from <c>ctx/participation_*</c> (fresh objects for each use; problems reported on the first).</summary>
    private List<Participation>? ContextParticipations()
    {
        if (!context.HasParticipations) return null;
        var result = new List<Participation>();
        quiet = participationsRead;
        try
        {
            foreach (var bag in context.Participations())
                if (ReadParticipation(bag) is { } participation) result.Add(participation);
        }
        finally
        {
            quiet = false;
            participationsRead = true;
        }

        return result;
    }

    /// <summary><c>ctx/<paramref name="key"/></c> as a date-time (<c>now</c> is the decoding instant), else the decoding instant.</summary>
    private string ContextTime(string key) => ContextTimeOrNull(key) ?? Now;

    private string? ContextTimeOrNull(string key)
    {
        var text = Text(context.Take(key));
        return text == "now" ? Now : text;
    }

    private string Now => now.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
