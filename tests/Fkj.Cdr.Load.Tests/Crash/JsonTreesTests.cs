using System.Text;
using Fkj.Cdr.Load.Crash;

namespace Fkj.Cdr.Load.Tests.Crash;

public sealed class JsonTreesTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,null,"x"]}""", """{"b":[true,null,"x"],"a":1}""")]
    [InlineData("""{"n":95.0,"d":100}""", """{"n":95,"d":1.0E2}""")]
    [InlineData("""{"uid":{"value":"x"},"a":"é"}""", """{"a":"\u00e9"}""")]
    [InlineData("""{"a":"é"}""", """{"uid":{"value":"y::fkj.cdr::1"},"a":"é"}""")]
    public void Trees_that_differ_only_in_order_number_spelling_escapes_or_the_root_uid_are_the_same(string expected, string actual) =>
        Assert.Null(JsonTrees.FirstDifference(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual)));

    [Theory]
    [InlineData("""{"a":{"b":[1,2]}}""", """{"a":{"b":[1,3]}}""", "$.a.b[1]")]
    [InlineData("""{"a":{"b":[1,2]}}""", """{"a":{"b":[1,2,3]}}""", "$.a.b")]
    [InlineData("""{"a":"x"}""", """{"a":"X"}""", "$.a")]
    [InlineData("""{"a":"1"}""", """{"a":1}""", "$.a")]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""", "$.b")]
    [InlineData("""{"a":1,"c":2}""", """{"a":1,"b":2}""", "$.c")]
    [InlineData("""{"a":{"uid":"1"}}""", """{"a":{"uid":"2"}}""", "$.a.uid")]
    [InlineData("""{"a":38.1}""", """{"a":38.10001}""", "$.a")]
    public void The_first_difference_is_named_by_its_path(string expected, string actual, string path) =>
        Assert.Equal(path, JsonTrees.FirstDifference(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual)));
}
