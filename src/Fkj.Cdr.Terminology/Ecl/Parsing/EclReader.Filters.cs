using Fkj.Cdr.Terminology.Ecl.Syntax;

namespace Fkj.Cdr.Terminology.Ecl.Parsing;

/// <summary>
/// Filter constraints in double braces: description filters <c>{{ D ... }}</c> (the D may be left out),
/// concept filters <c>{{ C ... }}</c>, member filters <c>{{ M ... }}</c> and the history supplement
/// <c>{{ + HISTORY ... }}</c>. Keywords are case-insensitive. The grammar lets the type letter touch the
/// first keyword (<c>{{Cactive = 1}}</c>); that is read too where the rest is a keyword of that filter type.
/// </summary>
internal sealed partial class EclReader
{
    private enum FilterKind
    {
        Description,
        Concept,
        Member,
        History,
    }

    private static readonly string[] DescriptionKeywords =
        ["term", "language", "type", "typeId", "dialect", "dialectId", "moduleId", "effectiveTime", "active", "id"];

    private static readonly string[] ConceptKeywords = ["definitionStatus", "definitionStatusId", "moduleId", "effectiveTime", "active"];

    private static readonly string[] MemberKeywords = ["moduleId", "effectiveTime", "active", "a refset field name"];

    /// <summary>At <c>{{</c>: which kind of filter constraint follows.</summary>
    private FilterKind FilterKindAhead()
    {
        var token = Peek(1);
        if (token.Kind == EclTokenKind.Plus) return FilterKind.History;
        var word = WordOf(token);
        switch (word)
        {
            case null:
                return FilterKind.Description;
            case "d":
                return FilterKind.Description;
            case "c":
                return FilterKind.Concept;
            case "m":
                return FilterKind.Member;
        }

        if (IsKeyword(word, DescriptionKeywords)) return FilterKind.Description;
        var rest = word[1..];
        switch (word[0])
        {
            case 'd' when IsKeyword(rest, DescriptionKeywords):
                SplitWord(1, 1);
                return FilterKind.Description;
            case 'c' when IsKeyword(rest, ConceptKeywords):
                SplitWord(1, 1);
                return FilterKind.Concept;
            case 'm' when IsKeyword(rest, MemberKeywords):
                SplitWord(1, 1);
                return FilterKind.Member;
            default:
                return FilterKind.Description;
        }
    }

