using System.Collections.Concurrent;
using System.Globalization;
using Fkj.Cdr.Cli.News2;
using Fkj.Cdr.Cli.Synthetic;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;

namespace Fkj.Cdr.Cli.VitalSigns;

/// <summary>
/// Builds a composition of <c>fkj.vital_signs_news2.v1</c> (the shape of
/// <c>benchmarks/Fkj.Cdr.Benchmarks/Data/vital-signs.json</c>) from a <see cref="VitalSignsOccasion"/>,
/// as RM objects for the canonical codecs. Names and codes are the template's, in its language (nb).
/// Objects that never differ between compositions (codes, names, archetype details) are built once and
/// shared: the tree is only ever read, by the encoder and the validator.
/// </summary>
public static class VitalSignsComposition
{
    public const string TemplateId = "fkj.vital_signs_news2.v1";
    public const string CompositionArchetype = "openEHR-EHR-COMPOSITION.encounter.v1";
    public const string BloodPressureArchetype = "openEHR-EHR-OBSERVATION.blood_pressure.v2";
    public const string PulseArchetype = "openEHR-EHR-OBSERVATION.pulse.v2";
    public const string RespirationArchetype = "openEHR-EHR-OBSERVATION.respiration.v2";
    public const string PulseOximetryArchetype = "openEHR-EHR-OBSERVATION.pulse_oximetry.v1";
    public const string InspiredOxygenArchetype = "openEHR-EHR-CLUSTER.inspired_oxygen.v1";
    public const string BodyTemperatureArchetype = "openEHR-EHR-OBSERVATION.body_temperature.v2";
    public const string AcvpuArchetype = "openEHR-EHR-OBSERVATION.acvpu.v1";
    public const string News2Archetype = "openEHR-EHR-OBSERVATION.news2.v1";

    private const string RmVersion = "1.1.0";
    private const string Ucum = "http://unitsofmeasure.org";

    private static readonly CodePhrase Norwegian = Code("ISO_639-1", "nb");
    private static readonly CodePhrase Norway = Code("ISO_3166-1", "NO");
    private static readonly CodePhrase Utf8 = Code("IANA_character-sets", "UTF-8");
    private static readonly DvCodedText EventCategory = Coded("event", "openehr", "433");
    private static readonly DvCodedText FaceToFace = Coded("face-to-face communication", "openehr", "216");
    private static readonly PartySelf Self = new();
    private static readonly CodePhrase PressureProperty = Code("openehr", "125");
    private static readonly CodePhrase FrequencyProperty = Code("openehr", "382");
    private static readonly CodePhrase TemperatureProperty = Code("openehr", "127");
    private static readonly CodePhrase FlowProperty = Code("openehr", "126");
    private static readonly DvText PerformerFunction = Text("utførende sykepleier");
    private static readonly DvText SelfMeasuredFunction = Text("målt av pasienten");

    private static readonly ConcurrentDictionary<string, DvText> Names = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, Archetyped> Details = new(StringComparer.Ordinal);

    private static readonly DvText News2Respiration = Mapped("Respirasjonsfrekvens", "1104301000000104");
    private static readonly DvText News2SpO2Scale1 = Mapped("SpO₂ skala 1", "1104311000000102");
    private static readonly DvText News2SpO2Scale2 = Mapped("SpO₂ skala 2", "1104321000000108");
    private static readonly DvText News2AirOrOxygen = Mapped("Luft eller oksygen?", "1104331000000105");
    private static readonly DvText News2Systolic = Mapped("Systolisk blodtrykk", "1104341000000101");
    private static readonly DvText News2Pulse = Mapped("Puls", "1104351000000103");
    private static readonly DvText News2Consciousness = Mapped("Bevissthet", "1104361000000100");
    private static readonly DvText News2Temperature = Mapped("Temperatur", "1104371000000107");
    private static readonly DvText News2Total = Mapped("Totalskår", "1104051000000101");
    private static readonly DvText AcvpuName = Mapped("ACVPU", "1104441000000107");

    static VitalSignsComposition()
    {
        foreach (var id in (string[])[CompositionArchetype, BloodPressureArchetype, PulseArchetype, RespirationArchetype,
                     PulseOximetryArchetype, InspiredOxygenArchetype, BodyTemperatureArchetype, AcvpuArchetype, News2Archetype])
        {
            Details[id] = new Archetyped
            {
                ArchetypeId = new ArchetypeId { Value = id },
                TemplateId = id == CompositionArchetype ? new TemplateId { Value = TemplateId } : null,
                RmVersion = RmVersion,
            };
        }
    }

