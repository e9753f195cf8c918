#:property PublishAot=false
// Writes templates/fkj.vital_signs_news2.v1.opt, the operational template (ADL 1.4 OPT XML) of the
// information service "NEWS2 målinger": the vital signs NEWS2 is scored from, and the scores.
//
//   dotnet run templates/src/vital_signs_news2.cs            write the OPT
//   dotnet run templates/src/vital_signs_news2.cs -- --check exit 1 if the OPT on disk differs
//
// The definition below is the template: archetypes from the openEHR CKM (CC BY-SA, see
// templates/README.md), narrowed to what the service records. Terms are written here in both
// languages: Norwegian bokmål (the template language, in the tree) and English (the translation,
// in component_ontologies, as Archetype Designer writes translations). The generator refuses a
// definition whose node ids or local codes lack a term, or whose terms are unused.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using static Dsl;

// ---------------------------------------------------------------- the vital signs

var bloodPressure = Observation("openEHR-EHR-OBSERVATION.blood_pressure.v2", Opt,
    history: "at0001", evt: "at0006",
    data: Tree("at0003",
        Element("at0004", One, MmHg()),
        Element("at0005", Opt, MmHg()),
        Element("at1006", Opt, MmHg()),
        Element("at0033", Opt, Text)),
    state: Tree("at0007",
        Element("at0008", Opt, Coded("at1000", "at1001", "at1002", "at1003", "at1014")),
        Element("at1043", Opt, Coded("at1044", "at1045"))),
    protocol: Tree("at0011",
        Element("at0013", Opt, Coded("at0015", "at0016", "at0017", "at1008", "at1009", "at1018", "at1019")),
        Element("at0014", Opt, Coded("at0025", "at0026", "at0027", "at0028", "at1020", "at1021", "at1026",
            "at1031", "at1032", "at1051", "at1056", "at1053"), Text),
        Element("at1035", Opt, Coded("at1036", "at1037", "at1039", "at1040"))),
    terms: [
        T("at0000", "Blodtrykk", "Lokal måling av arterielt blodtrykk, som surrogat for trykket i det systemiske kretsløpet.",
            "Blood pressure", "The local measurement of arterial blood pressure, a surrogate for arterial pressure in the systemic circulation."),
        T("at0001", "Historikk", Internal, "History", Internal),
        T("at0006", "Uspesifisert hendelse", "Standard, uspesifisert tidspunkt eller tidsintervall.", "Any event", "Default, unspecified point in time or interval event."),
        T("at0003", "Blodtrykk", Internal, "blood pressure", Internal),
        T("at0004", "Systolisk", "Høyeste systemiske arterielle blodtrykk, målt i hjertets kontraksjonsfase.",
            "Systolic", "Peak systemic arterial blood pressure, measured in the contraction phase of the heart cycle."),
        T("at0005", "Diastolisk", "Laveste systemiske arterielle blodtrykk, målt i hjertets hvilefase.",
            "Diastolic", "Minimum systemic arterial blood pressure, measured in the relaxation phase of the heart cycle."),
        T("at1006", "Middelarterietrykk", "Gjennomsnittlig arterielt trykk over en hel hjertesyklus.",
            "Mean arterial pressure", "The average arterial pressure over the entire heart contraction and relaxation cycle."),
        T("at0033", "Kommentar", "Fritekst om målingen som ikke passer i andre felt.", "Comment", "Additional narrative about the measurement, not captured in other fields."),
        T("at0007", "Tilstand", Internal, "state structure", Internal),
        T("at0008", "Stilling", "Kroppsstillingen under målingen.", "Position", "The position of the individual at the time of measurement."),
        T("at1000", "Stående", "Stående under målingen.", "Standing", "Standing at the time of measurement."),
        T("at1001", "Sittende", "Sittende (for eksempel på seng eller stol) under målingen.", "Sitting", "Sitting (for example on bed or chair) at the time of measurement."),
        T("at1002", "Halvt liggende", "Halvt liggende under målingen.", "Reclining", "Reclining at the time of measurement."),
        T("at1003", "Liggende", "Flatt liggende under målingen.", "Lying", "Lying flat at the time of measurement."),
        T("at1014", "Liggende med tilt mot venstre", "Liggende med sideveis tilt, vanligvis mot venstre side.",
            "Lying with tilt to left", "Lying flat with some lateral tilt, usually towards the left side."),
        T("at1043", "Søvnstatus", "Om individet var våkent eller sov under målingen.", "Sleep status", "Whether the individual was awake or asleep at the time of measurement."),
        T("at1044", "Våken", "Individet er våkent.", "Awake", "The individual is fully conscious."),
        T("at1045", "Sover", "Individet sover.", "Sleeping", "The individual is asleep."),
        T("at0011", "Protokoll", Internal, "Tree", Internal),
        T("at0013", "Mansjettstørrelse", "Størrelsen på mansjetten som ble brukt.", "Cuff size", "The size of the cuff used for the measurement."),
        T("at0015", "Voksen lår", "Mansjett for låret til en voksen.", "Adult Thigh", "A cuff used for an adult thigh."),
        T("at0016", "Stor voksen", "Mansjett for voksne med kraftige armer.", "Large Adult", "A cuff for adults with larger arms."),
        T("at0017", "Voksen", "Standard mansjett for voksne.", "Adult", "A cuff that is standard for an adult."),
        T("at1008", "Liten voksen", "Mansjett for små voksne.", "Small Adult", "A cuff used for a small adult."),
        T("at1009", "Barn", "Mansjett for barn eller voksne med tynne armer.", "Paediatric/Child", "A cuff for a child or an adult with a thin arm."),
        T("at1018", "Spedbarn", "Mansjett for spedbarn.", "Infant", "A cuff used for infants."),
        T("at1019", "Nyfødt", "Mansjett for nyfødte.", "Neonatal", "A cuff used for a neonate."),
        T("at0014", "Målested", "Kroppsstedet der blodtrykket ble målt.", "Location of measurement", "Simple body site where blood pressure was measured."),
        T("at0025", "Høyre arm", "Individets høyre arm.", "Right arm", "The right arm of the person."),
        T("at0026", "Venstre arm", "Individets venstre arm.", "Left arm", "The left arm of the person."),
        T("at0027", "Høyre lår", "Individets høyre lår.", "Right thigh", "The right thigh of the person."),
        T("at0028", "Venstre lår", "Individets venstre lår.", "Left thigh", "The left thigh of the person."),
        T("at1020", "Høyre håndledd", "Individets høyre håndledd.", "Right wrist", "The right wrist of the individual."),
        T("at1021", "Venstre håndledd", "Individets venstre håndledd.", "Left wrist", "The left wrist of the individual."),
        T("at1026", "Høyre ankel", "Individets høyre ankel.", "Right ankle", "The right ankle of the individual."),
        T("at1031", "Venstre ankel", "Individets venstre ankel.", "Left ankle", "The left ankle of the individual."),
        T("at1032", "Finger", "En finger.", "Finger", "A finger of the individual."),
        T("at1051", "Tå", "En tå.", "Toe", "A toe of the individual."),
        T("at1056", "Fotrygg", "Oversiden av foten.", "Dorsum of foot", "The upper surface of the foot."),
        T("at1053", "Intraarterielt", "Invasiv måling med trykktransduser i en arterie.", "Intra-arterial", "Invasive measurement via a transducer line within an artery."),
        T("at1035", "Metode", "Metoden blodtrykket ble målt med.", "Method", "Method of measurement of blood pressure."),
        T("at1036", "Auskultasjon", "Måling med stetoskop og Korotkoff-lyder.", "Auscultation", "Measured externally with a stethoscope and Korotkoff sounds."),
        T("at1037", "Palpasjon", "Måling ved palpasjon, vanligvis av a. brachialis eller a. radialis.", "Palpation", "Measured externally by palpation, usually of the brachial or radial artery."),
        T("at1039", "Apparat", "Måling med blodtrykksapparat.", "Machine", "Measured externally with a blood pressure machine."),
        T("at1040", "Invasiv", "Måling inne i et blodkar.", "Invasive", "Measured invasively, within a blood vessel."),
    ]);

