using System.Globalization;
using System.Text.Json;

namespace Fkj.Cdr.Load.Scenarios.Aql;

/// <summary>
/// Reads the PostgreSQL plan of an <c>?explain=true</c> answer (<c>plan</c>: EXPLAIN's JSON, a list holding
/// <c>{"Plan": ...}</c>) for one question: does a LIMIT get its rows from an index read in order, or from a Sort of
/// everything that matched? "No full sort" only when the plan has no Sort node at all and the first scan below the
/// Limit (outer side first) is an index scan; otherwise the largest Sort and how many rows it sorted.
/// </summary>
public static class PlanInspection
{
    public sealed record Finding(bool FullSort, string Sentence);

    public static Finding Inspect(JsonDocument explain)
    {
        var root = explain.RootElement;
        if (!root.TryGetProperty("plan", out var plan))
        {
            return new Finding(true, "the explain answer has no plan; the plan is unknown.");
        }
        if (plan.ValueKind == JsonValueKind.Array && plan.GetArrayLength() > 0)
        {
            plan = plan[0];
        }
        if (plan.ValueKind == JsonValueKind.Object && plan.TryGetProperty("Plan", out var inner))
        {
            plan = inner;
        }
        if (plan.ValueKind != JsonValueKind.Object)
        {
            return new Finding(true, "the explain answer's plan is not EXPLAIN's JSON; the plan is unknown.");
        }

        var sorts = new List<(string Method, double Rows)>();
        CollectSorts(plan, sorts);
        var chain = new List<string>();
        var scan = FirstScan(plan, chain);
        var c = CultureInfo.InvariantCulture;
        if (sorts.Count > 0)
        {
            var largest = sorts.MaxBy(s => s.Rows);
            return new Finding(true, string.Create(c,
                $"full sort: the plan has a Sort node ({largest.Method}) over {largest.Rows:N0} rows before the Limit (path {string.Join(" ← ", chain)})."));
        }
        if (scan is { } s && s.GetProperty("Node Type").GetString() is "Index Scan" or "Index Only Scan")
        {
            var direction = s.TryGetProperty("Scan Direction", out var d) ? d.GetString() + " " : "";
            var index = s.TryGetProperty("Index Name", out var i) ? i.GetString() : "?";
            return new Finding(false, string.Create(c,
                $"no full sort: no Sort node; the Limit reads the index {index} in order ({direction}scan, {Rows(s):N0} rows read; path {string.Join(" ← ", chain)})."));
        }
        return new Finding(true, $"no Sort node, but no index scan feeds the Limit either (path {string.Join(" ← ", chain)}): not shown to avoid a full sort.");
    }

    private static void CollectSorts(JsonElement node, List<(string, double)> sorts)
    {
        if (node.GetProperty("Node Type").GetString() == "Sort")
        {
            var method = node.TryGetProperty("Sort Method", out var m) ? m.GetString() ?? "sort" : "sort";
            // The rows it sorted: what its input produced (the Sort's own count is what it gave out, which a Limit cuts short).
            var input = node.TryGetProperty("Plans", out var children) && children.GetArrayLength() > 0 ? Rows(children[0]) : Rows(node);
            sorts.Add((method, input));
        }
        if (node.TryGetProperty("Plans", out var plans))
        {
            foreach (var child in plans.EnumerateArray())
            {
                CollectSorts(child, sorts);
            }
        }
    }

    /// <summary>Follows the first (outer) child down to a node without children, naming each node on the way.</summary>
    private static JsonElement? FirstScan(JsonElement node, List<string> chain)
    {
        while (true)
        {
            var type = node.GetProperty("Node Type").GetString() ?? "?";
            chain.Add(node.TryGetProperty("Index Name", out var index) ? $"{type} using {index.GetString()}" : type);
            if (!node.TryGetProperty("Plans", out var plans) || plans.GetArrayLength() == 0)
            {
                return node;
            }
            node = plans[0];
        }
    }

    /// <summary>Actual rows times loops when EXPLAIN ANALYZE ran, else the estimate.</summary>
    private static double Rows(JsonElement node)
    {
        if (node.TryGetProperty("Actual Rows", out var actual))
        {
            var loops = node.TryGetProperty("Actual Loops", out var l) ? l.GetDouble() : 1;
            return actual.GetDouble() * loops;
        }
        return node.TryGetProperty("Plan Rows", out var plan) ? plan.GetDouble() : 0;
    }
}