    public static Composition Build(VitalSignsOccasion o)
    {
        var time = Time(o.Time);
        var m = o.Measurements;
        return new Composition
        {
            Name = Name("Vitale parametre og NEWS2"),
            ArchetypeDetails = Details[CompositionArchetype],
            FeederAudit = Feeder(o),
            ArchetypeNodeId = CompositionArchetype,
            Language = Norwegian,
            Territory = Norway,
            Category = EventCategory,
            Composer = Staff(o.Composer),
            Context = Context(o),
            Content =
            [
                BloodPressure(o, m, time),
                Pulse(o, m, time),
                Respiration(o, m, time),
                PulseOximetry(o, m, time),
                BodyTemperature(o, m, time),
                Acvpu(m, time),
                News2(o, m, time),
            ],
        };
    }

    // ------------------------------------------------------------------ context and provenance

    private static EventContext Context(VitalSignsOccasion o)
    {
        var unit = o.Unit;
        var selfMeasured = unit.Kind == CareKind.DigitalFollowUp;
        return new EventContext
        {
            StartTime = Time(o.ContextStart),
            EndTime = Time(o.ContextEnd),
            Location = o.Location,
            Setting = Coded(unit.SettingText, "openehr", unit.SettingCode),
            HealthCareFacility = new PartyIdentified
            {
                Name = unit.Name,
                Identifiers = [new DvIdentifier { Issuer = Municipality.Name, Id = unit.Id, Type = "enhets-id" }],
            },
            Participations =
            [
                selfMeasured
                    ? new Participation { Function = SelfMeasuredFunction, Performer = Self }
                    : new Participation { Function = PerformerFunction, Performer = Staff(o.Composer), Mode = FaceToFace },
            ],
        };
    }

    private static PartyIdentified Staff(StaffMember staff) => new()
    {
        Name = staff.Name,
        Identifiers = [new DvIdentifier { Issuer = Municipality.Name, Assigner = Municipality.Name, Id = staff.EmployeeNumber, Type = "ansattnummer" }],
    };

    private static FeederAudit Feeder(VitalSignsOccasion o)
    {
        var audit = new FeederAudit
        {
            OriginatingSystemItemIds = [new DvIdentifier { Issuer = Municipality.Name, Assigner = o.Unit.SystemId, Id = o.MeasurementId, Type = "målings-id" }],
            OriginatingSystemAudit = new FeederAuditDetails { SystemId = o.Unit.SystemId, Time = Time(o.RecordedAt) },
        };
        if (o.MessageId is { } message && o.ForwardedAt is { } forwarded)
        {
            audit.FeederSystemItemIds = [new DvIdentifier { Issuer = "VKP", Id = message, Type = "meldings-id" }];
            audit.FeederSystemAudit = new FeederAuditDetails { SystemId = "vkp.nhn.no", Time = Time(forwarded), VersionId = "1" };
        }

        return audit;
    }

    // ------------------------------------------------------------------ the observations

    private static Observation BloodPressure(VitalSignsOccasion o, News2Input m, DvDateTime time)
    {
        var data = new List<Item>(4) { Element("at0004", "Systolisk", MmHg(m.Systolic)) };
        if (o.Diastolic is { } diastolic) data.Add(Element("at0005", "Diastolisk", MmHg(diastolic)));
        if (o.MeanArterialPressure is { } mean) data.Add(Element("at1006", "Middelarterietrykk", MmHg(mean)));
        if (o.BloodPressureComment is { } comment) data.Add(Element("at0033", "Kommentar", Text(comment)));

        var state = Items(
            Optional("at0008", "Stilling", o.BloodPressurePosition),
            Optional("at1043", "Søvnstatus", o.SleepStatus));
        var protocol = Items(
            Optional("at0013", "Mansjettstørrelse", o.CuffSize),
            Optional("at0014", "Målested", o.BloodPressureLocation),
            Optional("at1035", "Metode", o.BloodPressureMethod));

        return Observation(BloodPressureArchetype, "Blodtrykk", "at0001", "Historikk", "at0006", "Uspesifisert hendelse", time,
            Tree("at0003", "Blodtrykk", data), OptionalTree("at0007", "Tilstand", state), OptionalTree("at0011", "Protokoll", protocol));
    }

