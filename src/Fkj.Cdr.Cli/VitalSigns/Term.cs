namespace Fkj.Cdr.Cli.VitalSigns;

/// <summary>A local code of an archetype with its text in the template language (nb).</summary>
public sealed record Term(string Code, string Text);

/// <summary>
/// The local codes the generator records outside NEWS2, with the texts of
/// <c>templates/fkj.vital_signs_news2.v1.opt</c> (a test checks every text against the OPT).
/// </summary>
public static class Terms
{
    public static class BloodPressure
    {
        public static readonly Term Standing = new("at1000", "Stående");
        public static readonly Term Sitting = new("at1001", "Sittende");
        public static readonly Term Reclining = new("at1002", "Halvt liggende");
        public static readonly Term Lying = new("at1003", "Liggende");
        public static readonly Term Awake = new("at1044", "Våken");
        public static readonly Term Sleeping = new("at1045", "Sover");
        public static readonly Term CuffAdult = new("at0017", "Voksen");
        public static readonly Term CuffLargeAdult = new("at0016", "Stor voksen");
        public static readonly Term CuffSmallAdult = new("at1008", "Liten voksen");
        public static readonly Term RightArm = new("at0025", "Høyre arm");
        public static readonly Term LeftArm = new("at0026", "Venstre arm");
        public static readonly Term LeftWrist = new("at1021", "Venstre håndledd");
        public static readonly Term Auscultation = new("at1036", "Auskultasjon");
        public static readonly Term Machine = new("at1039", "Apparat");
    }

    public static class Pulse
    {
        public static readonly Term Present = new("at1024", "Til stede");
        public static readonly Term Regular = new("at0006", "Regelmessig");
        public static readonly Term Irregular = new("at1028", "Uregelmessig");
        public static readonly Term Standing = new("at1003", "Stående/oppreist");
        public static readonly Term Sitting = new("at1001", "Sittende");
        public static readonly Term Reclining = new("at1002", "Halvt liggende");
        public static readonly Term Lying = new("at1000", "Liggende");
        public static readonly Term Palpation = new("at1032", "Palpasjon");
        public static readonly Term Automatic = new("at1034", "Automatisk, non-invasivt");
        public static readonly Term RadialLeft = new("at1038", "A. radialis, venstre");
        public static readonly Term RadialRight = new("at1039", "A. radialis, høyre");
        public static readonly Term Finger = new("at1047", "Finger");
    }

    public static class Respiration
    {
        public static readonly Term Present = new("at0063", "Til stede");
        public static readonly Term Regular = new("at0006", "Regelmessig");
        public static readonly Term Irregular = new("at0007", "Uregelmessig");
        public static readonly Term Normal = new("at0017", "Normal");
        public static readonly Term Shallow = new("at0018", "Overfladisk");
        public static readonly Term Deep = new("at0019", "Dyp");
        public static readonly Term Standing = new("at0066", "Stående/oppreist");
        public static readonly Term Sitting = new("at0067", "Sittende");
        public static readonly Term Reclining = new("at0068", "Halvt liggende");
        public static readonly Term Lying = new("at0069", "Liggende");
    }

    public static class Temperature
    {
        public static readonly Term Axilla = new("at0024", "Armhule");
        public static readonly Term EarCanal = new("at0023", "Øregang");
        public static readonly Term Forehead = new("at0061", "Panne");
        public static readonly Term Mouth = new("at0022", "Munn");
        public static readonly Term Rectum = new("at0025", "Endetarm");
        public static readonly Term Reduced = new("at0032", "Lite klær/sengetøy");
        public static readonly Term Appropriate = new("at0033", "Passende klær/sengetøy");
        public static readonly Term Increased = new("at0034", "Mye klær/sengetøy");
    }

    public static class Acvpu
    {
        public static readonly Term Alert = new("at0005", "Våken (A)");
        public static readonly Term Confusion = new("at0015", "Nyoppstått forvirring (C)");
        public static readonly Term Voice = new("at0006", "Reagerer på tiltale (V)");
        public static readonly Term Pain = new("at0007", "Reagerer på smerte (P)");
        public static readonly Term Unresponsive = new("at0008", "Reagerer ikke (U)");

        public static Term Of(News2.Acvpu level) => level switch
        {
            News2.Acvpu.Alert => Alert,
            News2.Acvpu.Confusion => Confusion,
            News2.Acvpu.Voice => Voice,
            News2.Acvpu.Pain => Pain,
            _ => Unresponsive,
        };
    }
}
