using Fkj.Cdr.Cli.Synthetic;
using Fkj.Cdr.Cli.VitalSigns;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Records;

namespace Fkj.Cdr.Cli.Generate;

/// <summary>
/// The population of one seed, in memory: its subjects in order, and for EHR n (1-based) the patient and
/// occasions, which depend only on the seed, n and the subject. A writer (files now, an importer later)
/// takes EHRs from here in any order.
/// </summary>
public static class PopulationModel
{
    /// <summary>Bumped whenever the output for a seed changes; written to the manifest.</summary>
    public const string GeneratorVersion = "1";

    /// <summary>The fixed end of every timeline: no wall-clock time enters the output.</summary>
    public static readonly DateOnly TimelineEnd = new(2026, 6, 30);

    /// <summary>The first <paramref name="count"/> subjects of the seed (unique synthetic fødselsnummer).</summary>
    public static List<Subject> Subjects(ulong seed, int count)
    {
        var generator = new SubjectGenerator(seed, TimelineEnd);
        var subjects = new List<Subject>(count);
        for (var i = 0; i < count; i++) subjects.Add(generator.Next());
        return subjects;
    }

    /// <summary>EHR <paramref name="n"/> (1-based): the patient behind <paramref name="subject"/> and <paramref name="compositions"/> occasions in time order.</summary>
    public static (Patient Patient, List<VitalSignsOccasion> Occasions) Ehr(ulong seed, int n, Subject subject, int compositions)
    {
        var random = SeededRandom.For(seed, RandomStreams.Ehr, (ulong)n);
        var patient = Patient.Draw(random, subject, TimelineEnd);
        return (patient, PatientTimeline.Generate(random, patient, compositions, TimelineEnd));
    }

    /// <summary>The EHR_STATUS to create the subject's EHR with: PARTY_SELF with the subject's synthetic id as external_ref.</summary>
    public static EhrStatus EhrStatus(Subject subject) => new()
    {
        Name = new DvText { Value = "EHR-status" },
        ArchetypeNodeId = "openEHR-EHR-EHR_STATUS.generic.v1",
        Subject = new PartySelf
        {
            ExternalRef = new PartyRef
            {
                Id = new GenericId { Value = subject.Fodselsnummer, Scheme = Subject.Scheme },
                Namespace = Subject.Namespace,
                Type = "PERSON",
            },
        },
        IsQueryable = true,
        IsModifiable = true,
    };
}
