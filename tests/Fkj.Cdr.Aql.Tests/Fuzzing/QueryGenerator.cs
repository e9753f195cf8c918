using System.Text;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Tests.Fuzzing;

/// <summary>
/// Generates random, valid AQL syntax trees from the grammar: every clause, class expression, predicate,
/// condition, operand and literal form, nested to a bounded depth, with variables declared once in FROM
/// and used elsewhere. Written by <see cref="Writing.AqlWriter"/>, each tree is a query the parser must
/// accept and read back as the same tree.
/// </summary>
internal sealed class QueryGenerator(Random random)
{
    private static readonly string[] VariableStems = ["e", "c", "o", "obs", "ev", "cl", "el", "s", "a", "i", "x", "bp", "p_", "Comp", "v"];
    private static readonly string[] RmTypes = ["EHR", "COMPOSITION", "OBSERVATION", "EVALUATION", "INSTRUCTION", "ACTION", "ADMIN_ENTRY", "CLUSTER", "ELEMENT", "SECTION", "EVENT_CONTEXT", "FOLDER", "EHR_STATUS", "Composition", "Observation"];
    private static readonly string[] Attributes = ["data", "events", "items", "value", "magnitude", "name", "context", "start_time", "ehr_id", "uid", "archetype_node_id", "time", "description", "content", "defining_code", "code_string", "units", "protocol", "other_context", "ism_transition", "current_state", "null_flavour", "ehr_status", "subject", "external_ref", "id", "is_modifiable", "at", "idx"];
    private static readonly string[] ArchetypeIds = ["openEHR-EHR-OBSERVATION.blood_pressure.v2", "openEHR-EHR-COMPOSITION.encounter.v1", "openEHR-EHR-CLUSTER.device.v1.0.0", "openEHR-EHR-EVALUATION.problem_diagnosis-covid.v1", "org.openehr::openEHR-EHR-SECTION.adhoc.v1.2.3-rc.1", "openEHR-DEMOGRAPHIC-PERSON.person.v1-alpha", "ehrbase.org::openEHR-EHR-ACTION.procedure.v1"];
    private static readonly string[] Functions = ["LENGTH", "CONTAINS", "POSITION", "SUBSTRING", "CONCAT", "CONCAT_WS", "ABS", "MOD", "CEIL", "FLOOR", "ROUND", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_DATE_TIME", "NOW", "CURRENT_TIMEZONE", "MY_FUNCTION", "F2"];
    private static readonly string[] Aliases = ["count", "value", "length", "now", "x", "systolic", "uid", "name1", "Time", "c_2"];
    private static readonly string[] Temporals = ["2024-03-01", "20240301", "10:15:30", "10:15:30.5+01:00", "2024-03-01T10:15:30Z", "2024-03-01T10:15:30.123456-05:00", "20240301T101530,5Z"];
    private static readonly char[] StringCharacters = "abcXYZ019 _-/[]{}()$:;|*?.,'\"\\\n\t\r\0æøå✓\u00A0\uFEFF".ToCharArray();

    private readonly List<string> _variables = [];
    private readonly List<string> _aliases = [];
    private int _names;

    public AqlQuery Next()
    {
        _variables.Clear();
        _aliases.Clear();
        _names = 0;
        var from = new FromClause(Contains(0));
        if (_variables.Count == 0) from = new FromClause(new ContainsAnd([from.Contains, new Containment(new ClassExpression("EHR", Declare()))]));
        var select = Select();
        var where = Chance(0.6) ? new WhereClause(Condition(0)) : null;
        var orderBy = Chance(0.3) ? OrderBy() : null;
        var limit = Chance(0.3) ? new LimitClause(Count(), Chance(0.5) ? Count() : null) : null;
        return new AqlQuery(select, from, where, orderBy, limit);
    }

    // SELECT, ORDER BY

    private SelectClause Select()
    {
        var columns = new SelectColumn[random.Next(1, 5)];
        for (var i = 0; i < columns.Length; i++)
        {
            AqlExpression expression = random.Next(20) switch
            {
                < 9 => IdentifiedPath(1),
                < 11 => Literal(),
                < 14 => Aggregate(),
                < 18 => Function(1),
                _ => Terminology(),
            };
            string? alias = null;
            if (Chance(0.4))
            {
                alias = Pick(Aliases) + (_aliases.Count == 0 ? "" : _aliases.Count.ToString());
                _aliases.Add(alias);
            }

            columns[i] = new SelectColumn(expression, alias);
        }

        var top = Chance(0.1) ? new TopClause(Count(), random.Next(3) switch { 0 => null, 1 => TopDirection.Forward, _ => TopDirection.Backward }) : null;
        return new SelectClause(AqlList.Create<SelectColumn>(columns), Chance(0.2), top);
    }

    private OrderByClause OrderBy()
    {
        var keys = new OrderByKey[random.Next(1, 4)];
        for (var i = 0; i < keys.Length; i++)
        {
            var path = _aliases.Count > 0 && Chance(0.3) ? new IdentifiedPath(Pick(_aliases)) : IdentifiedPath(1);
            keys[i] = new OrderByKey(path, random.Next(3) switch { 0 => null, 1 => SortDirection.Ascending, _ => SortDirection.Descending });
        }

        return new OrderByClause(AqlList.Create<OrderByKey>(keys));
    }

    // FROM

    private ContainsExpression Contains(int depth)
    {
        if (depth >= 3 || Chance(0.6))
        {
            var @class = Class(depth);
            if (depth < 4 && Chance(0.55)) return new Containment(@class, Contains(depth + 1), Chance(0.15));
            return new Containment(@class);
        }

        var operands = new ContainsExpression[random.Next(2, 4)];
        for (var i = 0; i < operands.Length; i++) operands[i] = Contains(depth + 1);
        return Chance(0.5) ? new ContainsAnd(AqlList.Create<ContainsExpression>(operands)) : new ContainsOr(AqlList.Create<ContainsExpression>(operands));
    }

    private ClassExpression Class(int depth)
    {
        if (Chance(0.1))
        {
            PathPredicate? version = random.Next(4) switch
            {
                0 => null,
                1 => new LatestVersionPredicate(),
                2 => new AllVersionsPredicate(),
                _ => new ComparisonPredicate(ObjectPath(depth + 1), Operator(), PredicateOperand(depth + 1)),
            };
            return new ClassExpression("VERSION", Chance(0.8) ? Declare() : null, version);
        }

        return new ClassExpression(Pick(RmTypes), Chance(0.85) ? Declare() : null, Chance(0.5) ? Predicate(depth + 1) : null);
    }

    private string Declare()
    {
        var name = Pick(VariableStems) + _names++;
        _variables.Add(name);
        return name;
    }

    // Paths and predicates

    private IdentifiedPath IdentifiedPath(int depth) =>
        new(Pick(_variables), depth < 3 && Chance(0.1) ? Predicate(depth + 1) : null, Chance(0.85) ? ObjectPath(depth + 1) : null);

    private ObjectPath ObjectPath(int depth)
    {
        var parts = new PathPart[random.Next(1, 5)];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new PathPart(Pick(Attributes), depth < 4 && Chance(0.3) ? Predicate(depth + 1) : null);
        }

        return new ObjectPath(AqlList.Create<PathPart>(parts));
    }

