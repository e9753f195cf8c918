using System.Text;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Support;

/// <summary>
/// Random expression constraints for the round-trip and fuzz tests, deterministic for a seeded
/// <see cref="Random"/>. With <c>valid: true</c> every expression follows the grammar (varying white
/// space, comments, case, long syntax and nesting); <see cref="Mutate"/> then breaks them in small ways.
/// </summary>
public sealed class EclGenerator(Random random)
{
    private static readonly string[] Ids = ["404684003", "73211009", "363698007", "39057004", "116676008", "900000000000207008", "100000", "999999999999999999"];
    private static readonly string[] Operators = ["<", "<<", "<!", "<<!", ">", ">>", ">!", ">>!", "!!>", "!!<"];
    private static readonly string[] LongOperators = ["descendantOf ", "descendantOrSelfOf ", "childOf ", "ancestorOrSelfOf ", "parentOf "];
    private static readonly string[] Terms = ["|Clinical finding|", "| Finding site |", "|Hjärtsjukdom (störning)|", "|a/b [c] {d}|"];
    private static readonly string[] Fragments =
    [
        "(", ")", "{", "}", "{{", "}}", "[", "]", "|", "\"", ":", ",", ".", "..", "#", "#-", "^", "*", "=", "!=", "<", "<<", ">", "!",
        "/*", "*/", " AND ", " OR ", " MINUS ", "AND", "R ", "{{ D ", "{{ C ", "{{ M ", "{{ + HISTORY", "term = ", "\\", "\n", "\t",
        "404684003", "0", "12", "#1.5", "wild:", "match:", "ANY", "[0..1]", "[1..*]", "é", "\u0000", "\u00a0", "\ud800",
    ];

    private int _depth;

    public string Expression(bool valid)
    {
        _depth = 0;
        var text = ExpressionConstraint();
        return valid ? text : Mutate(text);
    }

