using System.Globalization;
using System.Text;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Reading data values from their suffixes, as the openEHR SDK reads them: <c>|magnitude</c>/<c>|unit</c>,
/// <c>|code</c>/<c>|value</c>/<c>|terminology</c>, <c>|numerator</c>/<c>|denominator</c>/<c>|type</c>,
/// <c>|ordinal</c>, the parts of a duration, the plain value for the rest; codes, labels, units and
/// proportion kinds the template fixes are filled in from the node.
/// </summary>
internal sealed partial class FlatBuilder
{
    /// <summary>The RM attributes of an ELEMENT that FLAT writes under the path of its value.</summary>
    private static readonly HashSet<string> ElementBranches = new(StringComparer.Ordinal)
    {
        "_null_flavour", "_null_reason", "_uid", "_link", "_feeder_audit", "_name",
    };

    /// <summary>Whether the bag gives anything for the value itself (and not only for its ELEMENT, such as a null flavour).</summary>
    private static bool HasValueBranches(FlatBag bag) => bag.Branches.Any(b => !ElementBranches.Contains(b.Name));

    private static bool HasValueContent(FlatBag bag) => bag.HasAttributes || HasValueBranches(bag);

    /// <summary>A data value of <paramref name="kind"/> from <paramref name="bag"/>; null when the bag gives none (or it is wrong, with the error recorded).</summary>
    private DataValue? ReadDataValue(FlatNode? node, FlatKind kind, FlatBag? bag)
    {
        if (bag is null || !HasValueContent(bag)) return null;
        DataValue? value = kind switch
        {
            FlatKind.Text => ReadText(node, bag),
            FlatKind.CodedText => node is { HasOther: true } && bag.Has("other") ? ReadOther(bag) : ReadCoded(node, bag, OpenEhr(node), node?.OpenEhrGroup),
            FlatKind.Quantity => ReadQuantity(node, bag),
            FlatKind.Count => ReadCount(bag),
            FlatKind.Proportion => ReadProportion(node, bag),
            FlatKind.Ordinal => ReadOrdinal(node, bag),
            FlatKind.Scale => ReadScale(node, bag),
            FlatKind.Boolean => Boolean(Required(bag, TakeFirst(bag, null, "value"), null, "a boolean")) is { } flag ? new DvBoolean { Value = flag } : null,
            FlatKind.DateTime => PlainText(bag, "a date-time") is { } dateTime ? new DvDateTime { Value = dateTime } : null,
            FlatKind.Date => PlainText(bag, "a date") is { } date ? new DvDate { Value = date } : null,
            FlatKind.Time => PlainText(bag, "a time") is { } time ? new DvTime { Value = time } : null,
            FlatKind.Duration => ReadDuration(bag),
            FlatKind.Identifier => ReadIdentifier(bag),
            FlatKind.Uri => PlainText(bag, "a URI") is { } uri ? new DvUri { Value = uri } : null,
            FlatKind.EhrUri => PlainText(bag, "an EHR URI") is { } ehrUri ? new DvEhrUri { Value = ehrUri } : null,
            FlatKind.Multimedia => ReadMultimedia(bag),
            FlatKind.Parsable => ReadParsable(bag, formalismRequired: node?.Steps is not { Length: > 0 } steps || steps[^1].Attribute != "timing"),
            FlatKind.State => ReadState(node, bag),
            _ => null,
        };
        if (value is null) return null;
        ReadDataValueAttributes(node, kind, value, bag);
        return value;
    }

    /// <summary>The plain value (or <c>|value</c>, as STRUCTURED writes a plain value beside other suffixes), required.</summary>
    private string? PlainText(FlatBag bag, string what) => Text(Required(bag, TakeFirst(bag, null, "value"), null, what));

    /// <summary><paramref name="value"/>, or a missing-value error (and null) when it is absent or JSON null.</summary>
    private FlatValue? Required(FlatBag bag, FlatValue? value, string? suffix, string what)
    {
        if (value is { IsNull: false }) return value;
        Missing(bag, suffix, $"'{bag.Path}' needs {what}{(suffix is null ? "" : $" as '|{suffix}'")}");
        return null;
    }

    private DvText? ReadText(FlatNode? node, FlatBag bag)
    {
        if (bag.Has("code")) return ReadCoded(node, bag, OpenEhr(node), node?.OpenEhrGroup);
        var text = PlainText(bag, "a text");
        if (text is null) return null;
        return new DvText { Value = text, Formatting = Text(bag.Take("formatting")) };
    }