var pulse = Observation("openEHR-EHR-OBSERVATION.pulse.v2", Opt,
    history: "at0002", evt: "at0003",
    data: Tree("at0001",
        Element("at1005", Opt, Coded("at1024", "at1025")),
        Element("at0004", One, PerMinute(0, 1000, upperIncluded: false)),
        Element("at0005", Opt, Coded("at0006", "at1028"))),
    state: Tree("at0012",
        Element("at0013", Opt, Coded("at1003", "at1001", "at1002", "at1000"))),
    protocol: Tree("at0010",
        Element("at1019", Opt, Coded("at1032", "at1033", "at1034", "at1050")),
        Element("at1037", Opt, Coded("at1038", "at1039", "at1040", "at1041", "at1042", "at1043", "at1044",
            "at1049", "at1048", "at1047", "at1054", "at1051"), Text)),
    terms: [
        T("at0000", "Puls/hjertefrekvens", "Frekvens og tilhørende egenskaper ved puls eller hjerteslag.",
            "Pulse/Heart beat", "The rate and associated attributes for a pulse or heart beat."),
        T("at0002", "Historikk", Internal, "history", Internal),
        T("at0003", "Uspesifisert hendelse", "Standard, uspesifisert tidspunkt eller tidsintervall.", "Any event", "Default, unspecified point in time or interval event."),
        T("at0001", "Struktur", Internal, "structure", Internal),
        T("at1005", "Tilstedeværelse", "Om puls eller hjerteslag kan påvises.", "Presence", "Presence of a pulse or heart beat."),
        T("at1024", "Til stede", "Puls eller hjerteslag kan påvises.", "Present", "A pulse or heart beat can be detected."),
        T("at1025", "Ikke påvist", "Puls eller hjerteslag kan ikke påvises.", "Not detected", "A pulse or heart beat cannot be detected."),
        T("at0004", "Frekvens", "Antall pulsslag eller hjerteslag per minutt.", "Rate", "The rate of the pulse or heart beat, measured in beats per minute."),
        T("at0005", "Regelmessighet", "Om pulsen eller hjerteslagene er regelmessige.", "Regularity", "Is the pulse or heart beat regular?"),
        T("at0006", "Regelmessig", "Mønsteret er regelmessig.", "Regular", "The pattern is regular."),
        T("at1028", "Uregelmessig", "Mønsteret er uregelmessig.", "Irregular", "The pattern is irregular."),
        T("at0012", "Tilstand", Internal, "List", Internal),
        T("at0013", "Stilling", "Kroppsstillingen under observasjonen.", "Position", "The body position of the subject during the observation."),
        T("at1003", "Stående/oppreist", "Individet sto, gikk eller løp.", "Standing/upright", "The subject was standing, walking or running."),
        T("at1001", "Sittende", "Individet satt (for eksempel på seng eller stol).", "Sitting", "The subject was sitting (for example on bed or chair)."),
        T("at1002", "Halvt liggende", "Individet lå tilbakelent i omtrent 45 grader.", "Reclining", "The subject was reclining at an angle of about 45 degrees."),
        T("at1000", "Liggende", "Individet lå flatt.", "Lying", "The subject was lying flat."),
        T("at0010", "Protokoll", Internal, "List", Internal),
        T("at1019", "Metode", "Metoden pulsen eller hjerteslagene ble observert med.", "Method", "Method used to observe the pulse or heart beat."),
        T("at1032", "Palpasjon", "Observert ved berøring.", "Palpation", "Observed by physical touch."),
        T("at1033", "Auskultasjon", "Observert med hjelpemiddel, som stetoskop.", "Auscultation", "Observed with the assistance of a device, such as a stethoscope."),
        T("at1034", "Automatisk, non-invasivt", "Observert non-invasivt med apparat, som pulsoksymeter.", "Automatic, non-invasive", "Observed non-invasively with a device such as a pulse oximeter."),
        T("at1050", "Automatisk, invasivt", "Observert invasivt med apparat, som arteriekateter.", "Automatic, invasive", "Observed invasively with a device such as an arterial catheter."),
        T("at1037", "Målested", "Kroppsstedet der pulsen eller hjerteslagene ble observert.", "Body site", "Body site where the pulse or heart beat was observed."),
        T("at1038", "A. radialis, venstre", "Venstre a. radialis.", "Radial Artery - Left", "The left radial artery."),
        T("at1039", "A. radialis, høyre", "Høyre a. radialis.", "Radial Artery - Right", "The right radial artery."),
        T("at1040", "Hjertet", "Området over hjertet.", "Heart", "The region of the heart."),
        T("at1041", "A. carotis, venstre", "Venstre a. carotis.", "Carotid Artery - Left", "The left carotid artery."),
        T("at1042", "A. carotis, høyre", "Høyre a. carotis.", "Carotid Artery - Right", "The right carotid artery."),
        T("at1043", "A. femoralis, venstre", "Venstre a. femoralis.", "Femoral Artery - Left", "The left femoral artery."),
        T("at1044", "A. femoralis, høyre", "Høyre a. femoralis.", "Femoral Artery - Right", "The right femoral artery."),
        T("at1049", "A. brachialis, høyre", "Høyre a. brachialis.", "Brachial artery - Right", "The right brachial artery."),
        T("at1048", "A. brachialis, venstre", "Venstre a. brachialis.", "Brachial artery - Left", "The left brachial artery."),
        T("at1047", "Finger", "En uspesifisert finger.", "Finger", "An unspecified finger."),
        T("at1054", "Tå", "En uspesifisert tå.", "Toe", "An unspecified toe."),
        T("at1051", "Øreflipp", "En uspesifisert øreflipp.", "Ear lobe", "The lobe of an unspecified ear."),
    ]);