    private PathPredicate Predicate(int depth)
    {
        if (depth >= 4 || Chance(0.7)) return PredicateTerm(depth);
        var alternatives = new PathPredicate[random.Next(2, 4)];
        for (var i = 0; i < alternatives.Length; i++)
        {
            alternatives[i] = Chance(0.5) ? PredicateTerm(depth) : And();
        }

        return Chance(0.5) ? new OrPredicate(AqlList.Create<PathPredicate>(alternatives)) : And();

        AndPredicate And()
        {
            var terms = new PathPredicate[random.Next(2, 4)];
            for (var i = 0; i < terms.Length; i++) terms[i] = PredicateTerm(depth);
            return new AndPredicate(AqlList.Create<PathPredicate>(terms));
        }
    }

    private PathPredicate PredicateTerm(int depth) => random.Next(10) switch
    {
        < 4 => new NodePredicate(NodeCode(), Chance(0.4) ? NodeName() : null),
        4 => new NodePredicate(Pick(ArchetypeIds), Chance(0.3) ? NodeName() : null),
        5 => new ParameterPredicate(Parameter()),
        < 9 => new ComparisonPredicate(ObjectPath(depth + 1), Operator(), PredicateOperand(depth + 1)),
        _ => new RegexPredicate(ObjectPath(depth + 1), Regex(), Chance(0.3) ? Text() : null),
    };