    private static string? OpenEhr(FlatNode? node) => node?.OpenEhrGroup is null ? null : "openehr";

    /// <summary>A DV_CODED_TEXT with an open list given free text: <c>|other</c> makes it a DV_TEXT.</summary>
    private DvText ReadOther(FlatBag bag) =>
        new() { Value = Text(bag.Take("other")) ?? "", Formatting = Text(bag.Take("formatting")) };

    /// <summary>
    /// A coded text from <c>|code</c>, <c>|value</c>, <c>|terminology</c> (and <c>|preferred_term</c>,
    /// <c>|formatting</c>). A plain value is a code of the node's list or else one of its labels; a missing
    /// label or code is taken from the list, a missing terminology from the node (or <paramref name="terminology"/>),
    /// an openehr code's label from the openEHR terminology (<paramref name="group"/>).
    /// </summary>
    private DvCodedText? ReadCoded(FlatNode? node, FlatBag bag, string? terminology, string? group)
    {
        var code = Text(bag.Take("code"));
        var label = Text(bag.Take("value"));
        var givenTerminology = Text(bag.Take("terminology"));
        if (code is null && bag.Peek(null) is { } plainValue && Text(bag.Take(null)) is { } plain)
        {
            if (label is null && node?.Code(plain) is { } byCode) (code, label) = (byCode.Value, byCode.Label);
            else if (label is null && node?.CodeByLabel(plain) is { } byLabel) (code, label) = (byLabel.Value, byLabel.Label);
            else if (node is { Codes.Count: > 0 } && label is null)
            {
                Problem(FlatErrorCodes.InvalidValue, $"'{plain}' is neither a code nor a label of '{node.Id}'", plainValue);
                return null;
            }
            else code = plain;
        }

        var resolvedTerminology = givenTerminology ?? node?.CodeTerminology ?? terminology;
        if (code is null && label is not null)
        {
            if (node?.CodeByLabel(label) is { } byLabel) code = byLabel.Value;
            else if (resolvedTerminology == "openehr" && group is not null && FlatOpenEhrTerms.Find(group, label) is { } term) code = term.Code;
        }

        if (code is null)
        {
            Missing(bag, "code", $"'{bag.Path}' needs a code as '|code' (or a label of the template's list as '|value')");
            return null;
        }

        label ??= node?.Code(code)?.Label ?? (resolvedTerminology == "openehr" ? FlatOpenEhrTerms.Rubric(code, group) : null);
        if (label is null)
        {
            Missing(bag, "value", $"'{bag.Path}' needs the text of code {code} as '|value': the template does not list it");
            return null;
        }

        if (resolvedTerminology is null)
        {
            Missing(bag, "terminology", $"'{bag.Path}' needs the terminology of code {code} as '|terminology'");
            return null;
        }

        return new DvCodedText
        {
            Value = label,
            Formatting = Text(bag.Take("formatting")),
            DefiningCode = new CodePhrase
            {
                TerminologyId = new TerminologyId { Value = resolvedTerminology },
                CodeString = code,
                PreferredTerm = Text(bag.Take("preferred_term")),
            },
        };
    }

    private DvQuantity? ReadQuantity(FlatNode? node, FlatBag bag)
    {
        var magnitude = Real(Required(bag, bag.Take("magnitude"), "magnitude", "a magnitude"));
        var unitValue = TakeFirst(bag, "unit", "units");
        var unit = Text(unitValue);
        if (unit is null && node is { Units.Count: 1 }) unit = node.Units[0].Value;
        if (unit is null) Missing(bag, "unit", $"'{bag.Path}' needs a unit as '|unit'");
        var precision = Int32(bag.Take("precision"));
        var system = Text(bag.Take("units_system"));
        var display = Text(bag.Take("units_display_name"));
        if (magnitude is null || unit is null) return null;
        return new DvQuantity { Magnitude = magnitude.Value, Units = unit, Precision = precision, UnitsSystem = system, UnitsDisplayName = display };
    }

    private DvCount? ReadCount(FlatBag bag)
    {
        var magnitude = Integer(Required(bag, TakeFirst(bag, null, "value", "magnitude"), null, "a count"));
        return magnitude is null ? null : new DvCount { Magnitude = magnitude.Value };
    }

    private static readonly string[] ProportionKinds = ["ratio", "unitary", "percent", "fraction", "integer_fraction"];

