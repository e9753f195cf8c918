using System.Globalization;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>The AQL texts of the query scenarios (issue 6's load figures), over the blood pressures of the vital-signs compositions.</summary>
public static class AqlQueries
{
    public const string BloodPressure = "openEHR-EHR-OBSERVATION.blood_pressure.v2";

    private const string Event = "o/data[at0001]/events[at0006]";
    private const string Systolic = Event + "/data[at0003]/items[at0004]/value/magnitude";
    private const string Diastolic = Event + "/data[at0003]/items[at0005]/value/magnitude";
    private const string Time = Event + "/time/value";

    /// <summary>aql-ehr: the latest 10 blood pressures of one EHR (parameter <c>ehr</c>).</summary>
    public const string LatestOfEhr =
        $"SELECT c/uid/value, {Time} AS t, {Systolic} AS sys, {Diastolic} AS dia " +
        $"FROM EHR e[ehr_id/value=$ehr] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{BloodPressure}] " +
        $"ORDER BY {Time} DESC LIMIT 10";

    /// <summary>aql-top: the 10 highest systolic pressures of the population, by an index where there is one.</summary>
    public const string TopSystolic =
        $"SELECT e/ehr_id/value, {Systolic} AS sys " +
        $"FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{BloodPressure}] " +
        $"WHERE {Systolic} > 0 ORDER BY {Systolic} DESC LIMIT 10";

    /// <summary>aql-population: how many EHRs have a systolic pressure above <paramref name="above"/> since the parameter <c>since</c>.</summary>
    public static string Population(int above) =>
        "SELECT COUNT(DISTINCT e/ehr_id/value) AS patients " +
        $"FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{BloodPressure}] " +
        string.Create(CultureInfo.InvariantCulture, $"WHERE {Systolic} > {above} AND {Time} > $since");

    /// <summary>The archetype paths (as archetype_path stores them, below the composition's root) that the baselines read.</summary>
    public const string SystolicPathSuffix = $"[{BloodPressure}]/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value";

    public const string DiastolicPathSuffix = $"[{BloodPressure}]/data[at0001]/events[at0006]/data[at0003]/items[at0005]/value";

    public const string TimePathSuffix = $"[{BloodPressure}]/data[at0001]/events[at0006]/time";
}
