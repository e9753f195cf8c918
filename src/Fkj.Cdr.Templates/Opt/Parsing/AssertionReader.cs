using System.Xml.Linq;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Reads a slot's <c>includes</c>/<c>excludes</c> ASSERTION as ADL text. Template Designer writes
/// both <c>string_expression</c> and the parsed <c>expression</c>; Archetype Designer often only the
/// latter, which is then rendered (<c>archetype_id/value matches {/openEHR-EHR-CLUSTER\.device\.v1/}</c>).
/// </summary>
internal static class AssertionReader
{
    private const int MaxDepth = 64;

    /// <summary>ADL 1.4 OPERATOR_KIND codes and their ADL symbols.</summary>
    private static readonly Dictionary<long, string> Operators = new()
    {
        [2001] = "=", [2002] = "!=", [2003] = "<=", [2004] = "<", [2005] = ">=", [2006] = ">",
        [2007] = "matches", [2010] = "not", [2011] = "and", [2012] = "or", [2013] = "xor",
        [2014] = "implies", [2015] = "for_all", [2016] = "exists",
        [2020] = "+", [2021] = "-", [2022] = "*", [2023] = "/", [2024] = "^",
    };

    public static string? Read(OptContext context, XElement assertion)
    {
        var kids = context.Check(assertion, OptSchema.Assertion);
        var text = context.Text(kids.One("string_expression"))?.Trim();
        var rendered = kids.One("expression") is { } expression ? Render(context, expression, 0) : null;
        return string.IsNullOrEmpty(text) ? rendered : text;
    }

    private static string? Render(OptContext context, XElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            context.Error(OptErrorCodes.TooLarge, $"the assertion nests deeper than {MaxDepth} levels", element);
            return null;
        }

        switch (OptContext.XsiType(element))
        {
            case "EXPR_BINARY_OPERATOR":
            {
                var kids = context.Check(element, OptSchema.ExprBinaryOperator);
                var symbol = Operator(context, kids.One("operator"));
                var left = kids.One("left_operand") is { } l ? Render(context, l, depth + 1) : null;
                var right = kids.One("right_operand") is { } r ? Render(context, r, depth + 1) : null;
                context.Boolean(kids.One("precedence_overridden"));
                return symbol is null || left is null || right is null ? null : $"{left} {symbol} {right}";
            }
            case "EXPR_UNARY_OPERATOR":
            {
                var kids = context.Check(element, OptSchema.ExprUnaryOperator);
                var symbol = Operator(context, kids.One("operator"));
                var operand = kids.One("operand") is { } o ? Render(context, o, depth + 1) : null;
                context.Boolean(kids.One("precedence_overridden"));
                return symbol is null || operand is null ? null : $"{symbol} {operand}";
            }
            case "EXPR_LEAF":
            {
                var kids = context.Check(element, OptSchema.ExprLeaf);
                return kids.One("item") is { } item ? Leaf(context, item) : null;
            }
            case null:
                context.Error(OptErrorCodes.MissingType, $"<{element.Name.LocalName}> needs an xsi:type (EXPR_BINARY_OPERATOR, EXPR_UNARY_OPERATOR, EXPR_LEAF)", element);
                return null;
            case var other:
                context.Error(OptErrorCodes.UnknownConstraintType, $"'{OptContext.Excerpt(other)}' is not an expression type", OptContext.XsiTypeAttribute(element));
                return null;
        }
    }

    private static string? Leaf(OptContext context, XElement item)
    {
        if (OptContext.XsiType(item) != "C_STRING") return context.Text(item)?.Trim();
        var constraint = PrimitiveReader.ReadString(context, item);
        if (constraint.Pattern is { } pattern) return $"{{/{pattern}/}}";
        return "{" + string.Join(", ", constraint.List.Select(v => $"\"{v}\"")) + "}";
    }

    private static string? Operator(OptContext context, XElement? element)
    {
        var code = context.Integer(element);
        if (code is null) return null;
        if (Operators.TryGetValue(code.Value, out var symbol)) return symbol;
        context.Error(OptErrorCodes.InvalidValue, $"{code} is not an ADL operator code", element);
        return null;
    }
}