    private DvProportion? ReadProportion(FlatNode? node, FlatBag bag)
    {
        var numerator = Real(Required(bag, bag.Take("numerator"), "numerator", "a numerator"));
        var denominator = Real(Required(bag, bag.Take("denominator"), "denominator", "a denominator"));
        var typeValue = bag.Take("type");
        var type = Int32(typeValue);
        if (type is null && node is { ProportionTypes.Count: 1 }) type = Array.IndexOf(ProportionKinds, node.ProportionTypes[0]);
        if (type is null && typeValue is null) Missing(bag, "type", $"'{bag.Path}' needs the proportion kind as '|type' (0 ratio, 1 unitary, 2 percent, 3 fraction, 4 integer fraction)");
        var precision = Int32(bag.Take("precision"));
        // The magnitude (numerator ÷ denominator) is written for readers; it is computed, so it is only consumed.
        bag.Take(null);
        bag.Take("value");
        if (numerator is null || denominator is null || type is null) return null;
        return new DvProportion { Numerator = numerator.Value, Denominator = denominator.Value, Type = type.Value, Precision = precision };
    }

    private DvOrdinal? ReadOrdinal(FlatNode? node, FlatBag bag)
    {
        var (code, label, terminology, number) = ReadOrdinalParts(node, bag);
        var value = Int32(number);
        if (code is null || label is null || (value is null && number is null)) return null;
        if (value is null) return null;
        return new DvOrdinal { Value = value.Value, Symbol = Symbol(code, label, terminology) };
    }

    private DvScale? ReadScale(FlatNode? node, FlatBag bag)
    {
        var (code, label, terminology, number) = ReadOrdinalParts(node, bag);
        var value = Real(number);
        if (code is null || label is null || value is null) return null;
        return new DvScale { Value = value.Value, Symbol = Symbol(code, label, terminology) };
    }

    /// <summary>
    /// DV_ORDINAL and DV_SCALE: the symbol's code (<c>|code</c> or the plain value), its label (<c>|value</c>)
    /// and the number (<c>|ordinal</c>), the last two from the template's list where the code is in it.
    /// </summary>
    private (string? Code, string? Label, string Terminology, FlatValue? Number) ReadOrdinalParts(FlatNode? node, FlatBag bag)
    {
        var code = Text(TakeFirst(bag, "code", null));
        var labelValue = bag.Take("value");
        var label = Text(labelValue);
        // The SDK fixes an ordinal's terminology to local and ignores a given one (Better writes it).
        bag.Take("terminology");
        var terminology = node?.CodeTerminology ?? "local";
        var numberValue = bag.Take("ordinal");
        var item = code is not null ? node?.Code(code) : label is not null ? node?.CodeByLabel(label) : null;
        if (item is not null)
        {
            code = item.Value;
            label = item.Label ?? label;
            if (item.Ordinal is { } ordinal)
                numberValue = new FlatValue(numberValue?.Key ?? bag.Path, numberValue?.Offset ?? 0, FlatValueKind.Number, ordinal.ToString(CultureInfo.InvariantCulture));
            else if (item.ScaleValue is { } scale)
                numberValue = new FlatValue(numberValue?.Key ?? bag.Path, numberValue?.Offset ?? 0, FlatValueKind.Number, scale.ToString("R", CultureInfo.InvariantCulture));
        }
        else if (code is not null && node is { Codes.Count: > 0 })
        {
            Problem(FlatErrorCodes.InvalidValue, $"'{code}' is not one of the codes of '{node.Id}'", bag.FirstValue());
            return (null, null, terminology, null);
        }

        if (code is null) Missing(bag, "code", $"'{bag.Path}' needs the symbol's code as '|code'");
        else if (label is null) Missing(bag, "value", $"'{bag.Path}' needs the symbol's text as '|value'");
        else if (numberValue is null) Missing(bag, "ordinal", $"'{bag.Path}' needs the number as '|ordinal'");
        return (code, label, terminology, numberValue);
    }

    private static DvCodedText Symbol(string code, string label, string terminology) => new()
    {
        Value = label,
        DefiningCode = new CodePhrase { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code },
    };

    private static readonly (string Suffix, char Letter, bool Time)[] DurationParts =
    [
        ("year", 'Y', false), ("month", 'M', false), ("week", 'W', false), ("day", 'D', false),
        ("hour", 'H', true), ("minute", 'M', true), ("second", 'S', true),
    ];