var respiration = Observation("openEHR-EHR-OBSERVATION.respiration.v2", Opt,
    history: "at0001", evt: "at0002",
    data: Tree("at0003",
        Element("at0062", Opt, Coded("at0063", "at0064")),
        Element("at0004", One, PerMinute(0, 200, upperIncluded: true)),
        Element("at0005", Opt, Coded("at0006", "at0007")),
        Element("at0016", Opt, Coded("at0017", "at0018", "at0019", "at0025")),
        Element("at0024", Opt, Text)),
    state: Tree("at0022",
        Element("at0065", Opt, Coded("at0066", "at0067", "at0068", "at0069", "at0071"))),
    terms: [
        T("at0000", "Respirasjon", "Observerte egenskaper ved spontan respirasjon.", "Respiration", "The observed characteristics of spontaneous breathing."),
        T("at0001", "Historikk", Internal, "history", Internal),
        T("at0002", "Uspesifisert hendelse", "Standard, uspesifisert tidspunkt eller tidsintervall.", "Any event", "Default, unspecified point in time or interval event."),
        T("at0003", "Liste", Internal, "List", Internal),
        T("at0062", "Tilstedeværelse", "Om spontan respirasjon observeres.", "Presence", "Observation of spontaneous respiration."),
        T("at0063", "Til stede", "Respirasjonsbevegelser observeres.", "Present", "Respiratory movements are observed."),
        T("at0064", "Ikke påvist", "Respirasjonsbevegelser kan ikke påvises.", "Not detected", "Respiratory movements are not detected."),
        T("at0004", "Frekvens", "Antall spontane åndedrag per minutt.", "Rate", "The rate of spontaneous breathing."),
        T("at0005", "Regelmessighet", "Mønsteret i den spontane respirasjonen.", "Regularity", "The pattern of spontaneous breathing."),
        T("at0006", "Regelmessig", "Regelmessig respirasjon.", "Regular", "Regular respirations."),
        T("at0007", "Uregelmessig", "Uregelmessig respirasjon.", "Irregular", "Irregular respirations."),
        T("at0016", "Dybde", "Dybden av den spontane respirasjonen.", "Depth", "The depth of spontaneous breathing."),
        T("at0017", "Normal", "Normal dybde.", "Normal", "Normal depth of breathing."),
        T("at0018", "Overfladisk", "Overfladisk respirasjon.", "Shallow", "Shallow depth of breathing."),
        T("at0019", "Dyp", "Dyp respirasjon.", "Deep", "Deep breathing."),
        T("at0025", "Varierende", "Varierende dybde.", "Variable", "Variable depth of breathing."),
        T("at0024", "Klinisk beskrivelse", "Fritekstbeskrivelse av individets spontane respirasjon.", "Clinical description", "A narrative description about the spontaneous breathing of the individual."),
        T("at0022", "Tilstand", Internal, "List", Internal),
        T("at0065", "Kroppsstilling", "Kroppsstillingen under observasjonen.", "Body position", "The body position of the individual during the observation."),
        T("at0066", "Stående/oppreist", "Individet sto, gikk eller løp.", "Standing/upright", "The individual was standing, walking or running."),
        T("at0067", "Sittende", "Individet satt (for eksempel på seng eller stol).", "Sitting", "The individual was sitting (for example, on a bed or chair)."),
        T("at0068", "Halvt liggende", "Individet lå tilbakelent i omtrent 45 grader.", "Reclining", "The individual was reclining at an angle of about 45 degrees."),
        T("at0069", "Liggende", "Individet lå flatt.", "Lying", "The individual was lying flat."),
        T("at0071", "Mageleie", "Individet lå på magen.", "Prone", "The individual was lying on their front."),
    ]);

var inspiredOxygen = Cluster("openEHR-EHR-CLUSTER.inspired_oxygen.v1", Opt,
    items: [
        Element("at0057", Opt, Boolean()),
        Element("at0051", Opt, Quantity("126", "l/min", 0, 50, upperIncluded: true, precision: 2)),
        Element("at0052", Opt, Proportion(0, 1, type: 1)),
        Element("at0053", Opt, Proportion(0, 100, type: 2)),
        Element("at0054", Opt, Text),
    ],
    terms: [
        T("at0000", "Inspirert oksygen", "Oksygen som gis individet, som fraksjon, prosent eller flow.",
            "Inspired oxygen", "The amount of oxygen delivered to the patient, as a fraction, percentage or flow rate."),
        T("at0057", "På romluft", "Individet puster romluft (21 % O₂, FiO₂ 0,21, flow 0 l/min).",
            "On air", "The patient is receiving air, equivalent to 21% O₂, 0.21 FiO₂ and a flow rate of 0 l/min."),
        T("at0051", "Flow", "Oksygenflow gitt til individet.", "Flow rate", "Oxygen flow rate given to an individual."),
        T("at0052", "FiO₂", "Fraksjon oksygen i innåndingsluften.", "FiO₂", "Fraction of oxygen in inspired air."),
        T("at0053", "Prosent O₂", "Prosent oksygen i innåndingsluften.", "Percent O₂", "Percentage of oxygen in inspired air."),
        T("at0054", "Administrasjonsmåte", "Hvordan oksygenet gis, for eksempel nesekateter.", "Method of oxygen delivery", "The method used to deliver the oxygen, for example nasal prongs."),
    ]);

var pulseOximetry = Observation("openEHR-EHR-OBSERVATION.pulse_oximetry.v1", Opt,
    history: "at0001", evt: "at0002",
    data: Tree("at0003",
        Element("at0006", One, Proportion(0, 100, type: 2)),
        Element("at0058", Opt, Text)),
    state: Tree("at0014", inspiredOxygen),
    protocol: Tree("at0007",
        Element("at0009", Opt, Text)),
    terms: [
        T("at0000", "Pulsoksymetri", "Oksygenmetning i blodet, målt med pulsoksymetri.", "Pulse oximetry", "Blood oxygen and related measurements, measured by pulse oximetry."),
        T("at0001", "Hendelsesserie", Internal, "Event Series", Internal),
        T("at0002", "Uspesifisert hendelse", "Standard, uspesifisert tidspunkt eller tidsintervall.", "Any event", "Default, unspecified point in time or interval event."),
        T("at0003", "Tre", Internal, "Tree", Internal),
        T("at0006", "SpO₂", "Oksygenmetning i perifert blod, målt med pulsoksymetri.", "SpO₂", "The saturation of oxygen in the peripheral blood, measured via pulse oximetry."),
        T("at0058", "Tolkning", "Klinisk betydning av målingen, for eksempel hypoksemi.", "Interpretation", "Clinical meaning and significance of the measurement, for example hypoxaemia."),
        T("at0014", "Tre", Internal, "Tree", Internal),
        T("at0007", "Liste", Internal, "List", Internal),
        T("at0009", "Målested for sensor", "Hvor sensoren satt, for eksempel høyre pekefinger.", "Sensor site", "The site of the measurement sensor, for example right index finger."),
    ]);

