namespace Fkj.Cdr.Aql.Parsing;

/// <summary>
/// Thrown when a query is not valid AQL. It is the only exception the parser throws, whatever the input;
/// the message is the error with its position (<c>line 1, column 40: ...</c>).
/// </summary>
public sealed class AqlParseException : Exception
{
    public AqlParseException(AqlError error)
        : base(error.ToString())
    {
        Error = error;
    }

    public AqlError Error { get; }
}