    /// <summary>An ISO 8601 duration as the plain value, or from its parts <c>|year</c> … <c>|second</c>.</summary>
    private DvDuration? ReadDuration(FlatBag bag)
    {
        if (TakeFirst(bag, null, "value") is { IsNull: false } plain) return Text(plain) is { } text ? new DvDuration { Value = text } : null;
        var date = new StringBuilder();
        var time = new StringBuilder();
        var any = false;
        foreach (var (suffix, letter, isTime) in DurationParts)
        {
            var part = bag.Take(suffix);
            if (part is null || part.IsNull) continue;
            any = true;
            if (Integer(part) is not { } number) return null;
            if (number == 0) continue;
            (isTime ? time : date).Append(number.ToString(CultureInfo.InvariantCulture)).Append(letter);
        }

        if (!any)
        {
            Missing(bag, null, $"'{bag.Path}' needs a duration: an ISO 8601 value, or '|year' … '|second'");
            return null;
        }

        var value = "P" + date + (time.Length > 0 ? "T" + time : "");
        return new DvDuration { Value = value == "P" ? "PT0S" : value };
    }

    private DvIdentifier? ReadIdentifier(FlatBag bag)
    {
        var id = Text(Required(bag, TakeFirst(bag, "id", null, "value"), "id", "an identifier"));
        var issuer = Text(bag.Take("issuer"));
        var assigner = Text(bag.Take("assigner"));
        var type = Text(bag.Take("type"));
        return id is null ? null : new DvIdentifier { Id = id, Issuer = issuer, Assigner = assigner, Type = type };
    }

    private DvMultimedia? ReadMultimedia(FlatBag bag)
    {
        var uri = Text(TakeFirst(bag, "url", null, "value"));
        var mediaType = Text(Required(bag, bag.Take("mediatype"), "mediatype", "an IANA media type"));
        var size = Int32(Required(bag, bag.Take("size"), "size", "the size in bytes"));
        var multimedia = new DvMultimedia
        {
            Uri = uri is null ? null : new DvUri { Value = uri },
            AlternateText = Text(bag.Take("alternatetext")),
            Data = Text(bag.Take("data")),
            IntegrityCheck = Text(bag.Take("integrity_check")),
            CompressionAlgorithm = Phrase(Text(bag.Take("compression_algorithm")), "openehr_compression_algorithms"),
            IntegrityCheckAlgorithm = Phrase(Text(bag.Take("integrity_check_algorithm")), "openehr_integrity_check_algorithms"),
        };
        if (mediaType is null || size is null) return null;
        multimedia.MediaType = Phrase(mediaType, "IANA_media-types")!;
        multimedia.Size = size.Value;
        return multimedia;
    }

    /// <param name="formalismRequired">False for an activity's timing, whose formalism defaults to <c>timing</c> (as in the SDK).</param>
    private DvParsable? ReadParsable(FlatBag bag, bool formalismRequired = true)
    {
        var value = Text(Required(bag, TakeFirst(bag, "value", null), null, "the parsable text"));
        var formalismValue = bag.Take("formalism");
        var formalism = Text(formalismRequired ? Required(bag, formalismValue, "formalism", "a formalism") : formalismValue) ?? (formalismRequired ? null : "");
        return value is null || formalism is null ? null : new DvParsable { Value = value, Formalism = formalism };
    }

    private DvState? ReadState(FlatNode? node, FlatBag bag)
    {
        var terminal = Boolean(bag.Take("is_terminal"));
        var value = ReadCoded(node, bag, null, null);
        return value is null ? null : new DvState { Value = value, IsTerminal = terminal ?? false };
    }

    private static CodePhrase? Phrase(string? code, string terminology) =>
        code is null ? null : new CodePhrase { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code };

    /// <summary>The terminology a CODE_PHRASE attribute's codes come from when the document does not say.</summary>
    private static string? CodePhraseTerminology(string attribute) => attribute switch
    {
        "language" => "ISO_639-1",
        "territory" => "ISO_3166-1",
        "encoding" or "charset" => "IANA_character-sets",
        _ => null,
    };

    /// <summary>A CODE_PHRASE from <c>|code</c> (or the plain value), <c>|terminology</c> and <c>|preferred_term</c>.</summary>
    private CodePhrase? ReadCodePhrase(FlatBag bag, string attribute)
    {
        if (!bag.HasAttributes) return null;
        var code = Text(Required(bag, TakeFirst(bag, "code", null), "code", "a code"));
        var terminology = Text(bag.Take("terminology")) ?? CodePhraseTerminology(attribute);
        var preferred = Text(bag.Take("preferred_term"));
        if (code is null) return null;
        if (terminology is null)
        {
            Missing(bag, "terminology", $"'{bag.Path}' needs the terminology of code {code} as '|terminology'");
            return null;
        }

        return new CodePhrase { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code, PreferredTerm = preferred };
    }
}