var bodyTemperature = Observation("openEHR-EHR-OBSERVATION.body_temperature.v2", Opt,
    history: "at0002", evt: "at0003",
    data: Tree("at0001",
        Element("at0004", One, Quantity("127", "Cel", 0, 100, upperIncluded: false, precision: 1))),
    state: Tree("at0029", ordered: true,
        Element("at0030", Opt, Coded("at0031", "at0032", "at0033", "at0034"), Text)),
    protocol: Tree("at0020", ordered: true,
        Element("at0021", Opt, Coded("at0025", "at0024", "at0023", "at0061", "at0022", "at0026", "at0027", "at0028",
            "at0043", "at0051", "at0054", "at0055", "at0060"), Text)),
    terms: [
        T("at0000", "Kroppstemperatur", "Måling av kroppstemperaturen, som surrogat for kjernetemperaturen.",
            "Body temperature", "A measurement of the body temperature, a surrogate for the core body temperature."),
        T("at0002", "Historikk", Internal, "History", Internal),
        T("at0003", "Uspesifisert hendelse", "Standard, uspesifisert tidspunkt eller tidsintervall.", "Any event", "Default, unspecified point in time or interval event."),
        T("at0001", "Tre", Internal, "Tree", Internal),
        T("at0004", "Temperatur", "Målt kroppstemperatur.", "Temperature", "The measured body temperature."),
        T("at0029", "Tilstand", "Informasjon om individets tilstand.", "State", "State information about the patient."),
        T("at0030", "Kroppseksponering", "Hvor tildekket individet var under målingen.", "Body exposure", "The degree of exposure of the individual at the time of measurement."),
        T("at0031", "Naken", "Ingen klær, sengetøy eller tildekking.", "Naked", "No clothing, bedding or covering."),
        T("at0032", "Lite klær/sengetøy", "Mindre klær eller sengetøy enn omgivelsene tilsier.", "Reduced clothing/bedding", "Less clothing or bedding than appropriate for the environment."),
        T("at0033", "Passende klær/sengetøy", "Klær eller sengetøy som passer til omgivelsene.", "Appropriate clothing/bedding", "Clothing or bedding appropriate for the environment."),
        T("at0034", "Mye klær/sengetøy", "Mer klær eller sengetøy enn omgivelsene tilsier.", "Increased clothing/bedding", "More clothing or bedding than appropriate for the environment."),
        T("at0020", "Protokoll", Internal, "Protocol", Internal),
        T("at0021", "Målested", "Det anatomiske stedet temperaturen ble målt.", "Location of measurement", "The anatomical site of measurement of the temperature."),
        T("at0025", "Endetarm", "Målt i endetarmen.", "Rectum", "Temperature measured within the rectum."),
        T("at0024", "Armhule", "Målt i armhulen med armen langs siden.", "Axilla", "Temperature measured in the axilla with the arm down by the side."),
        T("at0023", "Øregang", "Målt i ytre øregang.", "Ear canal", "Temperature measured within the external auditory canal."),
        T("at0061", "Panne", "Målt på pannen.", "Forehead", "Temperature measured on the forehead."),
        T("at0022", "Munn", "Målt i munnen.", "Mouth", "Temperature measured within the mouth."),
        T("at0026", "Nesesvelg", "Målt i nesesvelget.", "Nasopharynx", "Temperature measured within the nasopharynx."),
        T("at0027", "Urinblære", "Målt i urinblæren.", "Urinary bladder", "Temperature measured in the urinary bladder."),
        T("at0028", "Intravaskulært", "Målt i blodbanen.", "Intravascular", "Temperature measured within the vascular system."),
        T("at0043", "Hud", "Målt på eksponert hud.", "Skin", "Temperature measured from exposed skin."),
        T("at0051", "Skjede", "Målt i skjeden.", "Vagina", "Temperature measured within the vagina."),
        T("at0054", "Spiserør", "Målt i spiserøret.", "Oesophagus", "Temperature measured within the oesophagus."),
        T("at0055", "Lyske", "Målt i lyskefolden.", "Inguinal skin crease", "Temperature measured in the inguinal skin crease."),
        T("at0060", "Tinning", "Målt over a. temporalis i tinningen.", "Temple", "Temperature measured at the temple, over the superficial temporal artery."),
    ]);

var acvpu = Observation("openEHR-EHR-OBSERVATION.acvpu.v1", Opt,
    history: "at0001", evt: "at0002",
    data: Tree("at0003",
        Element("at0004", One, Coded("at0005", "at0015", "at0006", "at0007", "at0008"))),
    terms: [
        T("at0000", "ACVPU-skala", "Enkel skala for vurdering av bevissthetsnivå.", "ACVPU scale", "Simple scale used to assess and record an individual's level of consciousness."),
        T("at0001", "Hendelsesserie", Internal, "Event Series", Internal),
        T("at0002", "Uspesifisert tidspunkt", "Standard, uspesifisert tidspunkt.", "Any point in time event", "Default, unspecified point in time event."),
        T("at0003", "Tre", Internal, "Tree", Internal),
        T("at0004", "ACVPU", "Vurdert bevissthetsnivå.", "ACVPU", "The assessment of the patient's level of consciousness."),
        T("at0005", "Våken (A)", "Helt våken: åpner øynene spontant, reagerer på tale og har motorikk.", "Alert", "Fully awake: opens the eyes spontaneously, responds to voice and has motor function."),
        T("at0015", "Nyoppstått forvirring (C)", "Ny eller forverret forvirring, delirium eller annen endret mental tilstand.", "Confusion", "A new onset or worsening confusion, delirium or any other altered mentation."),
        T("at0006", "Reagerer på tiltale (V)", "Verbal, motorisk eller øyerespons på tiltale.", "Voice", "Any verbal, motor or eye response to a voice stimulus."),
        T("at0007", "Reagerer på smerte (P)", "Verbal, motorisk eller øyerespons på smertestimulering.", "Pain", "Any verbal, motor or eye response to a pain stimulus."),
        T("at0008", "Reagerer ikke (U)", "Ingen respons på tiltale eller smerte.", "Unresponsive", "No response to voice or pain stimuli."),
    ],
    bindings: [("at0004", "SNOMED-CT", "1104441000000107")]);

// ---------------------------------------------------------------- NEWS2: each parameter's score and the total