    /// <summary>One to three small edits: delete, insert a fragment, replace, duplicate, swap or truncate.</summary>
    public string Mutate(string text)
    {
        var builder = new StringBuilder(text);
        for (var edits = 1 + random.Next(3); edits > 0; edits--)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length);
            var length = Math.Min(builder.Length - at, 1 + random.Next(6));
            switch (random.Next(6))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, Pick(Fragments));
                    break;
                case 2:
                    builder.Remove(at, length).Insert(at, Pick(Fragments));
                    break;
                case 3:
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 4:
                    var other = builder.Length == 0 ? 0 : random.Next(builder.Length);
                    if (builder.Length > 0) (builder[at], builder[other]) = (builder[other], builder[at]);
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }

    private string ExpressionConstraint()
    {
        _depth++;
        var result = (_depth > 2 ? random.Next(2) : random.Next(7)) switch
        {
            0 or 1 => SubExpression(),
            2 => SubExpression() + Ws() + ":" + Ws() + Refinement(inGroup: false),
            3 => Join(Pick(" AND ", " and ", ", ", ",", " AND\n"), 2 + random.Next(3)),
            4 => Join(Pick(" OR ", " or "), 2 + random.Next(3)),
            5 => SubExpression() + Pick(" MINUS ", " minus ") + SubExpression(),
            // White space before the dot: an unquoted alternate identifier's code may hold dots (LOINC#54486-6.x).
            _ => SubExpression() + string.Concat(Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Pick(" ", "\n") + "." + Ws() + SubExpression())),
        };
        _depth--;
        return result;
    }

    private string Join(string separator, int count) =>
        string.Join(separator, Enumerable.Range(0, count).Select(_ => SubExpression()));

    private string SubExpression()
    {
        var b = new StringBuilder();
        switch (random.Next(8))
        {
            case 0 or 1:
                b.Append(Pick(Operators)).Append(Ws());
                break;
            case 2:
                b.Append(Pick(LongOperators));
                break;
        }

        var memberOf = random.Next(6) == 0;
        if (memberOf)
        {
            b.Append(Pick("^", "memberOf ")).Append(random.Next(4) switch
            {
                0 => " [*] ",
                1 => " [mapTarget, mapGroup] ",
                _ => " ",
            });
        }

        b.Append(Focus());
        if (memberOf && random.Next(2) == 0) b.Append(' ').Append(MemberFilter());
        for (var n = random.Next(4) == 0 ? 1 + random.Next(2) : 0; n > 0; n--)
            b.Append(' ').Append(random.Next(2) == 0 ? DescriptionFilter() : ConceptFilter());
        if (random.Next(10) == 0) b.Append(Pick(" {{ + HISTORY }}", " {{+HISTORY-MIN}}", " {{ + history_max }}", " {{ + HISTORY (^ 900000000000527005) }}"));
        return b.ToString();
    }

    private string Focus() => (_depth < 3 ? random.Next(9) : random.Next(7)) switch
    {
        0 or 1 or 2 => Pick(Ids),
        3 => Pick(Ids) + Ws() + Pick(Terms),
        4 => Pick("*", "ANY", "any"),
        5 => Pick("LOINC#54486-6", "\"ICD-10#J45 9\"", "LOINC#54486-6 |Oxyhemoglobin|"),
        6 => Pick(Ids),
        _ => "(" + Ws() + ExpressionConstraint() + Ws() + ")",
    };

    private string Refinement(bool inGroup)
    {
        _depth++;
        var result = (_depth > 3 ? 0 : random.Next(inGroup ? 4 : 6)) switch
        {
            0 or 1 => Attribute(),
            2 => string.Join(Pick(", ", " AND ", ","), Enumerable.Range(0, 2 + random.Next(2)).Select(_ => RefinementOperand(inGroup))),
            3 => string.Join(Pick(" OR ", " or "), Enumerable.Range(0, 2 + random.Next(2)).Select(_ => RefinementOperand(inGroup))),
            _ => Cardinality() + "{ " + Refinement(inGroup: true) + " }",
        };
        _depth--;
        return result;
    }

    private string RefinementOperand(bool inGroup) => random.Next(4) == 0 ? "(" + Refinement(inGroup) + ")" : Attribute();

    private string Attribute()
    {
        var b = new StringBuilder();
        if (random.Next(3) == 0) b.Append(Cardinality());
        if (random.Next(5) == 0) b.Append(Pick("R ", "r ", "reverseOf "));
        b.Append(random.Next(6) == 0 ? "(<< 410662002 MINUS 363698007)" : SubExpression());
        b.Append(Ws());
        b.Append(random.Next(8) switch
        {
            0 => Pick("=", "!=", "<", "<=", ">", ">=") + Ws() + Pick("#500", "#-2.5", "#0", "#+3", "#0.25"),
            1 => Pick("=", "!=") + Ws() + Pick("\"PANADOL\"", "wild:\"PANA*\"", "(\"a\" match:\"b c\")", "match:\"x\""),
            2 => Pick("=", "!=") + Ws() + Pick("true", "FALSE"),
            _ => Pick("=", "!=", "<>", "NOT =") + Ws() + SubExpression(),
        });
        return b.ToString();
    }

    private string Cardinality() => Pick("[0..1] ", "[1..*] ", "[0..0]", "[2..5] ", "[1 to many] ");

    private string DescriptionFilter() => "{{" + Pick(" D ", " d ", " ") + string.Join(", ", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(
        "term = \"heart att\"", "term != wild:\"*itis\"", "term = (match:\"gas\" wild:\"*itis\")", "language = sv", "language = (en sv)",
        "type = fsn", "type = (syn def)", "typeId = 900000000000013009", "typeId = (900000000000013009 900000000000003001)",
        "dialect = en-gb (prefer)", "dialect = (en-nhs-clinical en-us (accept))", "dialectId = 900000000000508004",
        "dialectId = (900000000000508004 (prefer) 900000000000509007)", "moduleId = 900000000000207008",
        "effectiveTime >= \"20190731\"", "active = 1", "active = *", "id = 670169018", "id = (670169018 680169011)"))) + " }}";

    private string ConceptFilter() => "{{ C " + string.Join(", ", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(
        "definitionStatus = primitive", "definitionStatus = (primitive defined)", "definitionStatusId = 900000000000074008",
        "moduleId = (900000000000207008 900000000000012004)", "effectiveTime = (\"20190131\" \"\")", "active = false"))) + " }}";

    private string MemberFilter() => "{{ M " + string.Join(", ", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(
        "mapTarget = \"J45.9\"", "mapGroup != #2", "mapPriority < #2", "mapTarget = wild:\"J*\"", "referencedComponentId = << 404684003",
        "active = true", "moduleId = 449080006", "effectiveTime > \"20200101\"", "flag = true", "when <= \"20200101\""))) + " }}";

    private string Ws() => random.Next(10) switch
    {
        0 => "",
        1 => "\n  ",
        2 => " /* note */ ",
        3 => "\t",
        _ => " ",
    };

    private string Pick(params string[] options) => options[random.Next(options.Length)];
}
