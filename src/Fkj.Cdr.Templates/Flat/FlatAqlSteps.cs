using System.Text;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>One step of a web template's AQL path: attribute, node id predicate and name predicate.</summary>
internal readonly record struct AqlStep(string Attribute, string? NodeId, string? Name);

/// <summary>
/// Reads the AQL paths web templates write (<c>/content[openEHR-EHR-OBSERVATION.x.v1 and name/value='X']/data[at0001]</c>)
/// into steps. Only this form is read: it is what <see cref="WebTemplates.WebTemplateBuilder"/> writes.
/// </summary>
internal static class FlatAqlSteps
{
    public static AqlStep[] Parse(string path)
    {
        var steps = new List<AqlStep>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] != '/') return [.. steps];
            i++;
            var start = i;
            while (i < path.Length && path[i] is not ('/' or '[')) i++;
            var attribute = path[start..i];
            string? nodeId = null, name = null;
            if (i < path.Length && path[i] == '[')
            {
                i++;
                var predicate = new StringBuilder();
                var quoted = false;
                for (; i < path.Length; i++)
                {
                    var c = path[i];
                    if (quoted)
                    {
                        if (c == '\\' && i + 1 < path.Length)
                        {
                            predicate.Append(c).Append(path[++i]);
                            continue;
                        }

                        if (c == '\'') quoted = false;
                    }
                    else if (c == '\'')
                    {
                        quoted = true;
                    }
                    else if (c == ']')
                    {
                        i++;
                        break;
                    }

                    predicate.Append(c);
                }

                (nodeId, name) = Split(predicate.ToString());
            }

            steps.Add(new AqlStep(attribute, nodeId, name));
        }

        return [.. steps];
    }

    private static (string? NodeId, string? Name) Split(string predicate)
    {
        const string namePrefix = "name/value=";
        var and = predicate.IndexOf(" and ", StringComparison.Ordinal);
        string? nodeId = null;
        var rest = predicate;
        if (!predicate.StartsWith(namePrefix, StringComparison.Ordinal))
        {
            nodeId = and < 0 ? predicate.Trim() : predicate[..and].Trim();
            rest = and < 0 ? "" : predicate[(and + 5)..].Trim();
        }

        string? name = null;
        if (rest.StartsWith(namePrefix, StringComparison.Ordinal))
        {
            var quoted = rest[namePrefix.Length..].Trim();
            if (quoted.Length >= 2 && quoted[0] == '\'' && quoted[^1] == '\'')
            {
                var text = new StringBuilder();
                for (var i = 1; i < quoted.Length - 1; i++)
                {
                    if (quoted[i] == '\\' && i + 1 < quoted.Length - 1) i++;
                    text.Append(quoted[i]);
                }

                name = text.ToString();
            }
        }

        return (string.IsNullOrEmpty(nodeId) ? null : nodeId, name);
    }
}