var news2 = Observation("openEHR-EHR-OBSERVATION.news2.v1", One,
    history: "at0001", evt: "at0002",
    data: Tree("at0003",
        Element("at0006", One, Ordinal((3, "at0021"), (1, "at0019"), (0, "at0018"), (2, "at0020"), (3, "at0064"))),
        Element("at0029", Opt, Ordinal((3, "at0033"), (2, "at0032"), (1, "at0031"), (0, "at0030"))),
        Element("at0047", Opt, Ordinal((3, "at0061"), (2, "at0050"), (1, "at0049"), (0, "at0048"), (1, "at0062"), (2, "at0063"), (3, "at0051"))),
        Element("at0034", One, Ordinal((0, "at0036"), (2, "at0037"))),
        Element("at0004", One, Ordinal((3, "at0017"), (2, "at0016"), (1, "at0015"), (0, "at0014"), (3, "at0067"))),
        Element("at0005", One, Ordinal((3, "at0010"), (1, "at0012"), (0, "at0013"), (1, "at0068"), (2, "at0011"), (3, "at0065"))),
        Element("at0008", One, Ordinal((0, "at0024"), (3, "at0025"))),
        Element("at0007", One, Ordinal((3, "at0039"), (1, "at0023"), (0, "at0022"), (1, "at0066"), (2, "at0038"))),
        Element("at0028", One, Count(0, 20)),
        Element("at0056", Opt, Coded("at0057", "at0058", "at0059", "at0060"))),
    terms: [
        T("at0000", "NEWS2-skår", "Enkel skår for å oppdage klinisk forverring hos en pasient (National Early Warning Score 2).",
            "National Early Warning Score 2 (NEWS2)", "A simple assessment score used to identify clinical deterioration in a patient."),
        T("at0001", "Hendelsesserie", Internal, "Event Series", Internal),
        T("at0002", "Uspesifisert tidspunkt", "Standard, uspesifisert tidspunkt.", "Any point in time event", "Default, unspecified point in time event."),
        T("at0003", "Tre", Internal, "Tree", Internal),
        T("at0006", "Respirasjonsfrekvens", "Skår for målt respirasjonsfrekvens.", "Respiration rate", "Category for the respiratory rate measurement."),
        T("at0021", "≤8", "Respirasjonsfrekvens 8 eller færre per minutt.", "≤8", "The respiratory rate is less than or equal to 8 breaths/min."),
        T("at0019", "9-11", "Respirasjonsfrekvens 9 til 11 per minutt.", "9-11", "The respiratory rate is between 9 and 11 breaths/min."),
        T("at0018", "12-20", "Respirasjonsfrekvens 12 til 20 per minutt.", "12-20", "The respiratory rate is between 12 and 20 breaths/min."),
        T("at0020", "21-24", "Respirasjonsfrekvens 21 til 24 per minutt.", "21-24", "The respiratory rate is between 21 and 24 breaths/min."),
        T("at0064", "≥25", "Respirasjonsfrekvens 25 eller flere per minutt.", "≥25", "The respiratory rate is greater than or equal to 25 breaths/min."),
        T("at0029", "SpO₂ skala 1", "Skår for målt oksygenmetning. Brukes for de fleste pasienter.",
            "SpO₂ Scale 1", "Category for the oxygen saturation measurement. Used for most patients."),
        T("at0033", "≤91", "Oksygenmetning 91 % eller lavere.", "≤91", "The oxygen saturation is less than or equal to 91%."),
        T("at0032", "92-93", "Oksygenmetning 92 til 93 %.", "92-93", "The oxygen saturation is between 92% and 93%."),
        T("at0031", "94-95", "Oksygenmetning 94 til 95 %.", "94-95", "The oxygen saturation is between 94% and 95%."),
        T("at0030", "≥96", "Oksygenmetning 96 % eller høyere.", "≥96", "The oxygen saturation is greater than or equal to 96%."),
        T("at0047", "SpO₂ skala 2", "Skår for målt oksygenmetning hos pasienter med målmetning 88–92 %, for eksempel ved hyperkapnisk respirasjonssvikt.",
            "SpO₂ Scale 2", "Category for the oxygen saturation measurement in patients with a target saturation of 88–92%, such as hypercapnic respiratory failure."),
        T("at0061", "≤83", "Oksygenmetning 83 % eller lavere.", "≤83", "The oxygen saturation is less than or equal to 83%."),
        T("at0050", "84-85", "Oksygenmetning 84 til 85 %.", "84-85", "The oxygen saturation is between 84% and 85%."),
        T("at0049", "86-87", "Oksygenmetning 86 til 87 %.", "86-87", "The oxygen saturation is between 86% and 87%."),
        T("at0048", "88-92 eller ≥93 på luft", "Oksygenmetning 88 til 92 %, eller 93 % eller høyere på romluft.",
            "88-92 or ≥93 on air", "The oxygen saturation is between 88% and 92%, or greater than or equal to 93% on air."),
        T("at0062", "93-94 med oksygen", "Oksygenmetning 93 til 94 % med oksygentilførsel.", "93-94 on oxygen", "The oxygen saturation is between 93% and 94% on supplemental oxygen."),
        T("at0063", "95-96 med oksygen", "Oksygenmetning 95 til 96 % med oksygentilførsel.", "95-96 on oxygen", "The oxygen saturation is between 95% and 96% on supplemental oxygen."),
        T("at0051", "≥97 med oksygen", "Oksygenmetning 97 % eller høyere med oksygentilførsel.", "≥97 on oxygen", "The oxygen saturation is greater than or equal to 97% on supplemental oxygen."),
        T("at0034", "Luft eller oksygen?", "Får pasienten oksygentilførsel?", "Air or oxygen?", "Is the patient receiving supplemental oxygen?"),
        T("at0036", "Luft", "Pasienten puster romluft, uten oksygentilførsel.", "Air", "The patient is breathing room air; not receiving supplemental oxygen."),
        T("at0037", "Oksygen", "Pasienten får oksygentilførsel.", "Oxygen", "The patient is receiving supplemental oxygen."),
        T("at0004", "Systolisk blodtrykk", "Skår for målt systolisk blodtrykk.", "Systolic blood pressure", "Category for the systolic blood pressure measurement."),
        T("at0017", "≤90", "Systolisk blodtrykk 90 mmHg eller lavere.", "≤90", "The systolic blood pressure is less than or equal to 90 mmHg."),
        T("at0016", "91-100", "Systolisk blodtrykk 91 til 100 mmHg.", "91-100", "The systolic blood pressure is between 91 and 100 mmHg."),
        T("at0015", "101-110", "Systolisk blodtrykk 101 til 110 mmHg.", "101-110", "The systolic blood pressure is between 101 and 110 mmHg."),
        T("at0014", "111-219", "Systolisk blodtrykk 111 til 219 mmHg.", "111-219", "The systolic blood pressure is between 111 and 219 mmHg."),
        T("at0067", "≥220", "Systolisk blodtrykk 220 mmHg eller høyere.", "≥220", "The systolic blood pressure is greater than or equal to 220 mmHg."),
        T("at0005", "Puls", "Skår for målt puls.", "Pulse", "Category for the pulse measurement."),
        T("at0010", "≤40", "Puls 40 eller lavere per minutt.", "≤40", "The pulse is less than or equal to 40 beats/min."),
        T("at0012", "41-50", "Puls 41 til 50 per minutt.", "41-50", "The pulse is between 41 and 50 beats/min."),
        T("at0013", "51-90", "Puls 51 til 90 per minutt.", "51-90", "The pulse is between 51 and 90 beats/min."),
        T("at0068", "91-110", "Puls 91 til 110 per minutt.", "91-110", "The pulse is between 91 and 110 beats/min."),
        T("at0011", "111-130", "Puls 111 til 130 per minutt.", "111-130", "The pulse is between 111 and 130 beats/min."),
        T("at0065", "≥131", "Puls 131 eller høyere per minutt.", "≥131", "The pulse is greater than or equal to 131 beats/min."),
        T("at0008", "Bevissthet", "Skår for bevissthetsnivå etter ACVPU-skalaen.", "Consciousness", "Category for the observed conscious state, using the ACVPU scale."),
        T("at0024", "Våken (A)", "Pasienten er våken; gir 0 poeng.", "Alert", "The patient is alert; scored as 0 points."),
        T("at0025", "C, V, P eller U", "Nyoppstått forvirring, reagerer bare på tiltale eller smerte, eller reagerer ikke; gir 3 poeng.",
            "C, V, P or U", "The patient is newly confused, responds only to voice or pain, or is unresponsive; scored as 3 points."),
        T("at0007", "Temperatur", "Skår for målt kroppstemperatur.", "Temperature", "Category for the body temperature measurement."),
        T("at0039", "≤35.0", "Kroppstemperatur 35,0 °C eller lavere.", "≤35.0", "The body temperature is less than or equal to 35.0 °C."),
        T("at0023", "35.1-36.0", "Kroppstemperatur 35,1 til 36,0 °C.", "35.1-36.0", "The body temperature is between 35.1 and 36.0 °C."),
        T("at0022", "36.1-38.0", "Kroppstemperatur 36,1 til 38,0 °C.", "36.1-38.0", "The body temperature is between 36.1 and 38.0 °C."),
        T("at0066", "38.1-39.0", "Kroppstemperatur 38,1 til 39,0 °C.", "38.1-39.0", "The body temperature is between 38.1 and 39.0 °C."),
        T("at0038", "≥39.1", "Kroppstemperatur 39,1 °C eller høyere.", "≥39.1", "The body temperature is greater than or equal to 39.1 °C."),
        T("at0028", "Totalskår", "Summen av skårene for hver parameter (0–20).", "Total score", "The sum of the points assigned to each component variable (0–20)."),
        T("at0056", "Klinisk risikokategori", "Samlet kategori for hvor raskt og i hvilket omfang det må reageres klinisk.",
            "Clinical risk category", "Overall category for the urgency and scale of the clinical response required."),
        T("at0057", "Lav", "Totalskår 0–4: oppfølging på avdelingen.", "Low", "Total score 0–4: ward-based response."),
        T("at0058", "Lav-middels", "Skår 3 på én parameter: rask oppfølging på avdelingen.", "Low-medium", "A score of 3 in any single parameter: urgent ward-based response."),
        T("at0059", "Middels", "Totalskår 5–6: terskel for rask respons.", "Medium", "Total score 5–6: key threshold for urgent response."),
        T("at0060", "Høy", "Totalskår 7 eller mer: akutt respons.", "High", "Total score 7 or more: urgent or emergency response."),
    ],
    bindings: [
        ("at0006", "SNOMED-CT", "1104301000000104"), ("at0029", "SNOMED-CT", "1104311000000102"),
        ("at0047", "SNOMED-CT", "1104321000000108"), ("at0034", "SNOMED-CT", "1104331000000105"),
        ("at0004", "SNOMED-CT", "1104341000000101"), ("at0005", "SNOMED-CT", "1104351000000103"),
        ("at0008", "SNOMED-CT", "1104361000000100"), ("at0007", "SNOMED-CT", "1104371000000107"),
        ("at0028", "SNOMED-CT", "1104051000000101"),
    ]);