    private static Observation Pulse(VitalSignsOccasion o, News2Input m, DvDateTime time)
    {
        var data = Items(
            Optional("at1005", "Tilstedeværelse", o.PulsePresence),
            Element("at0004", "Frekvens", Quantity(m.Pulse, FrequencyProperty, "/min", "slag/min", 0)),
            Optional("at0005", "Regelmessighet", o.PulseRegularity));
        var state = Items(Optional("at0013", "Stilling", o.PulsePosition));
        var protocol = Items(
            Optional("at1019", "Metode", o.PulseMethod),
            Optional("at1037", "Målested", o.PulseSite));

        return Observation(PulseArchetype, "Puls/hjertefrekvens", "at0002", "Historikk", "at0003", "Uspesifisert hendelse", time,
            Tree("at0001", "Struktur", data!), OptionalTree("at0012", "Tilstand", state), OptionalTree("at0010", "Protokoll", protocol));
    }

    private static Observation Respiration(VitalSignsOccasion o, News2Input m, DvDateTime time)
    {
        var data = Items(
            Optional("at0062", "Tilstedeværelse", o.RespirationPresence),
            Element("at0004", "Frekvens", Quantity(m.RespirationRate, FrequencyProperty, "/min", "åndedrag/min", 0)),
            Optional("at0005", "Regelmessighet", o.RespirationRegularity),
            Optional("at0016", "Dybde", o.RespirationDepth),
            o.RespirationDescription is { } description ? Element("at0024", "Klinisk beskrivelse", Text(description)) : null);
        var state = Items(Optional("at0065", "Kroppsstilling", o.RespirationPosition));

        return Observation(RespirationArchetype, "Respirasjon", "at0001", "Historikk", "at0002", "Uspesifisert hendelse", time,
            Tree("at0003", "Liste", data!), OptionalTree("at0022", "Tilstand", state), protocol: null);
    }

    private static Observation PulseOximetry(VitalSignsOccasion o, News2Input m, DvDateTime time)
    {
        var data = Items(
            Element("at0006", "SpO₂", new DvProportion { Numerator = m.SpO2, Denominator = 100, Type = 2, Precision = 0 }),
            o.SpO2Interpretation is { } interpretation ? Element("at0058", "Tolkning", Text(interpretation)) : null);

        var oxygen = Items(
            Element("at0057", "På romluft", new DvBoolean { Value = !m.OnOxygen }),
            m.OnOxygen && o.OxygenFlow is { } flow
                ? Element("at0051", "Flow", Quantity(flow, FlowProperty, "l/min", "l/min", 2))
                : null,
            m.OnOxygen && o.OxygenDelivery is { } delivery ? Element("at0054", "Administrasjonsmåte", Text(delivery)) : null);
        var cluster = new Cluster
        {
            Name = Name("Inspirert oksygen"),
            ArchetypeDetails = Details[InspiredOxygenArchetype],
            ArchetypeNodeId = InspiredOxygenArchetype,
            Items = oxygen,
        };

        var protocol = Items(o.SensorSite is { } site ? Element("at0009", "Målested for sensor", Text(site)) : null);
        return Observation(PulseOximetryArchetype, "Pulsoksymetri", "at0001", "Hendelsesserie", "at0002", "Uspesifisert hendelse", time,
            Tree("at0003", "Tre", data!), Tree("at0014", "Tre", [cluster]), OptionalTree("at0007", "Liste", protocol));
    }

    private static Observation BodyTemperature(VitalSignsOccasion o, News2Input m, DvDateTime time)
    {
        var data = Items(Element("at0004", "Temperatur", Quantity(m.TemperatureTenths / 10.0, TemperatureProperty, "Cel", "°C", 1)));
        var state = Items(Optional("at0030", "Kroppseksponering", o.BodyExposure));
        var protocol = Items(Optional("at0021", "Målested", o.TemperatureLocation));
        return Observation(BodyTemperatureArchetype, "Kroppstemperatur", "at0002", "Historikk", "at0003", "Uspesifisert hendelse", time,
            Tree("at0001", "Tre", data!), OptionalTree("at0029", "Tilstand", state), OptionalTree("at0020", "Protokoll", protocol));
    }

    private static Observation Acvpu(News2Input m, DvDateTime time)
    {
        var level = Terms.Acvpu.Of(m.Consciousness);
        var data = Items(new Element { Name = AcvpuName, ArchetypeNodeId = "at0004", Value = Coded(level.Text, "local", level.Code) });
        return Observation(AcvpuArchetype, "ACVPU-skala", "at0001", "Hendelsesserie", "at0002", "Uspesifisert tidspunkt", time,
            Tree("at0003", "Tre", data!), state: null, protocol: null);
    }

