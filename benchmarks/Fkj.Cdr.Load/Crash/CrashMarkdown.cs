using System.Globalization;
using System.Text;

namespace Fkj.Cdr.Load.Crash;

/// <summary>A crash run as markdown: the outcome, one row per kill, and any problem found.</summary>
public static class CrashMarkdown
{
    public static string Render(CrashReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"### Crash run {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {(report.Passed ? "passed" : "FAILED")}\n\n");
        sb.Append(c, $"- server: {report.Server}, on its own embedded PostgreSQL in {report.DataDirectory}\n");
        if (report.Machine is { } m)
        {
            sb.Append(c, $"- machine: {m.ProcessorCount} cores, {m.Os}, {m.Runtime}; load average {Load(m.LoadAverageAtStart)} at start, {Load(m.LoadAverageAtEnd)} at end\n");
        }
        sb.Append(c, $"- {report.Clients} clients over {report.Ehrs} EHRs, {report.Variants} variants of {report.CompositionBytes:N0} bytes, seed {report.Seed}; {report.Kills} kills, each after about {report.KillAfter:N0} acknowledged commits\n");
        sb.Append(c, $"- command: `{report.CommandLine}`\n\n");

        sb.Append(c, $"**{report.Acknowledged:N0} acknowledged commits, {report.AcknowledgedIntact:N0} present and intact** after the last restart; ");
        sb.Append(c, $"{report.Unacknowledged:N0} unacknowledged (in flight at a kill): {report.UnacknowledgedPresent:N0} present and whole, {report.UnacknowledgedAbsent:N0} absent; ");
        sb.Append(c, $"{report.VersionsChecked:N0} stored composition versions checked; {report.Problems.Values.Sum():N0} problems (orphans, partial versions, lost or changed commits).\n\n");

        sb.Append("| round | kill at ack | PostgreSQL killed too | sent | acknowledged (updates) | unacknowledged: present / absent | s to kill | restart s | acknowledged so far: checked / intact | versions checked | problems |\n");
        sb.Append("|---:|---:|---|---:|---:|---|---:|---:|---|---:|---:|\n");
        foreach (var r in report.Rounds)
        {
            sb.Append(c, $"| {r.Round} | {r.KillAt:N0} | {(r.PostgresKilled ? "yes" : "no")} | {r.Sent:N0} | {r.Acknowledged:N0} ({r.AcknowledgedUpdates:N0}) | {r.Unacknowledged:N0}: {r.UnacknowledgedPresent:N0} / {r.UnacknowledgedAbsent:N0} | ");
            sb.Append(c, $"{r.SecondsToKill:0.0} | {r.RestartSeconds:0.0} | {r.Check.Acknowledged:N0} / {r.Check.AcknowledgedIntact:N0} | {r.Check.VersionsChecked:N0} | {r.Check.Problems.Count:N0} |\n");
        }
        sb.Append('\n');
        var outcomes = report.Rounds.SelectMany(r => r.UnacknowledgedOutcomes)
            .GroupBy(o => o.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(o => o.Value)}");
        sb.Append("Unacknowledged commits ended as: ").Append(string.Join(", ", outcomes)).Append(".\n\n");

        if (report.Problems.Count > 0)
        {
            sb.Append("| problem | count |\n|---|---:|\n");
            foreach (var (kind, count) in report.Problems)
            {
                sb.Append(c, $"| {kind} | {count:N0} |\n");
            }
            sb.Append('\n');
            foreach (var example in report.ProblemExamples)
            {
                sb.Append("- ").Append(example).Append('\n');
            }
            sb.Append('\n');
        }
        foreach (var note in report.Notes)
        {
            sb.Append("- ").Append(note).Append('\n');
        }
        return sb.ToString();
    }

    private static string Load(double[]? average) =>
        average is null ? "?" : string.Join(" ", average.Select(a => a.ToString("0.00", CultureInfo.InvariantCulture)));
}