// ---------------------------------------------------------------- the composition

var composition = new Root("openEHR-EHR-COMPOSITION.encounter.v1", One,
    [
        Single("category", One, CodedIn("openehr", "433")),
        Single("context", One, new Complex("EVENT_CONTEXT", "", One, [])),
        Multiple("content", One, new Occ(1, null), ordered: false,
            bloodPressure, pulse, respiration, pulseOximetry, bodyTemperature, acvpu, news2),
    ],
    [
        T("at0000", "Vitale parametre og NEWS2", "Vitale parametre målt ved ett tidspunkt, med NEWS2-skår for hver parameter og totalskår.",
            "Vital signs and NEWS2", "Vital signs measured at one point in time, with the NEWS2 score of each parameter and the total score."),
    ],
    []);

var description = new Description(
    Author: [("name", "Fkj.Cdr"), ("organisation", "Fkj.Cdr-prosjektet"), ("date", "2026-11-22")],
    LifecycleState: "draft",
    OtherDetails: [
        ("licence", "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0), https://creativecommons.org/licenses/by-sa/4.0/. "
            + "Built on archetypes from the openEHR Clinical Knowledge Manager, © openEHR Foundation and contributors, CC BY-SA."),
        ("custodian_organisation", "Fkj.Cdr"),
        ("original_namespace", "no.fkj.cdr"),
        ("references", "openEHR Clinical Knowledge Manager, https://ckm.openehr.org/ckm/. Royal College of Physicians. "
            + "National Early Warning Score (NEWS) 2. London: RCP, 2017."),
    ],
    Details: [
        new("nb",
            Purpose: "Registrere NEWS2-målinger (informasjonstjenesten «NEWS2 målinger»): respirasjonsfrekvens, SpO₂ (skala 1 eller 2), "
                + "luft eller oksygen, systolisk blodtrykk, puls, bevissthetsnivå (ACVPU) og temperatur, med skår for hver parameter og totalskår.",
            Use: "Én komposisjon per måletidspunkt. Målingene registreres i sine egne observasjoner, skårene i NEWS2-observasjonen. "
                + "Skåren for hver parameter, luft eller oksygen og totalskår er obligatoriske; nøyaktig én av SpO₂ skala 1 og skala 2 skal være med. "
                + "Skala 2 brukes bare for pasienter med målmetning 88–92 %.",
            Misuse: "Ikke for barn under 16 år eller under svangerskap og barsel.",
            Keywords: ["NEWS2", "vitale parametre", "tidlig varsling", "forverring", "ACVPU"]),
        new("en",
            Purpose: "To record NEWS2 measurements (the information service \"NEWS2 målinger\"): respiration rate, SpO₂ (scale 1 or 2), "
                + "air or supplemental oxygen, systolic blood pressure, pulse, level of consciousness (ACVPU) and temperature, with the score of each parameter and the total.",
            Use: "One composition per time of measurement. The measurements go in their own observations, the scores in the NEWS2 observation. "
                + "The score of each parameter, air or oxygen, and the total score are mandatory; exactly one of SpO₂ scale 1 and scale 2 should be present. "
                + "Scale 2 is used only for patients with a target saturation of 88–92%.",
            Misuse: "Not for children under 16 years, nor during pregnancy and the postpartum period.",
            Keywords: ["NEWS2", "vital signs", "early warning", "deterioration", "ACVPU"]),
    ]);

var template = new TemplateDefinition(
    Id: "fkj.vital_signs_news2.v1",
    Uid: "c6e23283-6942-4b4e-b288-f6d93b571614",
    Concept: "Vitale parametre og NEWS2",
    Language: "nb",
    Translation: "en",
    Description: description,
    Definition: composition);

