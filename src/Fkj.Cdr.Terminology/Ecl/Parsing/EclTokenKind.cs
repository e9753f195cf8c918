namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>The kinds of token <see cref="EclLexer"/> produces.</summary>
internal enum EclTokenKind
{
    /// <summary>The end of the text.</summary>
    End,

    /// <summary>Something that is no token (an unclosed string, a stray character); its message says why.</summary>
    Invalid,

    /// <summary>A run of digits: an identifier, a cardinality bound, <c>1</c>/<c>0</c> for active.</summary>
    Number,

    /// <summary>A letter followed by letters, digits, <c>-</c> and <c>_</c>: keywords, aliases, field names.</summary>
    Word,

    /// <summary><c>scheme#code</c> written without quotes.</summary>
    AlternateIdentifier,

    /// <summary>A term between pipes, <c>|Clinical finding|</c>.</summary>
    Term,

    /// <summary>A quoted string, <c>"heart att"</c>, escapes kept.</summary>
    String,

    /// <summary><c>#</c> with the number that follows it: <c>#500</c>, <c>#-2.5</c>.</summary>
    HashNumber,

    /// <summary><c>#</c> not followed by a number.</summary>
    Hash,

    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    DoubleLeftBrace,
    DoubleRightBrace,
    Colon,
    Comma,
    Dot,
    DotDot,
    Caret,
    Star,
    Plus,
    Minus,
    Equals,
    NotEquals,

    /// <summary><c>&lt;&gt;</c>, the long syntax's not-equals.</summary>
    LessGreater,
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,

    /// <summary><c>&lt;&lt;</c></summary>
    DoubleLess,

    /// <summary><c>&lt;!</c></summary>
    LessBang,

    /// <summary><c>&lt;&lt;!</c></summary>
    DoubleLessBang,

    /// <summary><c>&gt;&gt;</c></summary>
    DoubleGreater,

    /// <summary><c>&gt;!</c></summary>
    GreaterBang,

    /// <summary><c>&gt;&gt;!</c></summary>
    DoubleGreaterBang,

    /// <summary><c>!!&gt;</c></summary>
    BangBangGreater,

    /// <summary><c>!!&lt;</c></summary>
    BangBangLess,
}
