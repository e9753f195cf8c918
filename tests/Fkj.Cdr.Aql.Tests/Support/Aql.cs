using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Tests.Support;

/// <summary>Short forms for the tests: parse, parse a WHERE condition, expect an error.</summary>
internal static class Aql
{
    public static AqlQuery Parse(string query) => AqlParser.Parse(query);

    /// <summary>The condition of <c>SELECT o FROM EHR e CONTAINS OBSERVATION o WHERE {condition}</c>.</summary>
    public static AqlCondition Where(string condition) =>
        Parse($"SELECT o FROM EHR e CONTAINS OBSERVATION o WHERE {condition}").Where!.Condition;

    /// <summary>The expression of the only column of <c>SELECT {column} FROM EHR e CONTAINS OBSERVATION o</c>.</summary>
    public static AqlExpression Column(string column) =>
        Parse($"SELECT {column} FROM EHR e CONTAINS OBSERVATION o").Select.Columns.Single().Expression;

    public static AqlError Error(string query) => Assert.Throws<AqlParseException>(() => AqlParser.Parse(query)).Error;

    public static IdentifiedPath Path(string variable, params PathPart[] parts) =>
        new(variable, null, parts.Length == 0 ? null : new ObjectPath(AqlList.Create<PathPart>(parts)));

    public static PathPart Part(string attribute, PathPredicate? predicate = null) => new(attribute, predicate);

    public static PathPart Part(string attribute, string nodeId) => new(attribute, new NodePredicate(nodeId));

    public static ObjectPath Object(params string[] attributes) =>
        new(AqlList.Create<PathPart>(attributes.Select(a => new PathPart(a)).ToArray()));
}