// ---------------------------------------------------------------- write or check

var output = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Here())!, "..", template.Id + ".opt"));
var bytes = OptWriter.Write(template);
if (args.Contains("--check"))
{
    var same = File.Exists(output) && File.ReadAllBytes(output).AsSpan().SequenceEqual(bytes);
    Console.WriteLine(same ? $"{output} is up to date" : $"{output} differs from its definition; run without --check");
    return same ? 0 : 1;
}

File.WriteAllBytes(output, bytes);
Console.WriteLine($"wrote {output} ({bytes.Length} bytes)");
return 0;

static string Here([CallerFilePath] string path = "") => path;

// ================================================================ the model and its short-hands

record struct Occ(int Lower, int? Upper);

abstract record Node;

sealed record Complex(string RmType, string NodeId, Occ Occurrences, Attr[] Attributes) : Node;

/// <summary>A C_ARCHETYPE_ROOT: an archetype used in the template, with its terms in both languages.</summary>
sealed record Root(string ArchetypeId, Occ Occurrences, Attr[] Attributes, Term[] Terms, (string Code, string Terminology, string Target)[] Bindings) : Node
{
    public string RmType => ArchetypeId.Split('.')[0].Split('-')[2];
}

sealed record CCodes(string Terminology, string[] Codes) : Node;

sealed record CQuantity(string Property, string Units, double Lower, double Upper, bool UpperIncluded, int Precision) : Node;

sealed record COrdinal((int Value, string Code)[] Options) : Node;

/// <summary>A C_PRIMITIVE_OBJECT; the item is written as given.</summary>
sealed record CPrimitive(string RmType, string ItemType, Func<XElement[]> Item) : Node;

sealed record Attr(string Name, Occ Existence, Node[] Children, Occ? Cardinality = null, bool Ordered = false);

sealed record Term(string Code, string Nb, string NbDescription, string En, string EnDescription);

sealed record DescriptionDetails(string Language, string Purpose, string Use, string Misuse, string[] Keywords);

sealed record Description((string Id, string Value)[] Author, string LifecycleState, (string Id, string Value)[] OtherDetails, DescriptionDetails[] Details);

sealed record TemplateDefinition(string Id, string Uid, string Concept, string Language, string Translation, Description Description, Root Definition);

static class Dsl
{
    public static readonly Occ One = new(1, 1);
    public static readonly Occ Opt = new(0, 1);
    public const string Internal = "@ internal @";

    public static Term T(string code, string nb, string nbDescription, string en, string enDescription) => new(code, nb, nbDescription, en, enDescription);

    public static Attr Single(string name, Occ existence, params Node[] children) => new(name, existence, children);

    public static Attr Multiple(string name, Occ existence, Occ cardinality, bool ordered, params Node[] children) =>
        new(name, existence, children, cardinality, ordered);

    /// <summary>An ITEM_TREE whose items are mandatory (1..*) when any item is.</summary>
    public static Complex Tree(string nodeId, params Node[] items) => Tree(nodeId, false, items);

    public static Complex Tree(string nodeId, bool ordered, params Node[] items)
    {
        var mandatory = items.Any(i => i is Complex { Occurrences.Lower: > 0 } or Root { Occurrences.Lower: > 0 });
        return new Complex("ITEM_TREE", nodeId, One,
            [Multiple("items", mandatory ? One : Opt, new Occ(mandatory ? 1 : 0, null), ordered, items)]);
    }

    public static Complex Element(string nodeId, Occ occurrences, params Node[] values) =>
        new("ELEMENT", nodeId, occurrences, [Single("value", Opt, values)]);

    public static Root Observation(string archetypeId, Occ occurrences, string history, string evt, Complex data, Term[] terms,
        Complex? state = null, Complex? protocol = null, (string, string, string)[]? bindings = null)
    {
        Attr[] eventAttributes = state is null ? [Single("data", One, data)] : [Single("data", One, data), Single("state", Opt, state)];
        var pointEvent = new Complex("POINT_EVENT", evt, One, eventAttributes);
        var historyNode = new Complex("HISTORY", history, One, [Multiple("events", One, new Occ(1, null), false, pointEvent)]);
        Attr[] attributes = protocol is null
            ? [Single("data", One, historyNode)]
            : [Single("data", One, historyNode), Single("protocol", Opt, protocol)];
        return new Root(archetypeId, occurrences, attributes, terms, bindings ?? []);
    }

    public static Root Cluster(string archetypeId, Occ occurrences, Node[] items, Term[] terms) =>
        new(archetypeId, occurrences, [Multiple("items", One, new Occ(1, null), false, items)], terms, []);

    public static readonly Complex Text = new("DV_TEXT", "", One, []);

    public static Complex Coded(params string[] localCodes) => CodedIn("local", localCodes);

    public static Complex CodedIn(string terminology, params string[] codes) =>
        new("DV_CODED_TEXT", "", One, [Single("defining_code", One, new CCodes(terminology, codes))]);

    public static CQuantity Quantity(string property, string units, double lower, double upper, bool upperIncluded, int precision) =>
        new(property, units, lower, upper, upperIncluded, precision);

    /// <summary>Pressure in mm[Hg], 0..&lt;1000, whole numbers (as in OBSERVATION.blood_pressure.v2).</summary>
    public static CQuantity MmHg() => Quantity("125", "mm[Hg]", 0, 1000, upperIncluded: false, precision: 0);

    /// <summary>A frequency in /min, whole numbers.</summary>
    public static CQuantity PerMinute(double lower, double upper, bool upperIncluded) => Quantity("382", "/min", lower, upper, upperIncluded, precision: 0);

    public static COrdinal Ordinal(params (int Value, string Code)[] options) => new(options);

    public static Complex Count(int lower, int upper) =>
        new("DV_COUNT", "", One, [Single("magnitude", One, new CPrimitive("INTEGER", "C_INTEGER",
            () => [OptWriter.Interval("range", lower, upper)]))]);

    /// <summary>A DV_PROPORTION of one kind (1 unitary, 2 percent) with the numerator in a range.</summary>
    public static Complex Proportion(double lower, double upper, int type) =>
        new("DV_PROPORTION", "", One,
        [
            Single("numerator", One, new CPrimitive("REAL", "C_REAL", () => [OptWriter.RealInterval("range", lower, upper, true)])),
            Single("type", One, new CPrimitive("INTEGER", "C_INTEGER", () => [OptWriter.E("list", type)])),
        ]);

    public static Complex Boolean() =>
        new("DV_BOOLEAN", "", One, [Single("value", One, new CPrimitive("BOOLEAN", "C_BOOLEAN",
            () => [OptWriter.E("true_valid", true), OptWriter.E("false_valid", true)]))]);
}

// ================================================================ the XML

static class OptWriter
{
    static readonly XNamespace Ns = "http://schemas.openehr.org/v1";
    static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    static XAttribute Type(string type) => new(Xsi + "type", type);

