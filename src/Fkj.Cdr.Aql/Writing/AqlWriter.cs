using System.Globalization;
using System.Text;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Writing;

/// <summary>
/// Writes a syntax tree back as canonical AQL: keywords in upper case, one space between tokens,
/// strings in single quotes, and parentheses only where the tree needs them. Parsing the text gives an
/// equal tree (<see cref="AqlNode"/> equality), so the text can be logged, stored or shown as the query
/// the engine understood.
/// </summary>
public static class AqlWriter
{
    public static string Write(AqlNode node)
    {
        var output = new StringBuilder(256);
        Write(output, node);
        return output.ToString();
    }

    private static void Write(StringBuilder o, AqlNode node)
    {
        switch (node)
        {
            case AqlQuery q: Query(o, q); break;
            case SelectClause s: Select(o, s); break;
            case SelectColumn c: Column(o, c); break;
            case TopClause t: Top(o, t); break;
            case FromClause f: o.Append("FROM "); Contains(o, f.Contains); break;
            case WhereClause w: o.Append("WHERE "); Condition(o, w.Condition); break;
            case OrderByClause ob: OrderBy(o, ob); break;
            case OrderByKey k: OrderKey(o, k); break;
            case LimitClause l: Limit(o, l); break;
            case ContainsExpression ce: Contains(o, ce); break;
            case ClassExpression ce: Class(o, ce); break;
            case AqlCondition c: Condition(o, c); break;
            case PathPredicate p: Predicate(o, p); break;
            case PathPart p: Part(o, p); break;
            case AqlExpression e: Expression(o, e); break;
            default: throw new ArgumentException($"{node.GetType().Name} is not an AQL node the writer knows", nameof(node));
        }
    }

    private static void Query(StringBuilder o, AqlQuery q)
    {
        Select(o, q.Select);
        o.Append(" FROM ");
        Contains(o, q.From.Contains);
        if (q.Where is not null)
        {
            o.Append(" WHERE ");
            Condition(o, q.Where.Condition);
        }

        if (q.OrderBy is not null)
        {
            o.Append(' ');
            OrderBy(o, q.OrderBy);
        }

        if (q.Limit is not null)
        {
            o.Append(' ');
            Limit(o, q.Limit);
        }
    }

    private static void Select(StringBuilder o, SelectClause s)
    {
        o.Append("SELECT ");
        if (s.Distinct) o.Append("DISTINCT ");
        if (s.Top is not null)
        {
            Top(o, s.Top);
            o.Append(' ');
        }

        for (var i = 0; i < s.Columns.Count; i++)
        {
            if (i > 0) o.Append(", ");
            Column(o, s.Columns[i]);
        }
    }

    private static void Top(StringBuilder o, TopClause t)
    {
        o.Append("TOP ").Append(t.Count.ToString(CultureInfo.InvariantCulture));
        if (t.Direction is { } direction) o.Append(direction == TopDirection.Forward ? " FORWARD" : " BACKWARD");
    }

    private static void Column(StringBuilder o, SelectColumn c)
    {
        Expression(o, c.Expression);
        if (c.Alias is not null) o.Append(" AS ").Append(c.Alias);
    }

    private static void OrderBy(StringBuilder o, OrderByClause ob)
    {
        o.Append("ORDER BY ");
        for (var i = 0; i < ob.Keys.Count; i++)
        {
            if (i > 0) o.Append(", ");
            OrderKey(o, ob.Keys[i]);
        }
    }

    private static void OrderKey(StringBuilder o, OrderByKey k)
    {
        Expression(o, k.Path);
        if (k.Direction is { } direction) o.Append(direction == SortDirection.Descending ? " DESC" : " ASC");
    }

    private static void Limit(StringBuilder o, LimitClause l)
    {
        o.Append("LIMIT ").Append(l.Limit.ToString(CultureInfo.InvariantCulture));
        if (l.Offset is { } offset) o.Append(" OFFSET ").Append(offset.ToString(CultureInfo.InvariantCulture));
    }

    // FROM

