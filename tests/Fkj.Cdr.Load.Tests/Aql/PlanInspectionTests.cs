using System.Text.Json;
using Fkj.Cdr.Load.Scenarios.Aql;

namespace Fkj.Cdr.Load.Tests.Aql;

/// <summary>Reading EXPLAIN's JSON (as <c>?explain=true</c> returns it) for a full sort under the LIMIT.</summary>
public sealed class PlanInspectionTests
{
    [Fact]
    public void An_index_scan_feeding_the_limit_without_a_sort_is_no_full_sort()
    {
        using var explain = JsonDocument.Parse("""
            {"sql":"...","plan":[{"Plan":{"Node Type":"Limit","Actual Rows":10,"Actual Loops":1,"Plans":[
              {"Node Type":"Nested Loop","Actual Rows":10,"Actual Loops":1,"Plans":[
                {"Node Type":"Index Scan","Scan Direction":"Backward","Index Name":"leaf_value_num","Relation Name":"leaf_value","Actual Rows":10,"Actual Loops":1},
                {"Node Type":"Index Scan","Index Name":"latest_version_by_version_key","Actual Rows":1,"Actual Loops":10}]}]}}]}
            """);
        var finding = PlanInspection.Inspect(explain);
        Assert.False(finding.FullSort);
        Assert.Contains("leaf_value_num", finding.Sentence);
        Assert.Contains("Backward", finding.Sentence);
        Assert.Contains("10 rows read", finding.Sentence);
    }

    [Fact]
    public void A_sort_anywhere_is_a_full_sort_counted_by_the_rows_it_was_given()
    {
        using var explain = JsonDocument.Parse("""
            {"plan":[{"Plan":{"Node Type":"Limit","Actual Rows":10,"Actual Loops":1,"Plans":[
              {"Node Type":"Gather Merge","Actual Rows":10,"Actual Loops":1,"Plans":[
                {"Node Type":"Sort","Sort Method":"top-N heapsort","Actual Rows":8,"Actual Loops":3,"Plans":[
                  {"Node Type":"Hash Join","Actual Rows":333333,"Actual Loops":3,"Plans":[
                    {"Node Type":"Bitmap Heap Scan","Actual Rows":333333,"Actual Loops":3},
                    {"Node Type":"Hash","Actual Rows":350000,"Actual Loops":3}]}]}]}]}}]}
            """);
        var finding = PlanInspection.Inspect(explain);
        Assert.True(finding.FullSort);
        Assert.Contains("top-N heapsort", finding.Sentence);
        Assert.Contains("999,999 rows", finding.Sentence);
    }

    [Fact]
    public void No_sort_but_no_index_either_is_not_called_no_full_sort()
    {
        using var explain = JsonDocument.Parse("""{"plan":[{"Plan":{"Node Type":"Limit","Plan Rows":10,"Plans":[{"Node Type":"Seq Scan","Plan Rows":1000}]}}]}""");
        Assert.True(PlanInspection.Inspect(explain).FullSort);
        using var none = JsonDocument.Parse("""{"sql":"SELECT 1"}""");
        Assert.True(PlanInspection.Inspect(none).FullSort);
        Assert.Contains("unknown", PlanInspection.Inspect(none).Sentence);
    }
}