    static XElement Id(string name, string value) => E(name, E("value", value));

    static XElement CodePhrase(string name, string terminology, string code) => E(name, Id("terminology_id", terminology), E("code_string", code));

    public static XElement Interval(string name, int lower, int? upper) =>
        E(name, E("lower_included", true), E("upper_included", upper is not null), E("lower_unbounded", false),
            E("upper_unbounded", upper is null), E("lower", lower), upper is null ? null : E("upper", upper));

    public static XElement RealInterval(string name, double lower, double upper, bool upperIncluded) =>
        E(name, E("lower_included", true), E("upper_included", upperIncluded), E("lower_unbounded", false),
            E("upper_unbounded", false), E("lower", Real(lower)), E("upper", Real(upper)));

    static string Real(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

    public static byte[] Write(TemplateDefinition template)
    {
        var roots = new List<Root>();
        Collect(template.Definition, roots);
        foreach (var root in roots) CheckTerms(root);

        var description = template.Description;
        var document = new XDocument(
            E("template", new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                CodePhrase("language", "ISO_639-1", template.Language),
                E("description",
                    description.Author.Select(a => E("original_author", new XAttribute("id", a.Id), a.Value)),
                    E("lifecycle_state", description.LifecycleState),
                    description.OtherDetails.Select(d => E("other_details", new XAttribute("id", d.Id), d.Value)),
                    description.Details.Select(d => E("details",
                        CodePhrase("language", "ISO_639-1", d.Language),
                        E("purpose", d.Purpose),
                        d.Keywords.Select(k => E("keywords", k)),
                        E("use", d.Use),
                        E("misuse", d.Misuse)))),
                Id("uid", template.Uid),
                Id("template_id", template.Id),
                E("concept", template.Concept),
                Node("definition", template.Definition),
                roots.Select((root, i) => E(i == 0 ? "ontology" : "component_ontologies", new XAttribute("archetype_id", root.ArchetypeId),
                    E("term_definitions", new XAttribute("language", template.Translation),
                        root.Terms.Select(t => E("items", new XAttribute("code", t.Code),
                            E("items", new XAttribute("id", "text"), t.En),
                            E("items", new XAttribute("id", "description"), t.EnDescription))))))));

        var settings = new XmlWriterSettings
        {
            Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true,
        };
        using var stream = new MemoryStream();
        stream.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8);
        using (var writer = XmlWriter.Create(stream, settings)) document.Root!.Save(writer);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    static XElement Node(string name, Node node)
    {
        switch (node)
        {
            case Root r:
                return E(name, Type("C_ARCHETYPE_ROOT"), Header(r.RmType, "at0000", r.Occurrences),
                    r.Attributes.Select(Attribute),
                    Id("archetype_id", r.ArchetypeId),
                    r.Terms.Select(t => E("term_definitions", new XAttribute("code", t.Code),
                        E("items", new XAttribute("id", "text"), t.Nb),
                        E("items", new XAttribute("id", "description"), t.NbDescription))),
                    r.Bindings.GroupBy(b => b.Terminology).Select(g => E("term_bindings", new XAttribute("terminology", g.Key),
                        g.Select(b => E("items", new XAttribute("code", b.Code), CodePhrase("value", b.Terminology, b.Target))))));
            case Complex c:
                return E(name, Type("C_COMPLEX_OBJECT"), Header(c.RmType, c.NodeId, c.Occurrences), c.Attributes.Select(Attribute));
            case CCodes p:
                return E(name, Type("C_CODE_PHRASE"), Header("CODE_PHRASE", "", One), Id("terminology_id", p.Terminology),
                    p.Codes.Select(code => E("code_list", code)));
            case CQuantity q:
                return E(name, Type("C_DV_QUANTITY"), Header("DV_QUANTITY", "", One), CodePhrase("property", "openehr", q.Property),
                    E("list", RealInterval("magnitude", q.Lower, q.Upper, q.UpperIncluded), Interval("precision", q.Precision, q.Precision), E("units", q.Units)));
            case COrdinal o:
                return E(name, Type("C_DV_ORDINAL"), Header("DV_ORDINAL", "", One),
                    o.Options.Select(option => E("list", E("value", option.Value), E("symbol", CodePhrase("defining_code", "local", option.Code)))));
            case CPrimitive p:
                return E(name, Type("C_PRIMITIVE_OBJECT"), Header(p.RmType, "", One), E("item", Type(p.ItemType), p.Item()));
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    static object[] Header(string rmType, string nodeId, Occ occurrences) =>
        [E("rm_type_name", rmType), Interval("occurrences", occurrences.Lower, occurrences.Upper), E("node_id", nodeId)];

    static XElement Attribute(Attr a) =>
        E("attributes", Type(a.Cardinality is null ? "C_SINGLE_ATTRIBUTE" : "C_MULTIPLE_ATTRIBUTE"),
            E("rm_attribute_name", a.Name),
            Interval("existence", a.Existence.Lower, a.Existence.Upper),
            a.Children.Select(child => Node("children", child)),
            a.Cardinality is { } c
                ? E("cardinality", E("is_ordered", a.Ordered), E("is_unique", false), Interval("interval", c.Lower, c.Upper))
                : null);

    static void Collect(Node node, List<Root> roots)
    {
        if (node is Root r) roots.Add(r);
        foreach (var child in Children(node)) Collect(child, roots);
    }

    static IEnumerable<Node> Children(Node node) => node switch
    {
        Root r => r.Attributes.SelectMany(a => a.Children),
        Complex c => c.Attributes.SelectMany(a => a.Children),
        _ => [],
    };

    /// <summary>Every node id and local code of the archetype has a term in both languages, and every term is used.</summary>
    static void CheckTerms(Root root)
    {
        var used = new HashSet<string> { "at0000" };
        void Walk(Node node)
        {
            foreach (var child in Children(node))
            {
                switch (child)
                {
                    case Root:
                        continue; // its own terminology
                    case Complex { NodeId.Length: > 0 } c:
                        used.Add(c.NodeId);
                        break;
                    case CCodes { Terminology: "local" } p:
                        used.UnionWith(p.Codes);
                        break;
                    case COrdinal o:
                        used.UnionWith(o.Options.Select(x => x.Code));
                        break;
                }

                Walk(child);
            }
        }

        Walk(root);
        var defined = root.Terms.Select(t => t.Code).ToList();
        var problems = used.Except(defined).Select(c => $"{c} has no term")
            .Concat(defined.Except(used).Select(c => $"{c} is defined but not used"))
            .Concat(defined.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"{g.Key} is defined twice"))
            .Concat(root.Terms.Where(t => new[] { t.Nb, t.NbDescription, t.En, t.EnDescription }.Any(string.IsNullOrWhiteSpace))
                .Select(t => $"{t.Code} lacks a text or description"))
            .Concat(root.Bindings.Where(b => !defined.Contains(b.Code)).Select(b => $"binding of undefined {b.Code}"))
            .ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"{root.ArchetypeId}: {string.Join("; ", problems)}");
    }
}