    private AqlExpression NodeName() => random.Next(4) switch
    {
        0 => new StringLiteral(Text()),
        1 => Parameter(),
        2 => new CodeLiteral(NodeCode()),
        _ => TermCode(),
    };

    private AqlExpression PredicateOperand(int depth) => random.Next(8) switch
    {
        < 4 => Literal(),
        4 => Parameter(),
        5 => new CodeLiteral(NodeCode()),
        _ => ObjectPath(depth + 1),
    };

    private string NodeCode() => random.Next(6) switch
    {
        < 3 => $"at{random.Next(10000):D4}",
        3 => $"at0.{random.Next(1, 100)}",
        4 => $"id{random.Next(1, 50)}",
        _ => $"id{random.Next(1, 9)}.{random.Next(1, 9)}.{random.Next(0, 9)}",
    };

    private TermCodeLiteral TermCode()
    {
        const string chars = "abcXYZ019_-.";
        var terminology = (char)('a' + random.Next(26)) + Word(chars, 0, 8);
        var code = Word(chars, 1, 8);
        var version = Chance(0.3) ? Word("0123456789.", 1, 5) : null;
        var text = Chance(0.4) ? Word("abc XYZ019_-.æ'\"", 1, 12) : null;
        return new TermCodeLiteral(terminology, code, version, text);
    }

