namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// A function call, <c>LENGTH(o/data/.../value)</c>, <c>NOW()</c>. <see cref="Name"/> is upper case;
/// the grammar admits any identifier as a function name, so <see cref="Function"/> is
/// <see cref="AqlFunction.Unknown"/> for one that is not built in, and the semantic stage decides.
/// Arguments are literals, parameters, identified paths or nested calls.
/// </summary>
public sealed record FunctionCall(string Name, AqlList<AqlExpression> Arguments) : AqlExpression
{
    public AqlFunction Function => AqlFunctions.Lookup(Name);
}