    private static void Contains(StringBuilder o, ContainsExpression e)
    {
        switch (e)
        {
            case Containment c:
                Class(o, c.Class);
                if (c.Contained is not null)
                {
                    o.Append(c.Negated ? " NOT CONTAINS " : " CONTAINS ");
                    Contains(o, c.Contained);
                }

                break;
            case ContainsAnd and:
                Join(o, and.Operands, " AND ", static operand => operand is ContainsAnd or ContainsOr or Containment { Contained: not null });
                break;
            case ContainsOr or:
                Join(o, or.Operands, " OR ", static operand => operand is ContainsOr or Containment { Contained: not null });
                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} is not a containment expression the writer knows", nameof(e));
        }
    }

    private static void Join(StringBuilder o, AqlList<ContainsExpression> operands, string separator, Func<ContainsExpression, bool> parenthesise)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0) o.Append(separator);
            var parens = parenthesise(operands[i]);
            if (parens) o.Append('(');
            Contains(o, operands[i]);
            if (parens) o.Append(')');
        }
    }

    private static void Class(StringBuilder o, ClassExpression c)
    {
        o.Append(c.RmType);
        if (c.Variable is not null) o.Append(' ').Append(c.Variable);
        if (c.Predicate is not null) Bracketed(o, c.Predicate);
    }

    // WHERE

    private static void Condition(StringBuilder o, AqlCondition c)
    {
        switch (c)
        {
            case OrCondition or:
                Join(o, or.Operands, " OR ", static operand => operand is OrCondition);
                break;
            case AndCondition and:
                Join(o, and.Operands, " AND ", static operand => operand is OrCondition or AndCondition);
                break;
            case NotCondition not:
                o.Append("NOT ");
                Parenthesised(o, not.Operand, not.Operand is OrCondition or AndCondition);
                break;
            case ComparisonCondition cmp:
                Expression(o, cmp.Left);
                o.Append(' ').Append(cmp.Operator.Symbol()).Append(' ');
                Expression(o, cmp.Right);
                break;
            case LikeCondition like:
                Expression(o, like.Subject);
                o.Append(" LIKE ");
                Expression(o, like.Pattern);
                break;
            case MatchesCondition matches:
                Expression(o, matches.Subject);
                o.Append(" MATCHES ");
                Expression(o, matches.Operand);
                break;
            case ExistsCondition exists:
                o.Append("EXISTS ");
                Expression(o, exists.Path);
                break;
            case NullCondition isNull:
                Expression(o, isNull.Subject);
                o.Append(isNull.Negated ? " IS NOT NULL" : " IS NULL");
                break;
            default:
                throw new ArgumentException($"{c.GetType().Name} is not a condition the writer knows", nameof(c));
        }
    }

    private static void Join(StringBuilder o, AqlList<AqlCondition> operands, string separator, Func<AqlCondition, bool> parenthesise)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0) o.Append(separator);
            Parenthesised(o, operands[i], parenthesise(operands[i]));
        }
    }

    private static void Parenthesised(StringBuilder o, AqlCondition c, bool parens)
    {
        if (parens) o.Append('(');
        Condition(o, c);
        if (parens) o.Append(')');
    }

    // Paths and predicates

    private static void Part(StringBuilder o, PathPart p)
    {
        o.Append(p.Attribute);
        if (p.Predicate is not null) Bracketed(o, p.Predicate);
    }

    private static void Bracketed(StringBuilder o, PathPredicate p)
    {
        o.Append('[');
        Predicate(o, p);
        o.Append(']');
    }

    private static void Predicate(StringBuilder o, PathPredicate p)
    {
        switch (p)
        {
            case NodePredicate node:
                o.Append(node.NodeId);
                if (node.Name is not null)
                {
                    o.Append(", ");
                    Expression(o, node.Name);
                }

                break;
            case ParameterPredicate parameter:
                Expression(o, parameter.Parameter);
                break;
            case ComparisonPredicate cmp:
                Expression(o, cmp.Path);
                o.Append(' ').Append(cmp.Operator.Symbol()).Append(' ');
                Expression(o, cmp.Value);
                break;
            case RegexPredicate regex:
                Expression(o, regex.Path);
                o.Append(" MATCHES {/").Append(regex.Pattern).Append('/');
                if (regex.AssumedValue is not null)
                {
                    o.Append("; ");
                    Quoted(o, regex.AssumedValue, likePattern: false);
                }

                o.Append('}');
                break;
            case AndPredicate and:
                for (var i = 0; i < and.Operands.Count; i++)
                {
                    if (i > 0) o.Append(" AND ");
                    Predicate(o, and.Operands[i]);
                }

                break;
            case OrPredicate or:
                for (var i = 0; i < or.Operands.Count; i++)
                {
                    if (i > 0) o.Append(" OR ");
                    Predicate(o, or.Operands[i]);
                }

                break;
            case LatestVersionPredicate:
                o.Append("LATEST_VERSION");
                break;
            case AllVersionsPredicate:
                o.Append("ALL_VERSIONS");
                break;
            default:
                throw new ArgumentException($"{p.GetType().Name} is not a predicate the writer knows", nameof(p));
        }
    }

    // Expressions

    private static void Expression(StringBuilder o, AqlExpression e)
    {
        switch (e)
        {
            case IdentifiedPath path:
                o.Append(path.Variable);
                if (path.Predicate is not null) Bracketed(o, path.Predicate);
                if (path.Path is not null)
                {
                    o.Append('/');
                    Expression(o, path.Path);
                }

                break;
            case ObjectPath path:
                for (var i = 0; i < path.Parts.Count; i++)
                {
                    if (i > 0) o.Append('/');
                    Part(o, path.Parts[i]);
                }

                break;
            case StringLiteral s:
                Quoted(o, s.Value, likePattern: false);
                break;
            case IntegerLiteral i:
                o.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case RealLiteral r:
                var text = r.Value.ToString("R", CultureInfo.InvariantCulture);
                o.Append(text);
                if (text.AsSpan().IndexOfAny('.', 'E', 'e') < 0) o.Append(".0");
                break;
            case BooleanLiteral b:
                o.Append(b.Value ? "true" : "false");
                break;
            case NullLiteral:
                o.Append("NULL");
                break;
            case ParameterRef p:
                o.Append(p.Style == ParameterStyle.Colon ? ':' : '$').Append(p.Name);
                break;
            case CodeLiteral code:
                o.Append(code.Code);
                break;
            case TermCodeLiteral term:
                o.Append(term.Terminology);
                if (term.Version is not null) o.Append('(').Append(term.Version).Append(')');
                o.Append("::").Append(term.Code);
                if (term.Text is not null) o.Append('|').Append(term.Text).Append('|');
                break;
            case FunctionCall call:
                o.Append(call.Name).Append('(');
                for (var i = 0; i < call.Arguments.Count; i++)
                {
                    if (i > 0) o.Append(", ");
                    Expression(o, call.Arguments[i]);
                }

                o.Append(')');
                break;
            case TerminologyCall t:
                o.Append("TERMINOLOGY(");
                Quoted(o, t.Operation, likePattern: false);
                o.Append(", ");
                Quoted(o, t.ServiceApi, likePattern: false);
                o.Append(", ");
                Quoted(o, t.Parameters, likePattern: false);
                o.Append(')');
                break;
            case AggregateCall a:
                o.Append(a.Function.ToString().ToUpperInvariant()).Append('(');
                if (a.Argument is null)
                {
                    o.Append('*');
                }
                else
                {
                    if (a.Distinct) o.Append("DISTINCT ");
                    Expression(o, a.Argument);
                }

                o.Append(')');
                break;
            case LikePattern like:
                Quoted(o, like.Pattern, likePattern: true);
                break;
            case ValueList list:
                o.Append('{');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0) o.Append(", ");
                    Expression(o, list.Items[i]);
                }

                o.Append('}');
                break;
            case UriLiteral uri:
                o.Append('{').Append(uri.Uri).Append('}');
                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} is not an expression the writer knows", nameof(e));
        }
    }

    /// <summary>
    /// A single-quoted string literal whose decoding gives <paramref name="value"/> back. For a LIKE
    /// pattern, the pattern's own escapes (<c>\*</c>, <c>\?</c>, <c>\\</c>) are written as they are, since
    /// an escape sequence in the literal is what makes a character literal in the pattern.
    /// </summary>
    private static void Quoted(StringBuilder o, string value, bool likePattern)
    {
        o.Append('\'');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (likePattern && c == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                if (next is '\\' or '*' or '?') o.Append('\\').Append(next);
                else Escaped(o, next);
                continue;
            }

            Escaped(o, c);
        }

        o.Append('\'');
    }

    private static void Escaped(StringBuilder o, char c)
    {
        switch (c)
        {
            case '\\': o.Append(@"\\"); break;
            case '\'': o.Append(@"\'"); break;
            case '\n': o.Append(@"\n"); break;
            case '\r': o.Append(@"\r"); break;
            case '\t': o.Append(@"\t"); break;
            case '\a': o.Append(@"\a"); break;
            case '\b': o.Append(@"\b"); break;
            case '\f': o.Append(@"\f"); break;
            case '\v': o.Append(@"\v"); break;
            case < ' ' or '\x7f': o.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
            default: o.Append(c); break;
        }
    }
}
