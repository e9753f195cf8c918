using System.Collections;
using System.Reflection;
using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Support;

/// <summary>Walks a syntax tree through its record properties (test support; the library needs no visitor yet).</summary>
public static class EclTree
{
    /// <summary>The node's children: node-valued properties and the nodes in list-valued ones, in declaration order.</summary>
    public static IEnumerable<EclNode> Children(EclNode node)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            var value = property.GetValue(node);
            if (value is EclNode child)
                yield return child;
            else if (value is IEnumerable items and not string)
                foreach (var item in items)
                    if (item is EclNode listed)
                        yield return listed;
        }
    }

    public static IEnumerable<EclNode> Descendants(EclNode node)
    {
        yield return node;
        foreach (var child in Children(node))
            foreach (var descendant in Descendants(child))
                yield return descendant;
    }
}