    private static Observation News2(VitalSignsOccasion o, News2Input m, DvDateTime time)
    {
        var s = o.Score;
        var data = new List<Item>(10)
        {
            Ordinal("at0006", News2Respiration, s.RespirationRate),
            m.Scale == SpO2Scale.Scale1 ? Ordinal("at0029", News2SpO2Scale1, s.SpO2) : Ordinal("at0047", News2SpO2Scale2, s.SpO2),
            Ordinal("at0034", News2AirOrOxygen, s.AirOrOxygen),
            Ordinal("at0004", News2Systolic, s.Systolic),
            Ordinal("at0005", News2Pulse, s.Pulse),
            Ordinal("at0008", News2Consciousness, s.Consciousness),
            Ordinal("at0007", News2Temperature, s.Temperature),
            new Element { Name = News2Total, ArchetypeNodeId = "at0028", Value = new DvCount { Magnitude = s.Total } },
        };
        if (o.RecordRiskCategory)
        {
            var (code, text) = News2Scorer.RiskTerm(s.Risk);
            data.Add(Element("at0056", "Klinisk risikokategori", Coded(text, "local", code)));
        }

        return Observation(News2Archetype, "NEWS2-skår", "at0001", "Hendelsesserie", "at0002", "Uspesifisert tidspunkt", time,
            Tree("at0003", "Tre", data!), state: null, protocol: null);
    }

    // ------------------------------------------------------------------ building blocks

    private static Observation Observation(string archetypeId, string name, string historyId, string historyName, string eventId,
        string eventName, DvDateTime time, ItemTree data, ItemTree? state, ItemTree? protocol) => new()
    {
        Name = Name(name),
        ArchetypeDetails = Details[archetypeId],
        ArchetypeNodeId = archetypeId,
        Language = Norwegian,
        Encoding = Utf8,
        Subject = Self,
        Protocol = protocol,
        Data = new History
        {
            Name = Name(historyName),
            ArchetypeNodeId = historyId,
            Origin = time,
            Events = [new PointEvent { Name = Name(eventName), ArchetypeNodeId = eventId, Time = time, Data = data, State = state }],
        },
    };

    private static ItemTree Tree(string nodeId, string name, List<Item> items) =>
        new() { Name = Name(name), ArchetypeNodeId = nodeId, Items = items };

    /// <summary>A state or protocol ITEM_TREE, or null when none of its (all optional) items is recorded.</summary>
    private static ItemTree? OptionalTree(string nodeId, string name, List<Item>? items) =>
        items is null ? null : Tree(nodeId, name, items);

    /// <summary>The present items in order, or null when none is.</summary>
    private static List<Item>? Items(params ReadOnlySpan<Item?> items)
    {
        List<Item>? list = null;
        foreach (var item in items)
        {
            if (item is null) continue;
            (list ??= new List<Item>(items.Length)).Add(item);
        }

        return list;
    }

    private static Element Element(string nodeId, string name, DataValue value) =>
        new() { Name = Name(name), ArchetypeNodeId = nodeId, Value = value };

    private static Element? Optional(string nodeId, string name, Term? term) =>
        term is null ? null : Element(nodeId, name, Coded(term.Text, "local", term.Code));

    private static Element Ordinal(string nodeId, DvText name, News2Band band) => new()
    {
        Name = name,
        ArchetypeNodeId = nodeId,
        Value = new DvOrdinal { Value = band.Score, Symbol = Coded(band.Text, "local", band.Code) },
    };

    private static DvQuantity MmHg(int value) => Quantity(value, PressureProperty, "mm[Hg]", "mmHg", 0);

    private static DvQuantity Quantity(double magnitude, CodePhrase property, string units, string display, int precision) => new()
    {
        Magnitude = magnitude,
        Property = property,
        Units = units,
        UnitsSystem = Ucum,
        UnitsDisplayName = display,
        Precision = precision,
    };

    private static DvDateTime Time(DateTimeOffset time) =>
        new() { Value = time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) };

    private static DvText Text(string value) => new() { Value = value };

    /// <summary>A shared DV_TEXT for a node name (built once per text).</summary>
    private static DvText Name(string text)
        => Names.GetOrAdd(text, static t => Text(t));

    private static DvText Mapped(string text, string snomed) => new()
    {
        Value = text,
        Mappings = [new TermMapping { Match = '=', Target = Code("SNOMED-CT", snomed) }],
    };

    private static CodePhrase Code(string terminology, string code) =>
        new() { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code };

    private static DvCodedText Coded(string text, string terminology, string code) =>
        new() { Value = text, DefiningCode = Code(terminology, code) };
}