    private string Regex()
    {
        var text = new StringBuilder();
        var length = random.Next(1, 10);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(8) switch
            {
                0 => @"\/",
                1 => @"\d",
                2 => ".*",
                3 => "^",
                _ => Word("abc XYZ019[](){}|+?$'\"", 1, 3),
            });
        }

        return text.ToString();
    }

    // WHERE

    private AqlCondition Condition(int depth)
    {
        if (depth >= 4 || Chance(0.5)) return Atom(depth);
        if (Chance(0.2)) return new NotCondition(Condition(depth + 1));
        var operands = new AqlCondition[random.Next(2, 5)];
        for (var i = 0; i < operands.Length; i++) operands[i] = Condition(depth + 1);
        return Chance(0.5) ? new AndCondition(AqlList.Create<AqlCondition>(operands)) : new OrCondition(AqlList.Create<AqlCondition>(operands));
    }

    private AqlCondition Atom(int depth) => random.Next(12) switch
    {
        < 5 => new ComparisonCondition(Chance(0.8) ? IdentifiedPath(depth) : Function(depth), Operator(), Terminal(depth)),
        5 or 6 => new LikeCondition(IdentifiedPath(depth), Chance(0.8) ? LikePattern() : Parameter()),
        7 or 8 => new MatchesCondition(IdentifiedPath(depth), random.Next(6) switch
        {
            < 3 => ValueList(),
            3 => Terminology(),
            4 => Uri(),
            _ => Parameter(),
        }),
        9 => new ExistsCondition(IdentifiedPath(depth)),
        _ => new NullCondition(Chance(0.8) ? IdentifiedPath(depth) : Function(depth), Chance(0.5)),
    };

    private ValueList ValueList()
    {
        var items = new AqlExpression[random.Next(1, 5)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = random.Next(6) switch { < 4 => Literal(), 4 => Parameter(), _ => Terminology() };
        }

        return new ValueList(AqlList.Create<AqlExpression>(items));
    }

    private UriLiteral Uri()
    {
        var scheme = Pick(["terminology", "http", "https", "urn", "ehr", "a+b.c-d"]);
        var rest = random.Next(3) switch
        {
            0 => $"//snomed-ct/hierarchy?rootConceptId={random.Next(1_000_000)}",
            1 => "//example.org:8080/a/b;c=d?e=f&g=h#i" + Word("abc019-._~%!$&'()*+,;=:@/?", 0, 6),
            _ => Word("abc019", 1, 4) + Word("abc019-._~!$&'()*+,;=:@/?#[]", 0, 10),
        };
        return new UriLiteral($"{scheme}:{rest}");
    }

    private LikePattern LikePattern()
    {
        var pattern = new StringBuilder();
        var length = random.Next(0, 10);
        for (var i = 0; i < length; i++)
        {
            pattern.Append(random.Next(10) switch
            {
                0 => "*",
                1 => "?",
                2 => @"\*",
                3 => @"\?",
                4 => @"\\",
                _ => Word("abc XYZ019'\"\n\tæ-_/", 1, 3),
            });
        }

        return new LikePattern(pattern.ToString());
    }

    // Operands

    private AqlExpression Terminal(int depth) => random.Next(10) switch
    {
        < 4 => Literal(),
        < 6 => Parameter(),
        < 8 => IdentifiedPath(depth + 1),
        8 => depth < 3 ? Function(depth + 1) : Literal(),
        _ => Terminology(),
    };

    private FunctionCall Function(int depth)
    {
        var arguments = new AqlExpression[depth < 3 ? random.Next(0, 4) : 0];
        for (var i = 0; i < arguments.Length; i++) arguments[i] = Terminal(depth + 1);
        return new FunctionCall(Pick(Functions), AqlList.Create<AqlExpression>(arguments));
    }

    private AggregateCall Aggregate()
    {
        var function = (AggregateFunction)random.Next(5);
        if (function == AggregateFunction.Count && Chance(0.3)) return new AggregateCall(function, null);
        return new AggregateCall(function, IdentifiedPath(1), function == AggregateFunction.Count && Chance(0.3));
    }

    private TerminologyCall Terminology() => new(Text(), Text(), Text());

    private ParameterRef Parameter() =>
        new((char)('a' + random.Next(26)) + Word("abcXYZ019_", 0, 8), Chance(0.8) ? ParameterStyle.Dollar : ParameterStyle.Colon);

    private AqlExpression Literal() => random.Next(12) switch
    {
        < 3 => new StringLiteral(Text()),
        3 => new StringLiteral(Pick(Temporals)),
        < 6 => new IntegerLiteral(random.Next(4) switch
        {
            0 => random.Next(-1000, 1000),
            1 => random.NextInt64(),
            2 => -random.NextInt64(),
            _ => Pick([long.MinValue, long.MaxValue, 0L, -1L]),
        }),
        < 8 => new RealLiteral(Real()),
        8 or 9 => new BooleanLiteral(Chance(0.5)),
        _ => new NullLiteral(),
    };

    private double Real()
    {
        while (true)
        {
            var value = random.Next(3) switch
            {
                0 => Math.Round((random.NextDouble() - 0.5) * 1000, random.Next(6)),
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64()),
            };
            if (double.IsFinite(value)) return value;
        }
    }

    private string Text()
    {
        var length = random.Next(0, 12);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(20) switch
            {
                0 => "😀",
                1 => ((char)random.Next(0x20, 0xD7FF)).ToString(),
                _ => Pick(StringCharacters).ToString(),
            });
        }

        return text.ToString();
    }

    private ComparisonOperator Operator() => (ComparisonOperator)random.Next(6);

    private long Count() => random.Next(3) switch { 0 => random.Next(100), 1 => random.NextInt64(long.MaxValue), _ => 0 };

    private string Word(string alphabet, int min, int max)
    {
        var length = random.Next(min, max + 1);
        var word = new char[length];
        for (var i = 0; i < length; i++) word[i] = alphabet[random.Next(alphabet.Length)];
        return new string(word);
    }

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
