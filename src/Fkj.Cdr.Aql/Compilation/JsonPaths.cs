using System.Text;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// An AQL path below a node as a PostgreSQL SQL/JSON path, to read it from a stored document in SQL
/// (<c>jsonb_path_query_first</c>): each attribute a member (lax mode steps into lists by itself), each node predicate
/// a filter on <c>archetype_node_id</c> and, with a name, on <c>name/value</c>. The path is bound as a parameter.
/// </summary>
public static class JsonPaths
{
    public static string Of(IEnumerable<PathPart> parts)
    {
        var path = new StringBuilder("$");
        foreach (var part in parts)
        {
            path.Append('.');
            Quoted(path, part.Attribute);
            if (part.Predicate is NodePredicate node)
            {
                path.Append("[*] ? (@.\"archetype_node_id\" == ");
                Quoted(path, node.NodeId);
                if (node.Name is StringLiteral name)
                {
                    path.Append(" && @.\"name\".\"value\" == ");
                    Quoted(path, name.Value);
                }
                path.Append(')');
            }
        }
        return path.ToString();
    }

    private static void Quoted(StringBuilder path, string text)
    {
        path.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': path.Append("\\\""); break;
                case '\\': path.Append("\\\\"); break;
                case < ' ': path.Append($"\\u{(int)c:x4}"); break;
                default: path.Append(c); break;
            }
        }
        path.Append('"');
    }
}
