namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>How a search term matches.</summary>
public enum EclSearchType
{
    /// <summary><c>match:"..."</c> (the default): every word is the prefix of some word of the text, in any order.</summary>
    Match,

    /// <summary><c>wild:"..."</c>: the whole text matches the pattern, where <c>*</c> stands for any characters.</summary>
    Wild,
}
