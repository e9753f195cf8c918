namespace Fkj.Cdr.Aql.Parsing;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum TokenKind : byte
{
    /// <summary>The end of the query.</summary>
    End,

    /// <summary>Text the lexer could not read; the token's value is the message.</summary>
    Error,

    /// <summary>A keyword, identifier or node code (<c>at0001</c>, <c>id5</c>): letters, digits, underscores.</summary>
    Word,

    /// <summary><c>openEHR-EHR-OBSERVATION.blood_pressure.v2</c>, optionally with a namespace.</summary>
    ArchetypeId,

    String,
    Integer,
    Real,

    /// <summary><c>$name</c> or <c>:name</c>; the value is the name.</summary>
    Parameter,

    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Slash,
    Star,
    Minus,
    Semicolon,

    /// <summary><c>= != &gt; &gt;= &lt; &lt;=</c>.</summary>
    Comparison,

    // Read only where the parser asks for them.

    /// <summary><c>terminology(version)::code|text|</c>.</summary>
    TermCode,

    /// <summary>A URI inside the braces of MATCHES.</summary>
    Uri,

    /// <summary><c>{/regex/; 'assumed'}</c> after MATCHES inside a predicate.</summary>
    Regex,
}
