namespace Fkj.Cdr.Cli.Synthetic;

/// <summary>The kind of service a patient receives, which sets how often vital signs are taken and how they are recorded.</summary>
public enum CareKind
{
    /// <summary>Long-term nursing home place: routine measurements weekly or every other week.</summary>
    NursingHome,

    /// <summary>Home nursing: measured at home visits, every few days to every other week.</summary>
    HomeCare,

    /// <summary>Digital home follow-up (COPD, heart failure): the patient measures daily, the response centre follows up; passed on by VKP.</summary>
    DigitalFollowUp,

    /// <summary>Short-term ward in the health house (after hospital, rehabilitation): daily.</summary>
    ShortTermWard,
}

/// <summary>A member of staff who records measurements (a synthetic person; no HPR number, an employee number of the fictional municipality).</summary>
public sealed record StaffMember(string Name, string EmployeeNumber);

/// <summary>A care unit of the municipality: where measurements are taken, by whom, and through which system they arrive.</summary>
/// <param name="Id">A short unit id of the fictional municipality.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Kind">The service.</param>
/// <param name="SettingCode">openEHR setting (225 home, 237 nursing home care).</param>
/// <param name="SettingText">Its rubric.</param>
/// <param name="SystemId">The originating system (FEEDER_AUDIT originating_system_audit/system_id).</param>
/// <param name="ViaVkp">True when the national welfare-technology hub (VKP) passes the measurements on.</param>
/// <param name="RoomPrefix">Room numbers of an institution (<c>Rom 2</c> → Rom 201…), null for care at home.</param>
/// <param name="Staff">Who records.</param>
public sealed record CareUnit(
    string Id, string Name, CareKind Kind, string SettingCode, string SettingText, string SystemId, bool ViaVkp, string? RoomPrefix,
    IReadOnlyList<StaffMember> Staff);

/// <summary>
/// Fjordvik, the fictional municipality the population lives in: its care units and their staff. The
/// municipality is the same for every seed; only the patients differ.
/// </summary>
public static class Municipality
{
    public const string Name = "Fjordvik kommune";

    private static readonly string[] FirstNames =
    [
        "Ingrid", "Kari", "Anne", "Marit", "Silje", "Hanne", "Ida", "Nora", "Sara", "Maria", "Fatima", "Tone", "Randi", "Astrid",
        "Sofie", "Camilla", "Aisha", "Oda", "Ole", "Lars", "Jonas", "Kristian", "Ahmed", "Anders", "Thomas", "Eirik", "Magnus", "Jakob",
    ];

    private static readonly string[] LastNames =
    [
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Berg",
        "Haugen", "Hagen", "Solbakken", "Lie", "Dahl", "Strand", "Nygård", "Bakken", "Lunde", "Moen", "Ali", "Nguyen", "Kowalski",
    ];

    public static IReadOnlyList<CareUnit> Units { get; } = BuildUnits();

    /// <summary>The units that provide <paramref name="kind"/>.</summary>
    public static IReadOnlyList<CareUnit> UnitsOf(CareKind kind) => Units.Where(u => u.Kind == kind).ToArray();

    private static CareUnit[] BuildUnits()
    {
        var random = new SeededRandom(0x46_6A_6F_72_64_76_69_6BUL); // fixed: the municipality does not change with the seed
        var employee = 1000;

        IReadOnlyList<StaffMember> StaffOf(int count)
        {
            var staff = new StaffMember[count];
            for (var i = 0; i < count; i++)
                staff[i] = new StaffMember($"{random.Pick(FirstNames)} {random.Pick(LastNames)}", $"FJV-{employee += random.Next(3, 40)}");
            return staff;
        }

        return
        [
            new("FJV-SH-SOL", "Fjordvik sykehjem, avdeling Solsiden", CareKind.NursingHome, "237", "nursing home care", "fjordvik-epj", false, "Rom 1", StaffOf(9)),
            new("FJV-SH-FJE", "Fjordvik sykehjem, avdeling Fjellsiden (skjermet)", CareKind.NursingHome, "237", "nursing home care", "fjordvik-epj", false, "Rom 2", StaffOf(8)),
            new("FJV-SH-BRY", "Bryggen omsorgssenter", CareKind.NursingHome, "237", "nursing home care", "fjordvik-epj", false, "Rom 3", StaffOf(7)),
            new("FJV-HT-NORD", "Hjemmetjenesten sone nord", CareKind.HomeCare, "225", "home", "fjordvik-epj", false, null, StaffOf(12)),
            new("FJV-HT-SOR", "Hjemmetjenesten sone sør", CareKind.HomeCare, "225", "home", "fjordvik-epj", false, null, StaffOf(12)),
            new("FJV-RS", "Fjordvik responssenter, digital hjemmeoppfølging", CareKind.DigitalFollowUp, "225", "home", "fjordvik-responssenter", true, null, StaffOf(6)),
            new("FJV-HH-KORT", "Fjordvik helsehus, korttidsavdeling", CareKind.ShortTermWard, "237", "nursing home care", "fjordvik-epj", false, "Rom 4", StaffOf(10)),
        ];
    }
}