    private static bool IsKeyword(string word, string[] keywords) =>
        keywords.Any(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase));

    // --- the three filter constraints --------------------------------------------------------------

    private EclDescriptionFilterConstraint ReadDescriptionFilterConstraint()
    {
        var open = Advance();
        if (IsWord(Peek(), "d")) Advance();
        var filters = ReadFilters(ReadDescriptionFilter);
        return new EclDescriptionFilterConstraint(filters) { Span = SpanFrom(open.Start) };
    }

    private EclConceptFilterConstraint ReadConceptFilterConstraint()
    {
        var open = Advance();
        Advance();
        var filters = ReadFilters(ReadConceptFilter);
        return new EclConceptFilterConstraint(filters) { Span = SpanFrom(open.Start) };
    }

    private EclMemberFilterConstraint ReadMemberFilterConstraint()
    {
        var open = Advance();
        Advance();
        var filters = ReadFilters(ReadMemberFilter);
        return new EclMemberFilterConstraint(filters) { Span = SpanFrom(open.Start) };
    }

    /// <summary>One or more filters separated by commas, then <c>}}</c>.</summary>
    private EclList<EclFilter> ReadFilters(Func<EclFilter> readFilter)
    {
        var filters = new List<EclFilter> { readFilter() };
        while (Peek().Kind == EclTokenKind.Comma)
        {
            Advance();
            filters.Add(readFilter());
        }

        Expect(EclTokenKind.DoubleRightBrace, "','", "'}}'");
        return EclList.From(filters);
    }

    // --- filters -----------------------------------------------------------------------------------

    private EclFilter ReadDescriptionFilter()
    {
        var token = Peek();
        var start = token.Start;
        switch (WordOf(token))
        {
            case "term":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a term filter");
                if (!SearchTermsAhead()) throw Expected(Peek(), "a quoted search term", "match:", "wild:", "'('");
                return new EclTermFilter(@operator, ReadSearchTerms()) { Span = SpanFrom(start) };
            }

            case "language":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a language filter");
                var codes = ReadWordSet(ReadLanguageCode, "a language code");
                return new EclLanguageFilter(@operator, codes) { Span = SpanFrom(start) };
            }

            case "type":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a type filter");
                var types = ReadWordSet(ReadDescriptionType, "syn, fsn or def");
                return new EclDescriptionTypeFilter(@operator, types) { Span = SpanFrom(start) };
            }

            case "typeid":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a typeId filter");
                return new EclDescriptionTypeIdFilter(@operator, ReadConceptSetValue()) { Span = SpanFrom(start) };
            }

            case "dialect":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a dialect filter");
                var dialects = ReadDialectAliases();
                var acceptability = Peek().Kind == EclTokenKind.LeftParen ? ReadAcceptabilitySet() : null;
                return new EclDialectFilter(@operator, dialects, acceptability) { Span = SpanFrom(start) };
            }

            case "dialectid":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a dialectId filter");
                var dialects = ReadDialectIds();
                var acceptability = Peek().Kind == EclTokenKind.LeftParen ? ReadAcceptabilitySet() : null;
                return new EclDialectFilter(@operator, dialects, acceptability) { Span = SpanFrom(start) };
            }

            case "id":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "an id filter");
                return new EclDescriptionIdFilter(@operator, ReadDescriptionIds()) { Span = SpanFrom(start) };
            }
        }

        return ReadCommonFilter(token) ?? throw Expected(token, DescriptionKeywords);
    }

    private EclFilter ReadConceptFilter()
    {
        var token = Peek();
        var start = token.Start;
        switch (WordOf(token))
        {
            case "definitionstatus":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a definitionStatus filter");
                var statuses = ReadWordSet(ReadDefinitionStatus, "primitive or defined");
                return new EclDefinitionStatusFilter(@operator, statuses) { Span = SpanFrom(start) };
            }

            case "definitionstatusid":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a definitionStatusId filter");
                return new EclDefinitionStatusIdFilter(@operator, ReadConceptSetValue()) { Span = SpanFrom(start) };
            }
        }

        return ReadCommonFilter(token) ?? throw Expected(token, ConceptKeywords);
    }

    private EclFilter ReadMemberFilter()
    {
        var token = Peek();
        if (ReadCommonFilter(token) is { } common) return common;
        if (token.Kind != EclTokenKind.Word) throw Expected(token, MemberKeywords);

        var field = ReadFieldName();
        var start = Peek().Start;
        var @operator = ReadComparisonOperator(ordering: true, "a refset field");
        var value = Peek();
        EclComparison comparison;
        if (value.Kind == EclTokenKind.HashNumber)
            comparison = new EclNumericComparison(@operator, ReadNumber(Advance())) { Span = SpanFrom(start) };
        else if (value.Kind == EclTokenKind.Hash)
            throw Error(value, "a number must follow '#' directly, as in #2");
        else if (IsOrdering(@operator))
        {
            if (!(value.Kind == EclTokenKind.String || (value.Kind == EclTokenKind.LeftParen && Peek(1).Kind == EclTokenKind.String)))
                throw Expected(value, "'#' and a number", "a time in quotes");
            comparison = new EclTimeComparison(@operator, ReadTimes()) { Span = SpanFrom(start) };
        }
        else if (StringValueAhead())
            comparison = new EclStringComparison(@operator, ReadSearchTerms()) { Span = SpanFrom(start) };
        else if (ReadBoolean() is { } boolean)
            comparison = new EclBooleanComparison(@operator, boolean) { Span = SpanFrom(start) };
        else if (StartsSubExpression(value))
            comparison = new EclExpressionComparison(@operator, ReadSubExpression()) { Span = SpanFrom(start) };
        else
            throw Expected(value, "a value: an expression constraint, '#' and a number, a quoted string, true or false");

        return new EclMemberFieldFilter(field, comparison) { Span = SpanFrom(token.Start) };
    }

    /// <summary>The filters every kind of filter constraint has: moduleId, effectiveTime and active.</summary>
    private EclFilter? ReadCommonFilter(EclToken token)
    {
        var start = token.Start;
        switch (WordOf(token))
        {
            case "moduleid":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "a moduleId filter");
                return new EclModuleFilter(@operator, ReadConceptSetValue()) { Span = SpanFrom(start) };
            }

            case "effectivetime":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: true, "an effectiveTime filter");
                return new EclEffectiveTimeFilter(@operator, ReadTimes()) { Span = SpanFrom(start) };
            }

            case "active":
            {
                Advance();
                var @operator = ReadComparisonOperator(ordering: false, "an active filter");
                return new EclActiveFilter(@operator, ReadActiveValue()) { Span = SpanFrom(start) };
            }

            default:
                return null;
        }
    }

    // --- filter values -----------------------------------------------------------------------------

    /// <summary><c>activeValue</c>: <c>1</c>/<c>true</c>, <c>0</c>/<c>false</c>, or <c>*</c> for either.</summary>
    private bool? ReadActiveValue()
    {
        var token = Peek();
        if (token.Kind == EclTokenKind.Number && TextOf(token) is "1" or "0")
        {
            Advance();
            return TextOf(token) == "1";
        }

        if (token.Kind == EclTokenKind.Star)
        {
            Advance();
            return null;
        }

        return ReadBoolean() ?? throw Expected(token, "true", "false", "'1'", "'0'", "'*'");
    }

    /// <summary>
    /// A sub-expression, or a set of two or more concept references in parentheses
    /// (<c>eclConceptReferenceSet</c>), told apart by scanning ahead: <c>(1234567 7654321)</c> is a set,
    /// <c>(1234567)</c> and <c>(&lt; 1234567)</c> are nested expressions.
    /// </summary>
    private EclConceptSet ReadConceptSetValue()
    {
        if (Peek().Kind != EclTokenKind.LeftParen || CountReferencesAhead(acceptability: false) < 2) return ReadSubExpression();
        var open = Advance();
        var references = new List<EclConceptReference> { ReadConceptReference() };
        while (Peek().Kind == EclTokenKind.Number)
        {
            RequireSpaceBefore(Peek(), "a concept reference");
            references.Add(ReadConceptReference());
        }

        Expect(EclTokenKind.RightParen, "')'");
        return new EclConceptReferenceSet(EclList.From(references)) { Span = SpanFrom(open.Start) };
    }

    /// <summary>
    /// At <c>(</c>: how many concept references (each maybe with a term and, when
    /// <paramref name="acceptability"/>, an acceptability set) stand before the closing <c>)</c>;
    /// 0 when anything else stands there.
    /// </summary>
    private int CountReferencesAhead(bool acceptability)
    {
        var ahead = 1;
        var count = 0;
        while (Peek(ahead).Kind == EclTokenKind.Number)
        {
            ahead++;
            if (Peek(ahead).Kind == EclTokenKind.Term) ahead++;
            if (acceptability && Peek(ahead).Kind == EclTokenKind.LeftParen)
            {
                ahead++;
                while (Peek(ahead).Kind is not (EclTokenKind.RightParen or EclTokenKind.LeftParen or EclTokenKind.End or EclTokenKind.Invalid)) ahead++;
                if (Peek(ahead).Kind != EclTokenKind.RightParen) return 0;
                ahead++;
            }

            count++;
        }

        return Peek(ahead).Kind == EclTokenKind.RightParen ? count : 0;
    }

    /// <summary>One word value or a set of them in parentheses, separated by white space.</summary>
    private EclList<T> ReadWordSet<T>(Func<T> readOne, string what)
    {
        if (Peek().Kind != EclTokenKind.LeftParen) return [readOne()];
        Advance();
        var items = new List<T> { readOne() };
        while (Peek().Kind == EclTokenKind.Word)
        {
            RequireSpaceBefore(Peek(), what);
            items.Add(readOne());
        }

        Expect(EclTokenKind.RightParen, what, "')'");
        return EclList.From(items);
    }

    /// <summary><c>languageCode = 2alpha</c>, kept as written.</summary>
    private string ReadLanguageCode()
    {
        var token = Peek();
        if (token.Kind != EclTokenKind.Word) throw Expected(token, "a language code such as en", "'('");
        var text = TextOf(token);
        if (text.Length != 2 || !char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]))
            throw Error(token, $"'{Shorten(text)}' is not a language code: a language code has two letters, such as en or sv");
        Advance();
        return text;
    }

    private EclDescriptionType ReadDescriptionType()
    {
        var token = Peek();
        EclDescriptionType? type = WordOf(token) switch
        {
            "syn" or "synonym" => EclDescriptionType.Synonym,
            "fsn" or "fullyspecifiedname" => EclDescriptionType.FullySpecifiedName,
            "def" or "definition" => EclDescriptionType.Definition,
            _ => null,
        };
        if (type is null) throw Expected(token, "syn", "fsn", "def", "'('");
        Advance();
        return type.Value;
    }

    private EclDefinitionStatus ReadDefinitionStatus()
    {
        var token = Peek();
        EclDefinitionStatus? status = WordOf(token) switch
        {
            "primitive" => EclDefinitionStatus.Primitive,
            "defined" => EclDefinitionStatus.Defined,
            _ => null,
        };
        if (status is null) throw Expected(token, "primitive", "defined", "'('");
        Advance();
        return status.Value;
    }

    private EclAcceptability ReadAcceptabilityToken()
    {
        var token = Peek();
        EclAcceptability? acceptability = WordOf(token) switch
        {
            "accept" or "acceptable" => EclAcceptability.Acceptable,
            "prefer" or "preferred" => EclAcceptability.Preferred,
            _ => null,
        };
        if (acceptability is null) throw Expected(token, "accept", "prefer");
        Advance();
        return acceptability.Value;
    }

    /// <summary><c>dialectAlias</c> or <c>dialectAliasSet</c>, where each alias of a set may have its own acceptability.</summary>
    private EclList<EclDialect> ReadDialectAliases()
    {
        if (Peek().Kind != EclTokenKind.LeftParen) return [ReadDialectAlias(withAcceptability: false)];
        Advance();
        var dialects = new List<EclDialect> { ReadDialectAlias(withAcceptability: true) };
        while (Peek().Kind == EclTokenKind.Word)
        {
            RequireSpaceBefore(Peek(), "a dialect");
            dialects.Add(ReadDialectAlias(withAcceptability: true));
        }

        Expect(EclTokenKind.RightParen, "a dialect alias", "'('", "')'");
        return EclList.From(dialects);
    }

    /// <summary><c>dialectAlias = alpha *(dash / alpha / integerValue)</c>, as in <c>en-nhs-clinical</c>.</summary>
    private EclDialectAlias ReadDialectAlias(bool withAcceptability)
    {
        var token = Peek();
        if (token.Kind != EclTokenKind.Word) throw Expected(token, "a dialect alias such as en-gb", "'('");
        var text = TextOf(token);
        if (!EclCharacters.IsAlias(text))
            throw Error(token, $"'{Shorten(text)}' is not a dialect alias: an alias starts with a letter and holds letters, digits and '-'");
        Advance();
        var acceptability = withAcceptability && Peek().Kind == EclTokenKind.LeftParen ? ReadAcceptabilitySet() : null;
        return new EclDialectAlias(text, acceptability) { Span = SpanFrom(token.Start) };
    }

    /// <summary>
    /// A sub-expression (<c>dialectId = &lt;&lt; 900000000000506000</c>), or <c>dialectIdSet</c>: concept
    /// references in parentheses, each with an optional acceptability set.
    /// </summary>
    private EclList<EclDialect> ReadDialectIds()
    {
        if (Peek().Kind != EclTokenKind.LeftParen || CountReferencesAhead(acceptability: true) == 0)
        {
            var expression = ReadSubExpression();
            return [new EclDialectId(expression) { Span = expression.Span }];
        }

        Advance();
        var dialects = new List<EclDialect>();
        do
        {
            if (dialects.Count > 0) RequireSpaceBefore(Peek(), "a dialect");
            var reference = ReadConceptReference();
            var acceptability = Peek().Kind == EclTokenKind.LeftParen ? ReadAcceptabilitySet() : null;
            var dialect = new EclSubExpression(null, reference) { Span = reference.Span };
            dialects.Add(new EclDialectId(dialect, acceptability) { Span = SpanFrom(reference.Span.Start) });
        }
        while (Peek().Kind == EclTokenKind.Number);

        Expect(EclTokenKind.RightParen, "a concept id", "')'");
        return EclList.From(dialects);
    }

    /// <summary><c>(prefer)</c>, <c>(accept prefer)</c>, or concept references <c>(900000000000548007 |Preferred|)</c>.</summary>
    private EclAcceptabilitySet ReadAcceptabilitySet()
    {
        var open = Advance();
        if (Peek().Kind == EclTokenKind.Number)
        {
            var concepts = new List<EclConceptReference> { ReadConceptReference() };
            while (Peek().Kind == EclTokenKind.Number)
            {
                RequireSpaceBefore(Peek(), "a concept reference");
                concepts.Add(ReadConceptReference());
            }

            Expect(EclTokenKind.RightParen, "a concept id", "')'");
            return new EclAcceptabilitySet(EclList.From(concepts), EclList<EclAcceptability>.Empty) { Span = SpanFrom(open.Start) };
        }

        if (Peek().Kind != EclTokenKind.Word) throw Expected(Peek(), "accept", "prefer", "a concept id");
        var tokens = new List<EclAcceptability> { ReadAcceptabilityToken() };
        while (Peek().Kind == EclTokenKind.Word)
        {
            RequireSpaceBefore(Peek(), "an acceptability");
            tokens.Add(ReadAcceptabilityToken());
        }

        Expect(EclTokenKind.RightParen, "accept", "prefer", "')'");
        return new EclAcceptabilitySet(EclList<EclConceptReference>.Empty, EclList.From(tokens)) { Span = SpanFrom(open.Start) };
    }

    /// <summary><c>descriptionId / descriptionIdSet</c>: identifiers, a set separated by white space.</summary>
    private EclList<long> ReadDescriptionIds()
    {
        if (Peek().Kind != EclTokenKind.LeftParen)
        {
            var token = Peek();
            if (token.Kind != EclTokenKind.Number) throw Expected(token, "a description id", "'('");
            return [ReadSctId(Advance(), "description")];
        }

        Advance();
        var ids = new List<long>();
        do
        {
            var token = Peek();
            if (token.Kind != EclTokenKind.Number) throw Expected(token, "a description id");
            if (ids.Count > 0) RequireSpaceBefore(token, "a description id");
            ids.Add(ReadSctId(Advance(), "description"));
        }
        while (Peek().Kind == EclTokenKind.Number);

        Expect(EclTokenKind.RightParen, "a description id", "')'");
        return EclList.From(ids);
    }

    // --- history -----------------------------------------------------------------------------------

    /// <summary><c>{{ + HISTORY }}</c>, <c>{{ + HISTORY-MIN }}</c> (<c>-MOD</c>, <c>-MAX</c>, or with <c>_</c>), <c>{{ + HISTORY (expression) }}</c>.</summary>
    private EclHistorySupplement ReadHistorySupplement()
    {
        var open = Advance();
        Advance();
        var keyword = Peek();
        EclHistoryProfile? profile = WordOf(keyword) switch
        {
            "history" => null,
            "history-min" or "history_min" => EclHistoryProfile.Minimum,
            "history-mod" or "history_mod" => EclHistoryProfile.Moderate,
            "history-max" or "history_max" => EclHistoryProfile.Maximum,
            _ => throw Expected(keyword, "HISTORY", "HISTORY-MIN", "HISTORY-MOD", "HISTORY-MAX"),
        };
        Advance();

        EclExpression? subset = null;
        if (profile is null && Peek().Kind == EclTokenKind.LeftParen)
        {
            var paren = Advance();
            Enter(paren);
            subset = ReadExpressionConstraint();
            if (Peek().Kind != EclTokenKind.RightParen) throw Expected(Peek(), Continuations(subset, "')'"));
            Advance();
            Leave();
        }

        if (Peek().Kind != EclTokenKind.DoubleRightBrace)
            throw profile is null && subset is null
                ? Expected(Peek(), "'('", "'}}'")
                : Expected(Peek(), "'}}'");
        Advance();
        return new EclHistorySupplement(profile, subset) { Span = SpanFrom(open.Start) };
    }
}
