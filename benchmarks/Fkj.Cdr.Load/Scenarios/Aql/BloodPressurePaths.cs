using Npgsql;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// The archetype_path ids of the blood pressure values. Usually one each; when templates put the observation in
/// several places there are more, and the baselines match any of them.
/// </summary>
public sealed record BloodPressurePaths(int[] Systolic, int[] Diastolic, int[] Time)
{
    /// <summary>
    /// The SQL comparison of a path id with parameter <paramref name="parameter"/>: "= $n" for one id, so that the
    /// planner can walk the (tenant, path, num) index in order, "= ANY($n)" for several; bound by <see cref="Parameter"/>.
    /// </summary>
    public static string Match(int[] ids, string parameter) => ids.Length == 1 ? "= " + parameter : "= ANY(" + parameter + ")";

    public static NpgsqlParameter Parameter(int[] ids) => ids.Length == 1
        ? new NpgsqlParameter<int> { TypedValue = ids[0] }
        : new NpgsqlParameter<int[]> { TypedValue = ids };
}
