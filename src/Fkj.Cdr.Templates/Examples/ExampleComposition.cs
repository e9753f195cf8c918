using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.Examples;

/// <summary>
/// Builds an example composition for a template: every mandatory node present (and, where a container
/// must hold something, its first constraint), with plausible values — the first code of a list, a
/// magnitude inside the range in the first unit, the first ordinal, dates at a fixed instant in a fixed
/// form — and every attribute the RM requires. The result validates against the template, so clients
/// can start from it (the DEFINITION API's example) and tests can use it as a known-good composition.
/// </summary>
public static class ExampleComposition
{
    /// <summary>The instant examples use unless told otherwise: deterministic output, and a date that is plausibly recent.</summary>
    public static readonly DateTimeOffset DefaultTime = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <param name="template">The template.</param>
    /// <param name="language">ISO 639-1 code for names and texts; terms fall back to the template's other languages.</param>
    /// <param name="time">The instant for every date and time; <see cref="DefaultTime"/> when null.</param>
    public static Composition Create(OperationalTemplate template, string? language = null, DateTimeOffset? time = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var generator = new ExampleGenerator(template, language ?? template.Language, time ?? DefaultTime);
        return generator.Composition();
    }
}

/// <summary>One example build: walks the constraint tree from the root and fills what the RM requires.</summary>
internal sealed class ExampleGenerator(OperationalTemplate template, string language, DateTimeOffset time)
{
    private const int MaxDepth = 64;

    private readonly string dateTime = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, string> OpenEhrTerms = new(StringComparer.Ordinal)
    {
        ["431"] = "persistent", ["433"] = "event", ["451"] = "episodic",
        ["225"] = "home", ["227"] = "emergency care", ["228"] = "primary medical care", ["229"] = "primary nursing care",
        ["230"] = "primary allied health care", ["231"] = "midwifery care", ["232"] = "secondary medical care",
        ["233"] = "secondary nursing care", ["234"] = "secondary allied health care", ["235"] = "complementary health care",
        ["236"] = "dental care", ["237"] = "nursing home care", ["238"] = "other care",
        ["144"] = "maximum", ["145"] = "minimum", ["146"] = "mean", ["147"] = "change", ["148"] = "total",
        ["149"] = "variation", ["150"] = "decrease", ["151"] = "increase", ["152"] = "actual", ["267"] = "mode", ["268"] = "median",
        ["253"] = "unknown", ["271"] = "no information", ["272"] = "masked", ["273"] = "not applicable",
        ["524"] = "initial", ["526"] = "planned", ["527"] = "postponed", ["528"] = "cancelled", ["529"] = "scheduled",
        ["245"] = "active", ["530"] = "suspended", ["531"] = "aborted", ["532"] = "completed", ["533"] = "expired",
        ["125"] = "pressure", ["122"] = "length", ["124"] = "mass", ["127"] = "temperature", ["382"] = "frequency",
    };

    private static readonly Dictionary<string, string> Territories = new(StringComparer.Ordinal)
    {
        ["nb"] = "NO", ["nn"] = "NO", ["no"] = "NO", ["en"] = "GB", ["de"] = "DE", ["es"] = "ES", ["fr"] = "FR",
        ["it"] = "IT", ["sv"] = "SE", ["da"] = "DK", ["nl"] = "NL", ["pt"] = "PT", ["ca"] = "ES", ["fi"] = "FI",
    };

    private int depth;

    public Composition Composition()
    {
        var composition = (Composition)Build(template.Definition)!;
        composition.ArchetypeDetails!.TemplateId = new TemplateId { Value = template.TemplateId };
        return composition;
    }

    // ---- constraint nodes ----------------------------------------------------------------------

    private RmObject? Build(CObject node)
    {
        if (depth > MaxDepth) return null;
        depth++;
        try
        {
            return node switch
            {
                CComplexObject complex => BuildComplex(complex),
                CDvQuantity quantity => Quantity(quantity),
                CCodePhrase code => Code(code),
                CDvOrdinal ordinal => Ordinal(ordinal),
                CDvScale scale => Scale(scale),
                ArchetypeInternalRef { Target: { } target } reference => BuildReference(reference, target),
                ConstraintRef reference => ConstraintCode(reference),
                ArchetypeSlot slot => FillSlot(slot),
                _ => null,
            };
        }
        finally
        {
            depth--;
        }
    }

    private RmObject? BuildReference(ArchetypeInternalRef reference, CObject target)
    {
        var value = Build(target);
        if (value is Locatable locatable && reference.NodeId.Length > 0) locatable.ArchetypeNodeId = reference.NodeId;
        return value;
    }

    private RmObject? BuildComplex(CComplexObject node)
    {
        if (Concrete(node.RmTypeName) is not { } type) return null;
        var value = type.Create();
        if (value is Locatable locatable)
        {
            if (node is CArchetypeRoot root)
            {
                locatable.ArchetypeNodeId = root.ArchetypeId;
                locatable.ArchetypeDetails = new Archetyped { ArchetypeId = new ArchetypeId { Value = root.ArchetypeId }, RmVersion = "1.1.0" };
            }
            else
            {
                locatable.ArchetypeNodeId = node.NodeId;
            }
        }

        foreach (var attribute in node.Attributes) Fill(value, type, node, attribute);

        if (value is Locatable { Name: null } named) named.Name = new DvText { Value = NameOf(node) };
        if (value is DvText { Value.Length: 0 } text && node.Parent?.RmAttributeName != "name") text.Value = ExampleText(node);
        if (value is DvCodedText coded && coded.DefiningCode.CodeString.Length > 0 && (coded.Value.Length == 0 || coded.Value == ExampleText(node)))
            coded.Value = CodeText(coded.DefiningCode, node);
        if (value is DvText { Value.Length: 0 } nameText) nameText.Value = NameOf(node.Parent?.Owner ?? node);
        Complete(value);
        return value;
    }

    private void Fill(RmObject value, RmType type, CComplexObject node, CAttribute attribute)
    {
        var name = attribute.RmAttributeName == "null_flavor" ? "null_flavour" : attribute.RmAttributeName;
        if (name == "null_flavour") return; // an example has values, not null flavours
        var rm = type.FindAttribute(name);
        if (rm is null || attribute.Existence.Upper is 0) return;
        var mandatory = attribute.Existence.Lower is >= 1 || rm.IsRequired
                        || (value is Element && name == "value")
                        || (name == "context" && value is Composition)
                        || name == "name";
        switch (rm.Kind)
        {
            case RmAttributeKind.Object:
                if (!mandatory) return;
                foreach (var child in Ordered(attribute.Children))
                {
                    if (child.Occurrences.Upper is 0 || Build(child) is not { } built) continue;
                    rm.SetObject!(value, built);
                    return;
                }

                break;
            case RmAttributeKind.List:
                FillList(value, rm, attribute, mandatory);
                break;
            default:
                if (!mandatory && !(rm.Kind == RmAttributeKind.Integer && value is DvProportion)) return;
                foreach (var child in attribute.Children)
                    if (child is CPrimitiveObject primitive && SetPrimitive(value, rm, primitive.Item, type)) return;
                break;
        }
    }

    /// <summary>Alternatives in the order an example prefers them: real constraints before slots, coded text before plain.</summary>
    private static IEnumerable<CObject> Ordered(IReadOnlyList<CObject> children) =>
        children.OrderBy(c => c is ArchetypeSlot ? 1 : 0).ThenBy(c => c.RmTypeName == "DV_TEXT" && children.Any(o => o.RmTypeName == "DV_CODED_TEXT") ? 1 : 0);

    private void FillList(RmObject value, RmAttribute rm, CAttribute attribute, bool mandatory)
    {
        var items = rm.NewList!();
        foreach (var child in attribute.Children)
        {
            if (child.Occurrences.Lower is not (>= 1 and var lower)) continue;
            for (var i = 0; i < Math.Min(lower, 3); i++)
                if (Build(child) is { } built) items.Add(built);
        }

        var needed = Math.Max(attribute.Cardinality?.Interval.Lower ?? 0, mandatory ? 1 : 0);
        if (items.Count < needed)
        {
            foreach (var child in Ordered(attribute.Children))
            {
                if (items.Count >= needed) break;
                if (child.Occurrences.Upper is 0 || child.Occurrences.Lower is >= 1) continue;
                if (Build(child) is { } built) items.Add(built);
            }
        }

        if (items.Count > 0) rm.SetList!(value, items);
    }

    private bool SetPrimitive(RmObject owner, RmAttribute rm, CPrimitive item, RmType ownerType)
    {
        switch (rm.Kind)
        {
            case RmAttributeKind.Text when PrimitiveText(item, ownerType, rm.Name) is { } text:
                rm.SetText!(owner, text);
                return true;
            case RmAttributeKind.Integer when Integer(item) is { } integer:
                rm.SetInteger!(owner, integer);
                return true;
            case RmAttributeKind.Real when Real(item) is { } real:
                rm.SetReal!(owner, real);
                return true;
            case RmAttributeKind.Boolean when item is CBoolean boolean:
                rm.SetBoolean!(owner, boolean.AssumedValue ?? boolean.TrueValid);
                return true;
            default:
                return false;
        }
    }

    // ---- primitives ----------------------------------------------------------------------------

    private string? PrimitiveText(CPrimitive item, RmType ownerType, string attribute) => item switch
    {
        CString s when s.AssumedValue is { } assumed => assumed,
        CString { List.Count: > 0 } s => s.List[0],
        CString { Pattern: { } pattern } => SampleFor(pattern),
        CString => ownerType.Name == "DV_TEXT" ? null : "example",
        CTemporal t => Temporal(t),
        _ => null,
    };

    private static long? Integer(CPrimitive item) => item switch
    {
        CInteger i when i.AssumedValue is { } a => a,
        CInteger { List.Count: > 0 } i => i.List[0],
        CInteger { Range: { } r } => (long)Pick(r.Lower, r.Upper, r.LowerIncluded, r.UpperIncluded, 1),
        CReal r => (long?)Real(r),
        _ => null,
    };

    private static double? Real(CPrimitive item) => item switch
    {
        CReal r when r.AssumedValue is { } a => a,
        CReal { List.Count: > 0 } r => r.List[0],
        CReal { Range: { } range } => Pick(range.Lower, range.Upper, range.LowerIncluded, range.UpperIncluded, 1),
        CInteger i => Integer(i),
        _ => null,
    };

    /// <summary>A number inside the interval: <paramref name="preferred"/> where it fits, else the lower bound (nudged if excluded), else below the upper.</summary>
    private static double Pick(double? lower, double? upper, bool lowerIncluded, bool upperIncluded, double preferred)
    {
        bool Fits(double v) => (lower is not { } l || (lowerIncluded ? v >= l : v > l)) && (upper is not { } u || (upperIncluded ? v <= u : v < u));
        if (Fits(preferred)) return preferred;
        if (lower is { } lo)
        {
            if (Fits(lo)) return lo;
            if (Fits(Math.Floor(lo) + 1)) return Math.Floor(lo) + 1;
            if (upper is { } hi) return (lo + hi) / 2;
        }

        if (upper is { } up) return Fits(up) ? up : Math.Ceiling(up) - 1;
        return preferred;
    }

    private static double Pick(long? lower, long? upper, bool lowerIncluded, bool upperIncluded, double preferred) =>
        Pick(lower is { } l ? (double)l : null, upper is { } u ? (double)u : null, lowerIncluded, upperIncluded, preferred);

    private string Temporal(CTemporal t)
    {
        if (t.AssumedValue is { } assumed) return assumed;
        if (t.TypeName == "DURATION")
        {
            if (t.RangeLower is { } lower && t.RangeLowerIncluded) return lower;
            if (t.RangeUpper is { } upper && t.RangeUpperIncluded) return upper;
            return Duration(t.Pattern);
        }

        if (t.RangeLower is { } low && t.RangeLowerIncluded) return low;
        if (t.RangeUpper is { } high && t.RangeUpperIncluded) return high;
        return TemporalFor(t.TypeName, t.Pattern);
    }

    /// <summary>The example instant, with the parts a pattern forbids left out (<c>yyyy-mm-XX</c> gives a year and month).</summary>
    private string TemporalFor(string typeName, string? pattern)
    {
        var utc = time.UtcDateTime;
        string[] parts =
        [
            utc.ToString("yyyy", CultureInfo.InvariantCulture), utc.ToString("MM", CultureInfo.InvariantCulture), utc.ToString("dd", CultureInfo.InvariantCulture),
            utc.ToString("HH", CultureInfo.InvariantCulture), utc.ToString("mm", CultureInfo.InvariantCulture), utc.ToString("ss", CultureInfo.InvariantCulture),
        ];
        var first = typeName == "TIME" ? 3 : 0;
        var last = typeName == "DATE" ? 2 : 5;
        var forbidden = new bool[6];
        if (pattern is not null)
        {
            var index = first;
            for (var i = 0; i < pattern.Length && index <= last;)
            {
                var c = pattern[i];
                if (c is '-' or ':' or 'T' or 't')
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < pattern.Length && pattern[i] == c) i++;
                forbidden[index++] = c is 'X' or 'x';
                _ = start;
            }
        }

        var end = first;
        while (end <= last && !forbidden[end]) end++;
        end--;
        if (end < first) end = first;
        var text = new System.Text.StringBuilder();
        for (var p = first; p <= end; p++)
        {
            if (p > first) text.Append(p switch { 1 or 2 => '-', 3 => 'T', _ => ':' });
            text.Append(parts[p]);
        }

        if (end >= 3) text.Append('Z');
        return text.ToString();
    }

    private static string Duration(string? pattern)
    {
        if (pattern is null) return "PT1H";
        var inTime = false;
        foreach (var c in pattern.ToUpperInvariant().Skip(1))
        {
            if (c == 'T')
            {
                inTime = true;
                continue;
            }

            if (c == '/') break;
            return inTime ? $"PT1{c}" : $"P1{c}";
        }

        return "PT0S";
    }

    /// <summary>A string matching an OPT pattern: the pattern itself when it is a literal, else a few tries.</summary>
    private static string SampleFor(string pattern)
    {
        var literal = Regex.Replace(pattern, @"\\(.)", "$1");
        string[] tries = [literal, "example", "XYZ", "1", "a", "A", "example@example.org", "https://example.org/"];
        foreach (var candidate in tries)
        {
            try
            {
                if (Regex.IsMatch(candidate, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromMilliseconds(100))) return candidate;
            }
            catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
            {
                break;
            }
        }

        return literal;
    }

    // ---- domain types --------------------------------------------------------------------------

    private static DvQuantity Quantity(CDvQuantity constraint)
    {
        if (constraint.Items.Count == 0)
            return constraint.AssumedValue is { } a ? new DvQuantity { Magnitude = a.Magnitude, Units = a.Units, Precision = a.Precision } : new DvQuantity { Magnitude = 1, Units = "1" };
        var item = constraint.Items[0];
        var magnitude = item.Magnitude is { } m ? Pick(m.Lower, m.Upper, m.LowerIncluded, m.UpperIncluded, 1) : 1;
        int? precision = null;
        if (item.Precision is { } p && (p.Lower ?? p.Upper) is { } places && places >= 0)
        {
            precision = places;
            magnitude = Math.Round(magnitude, Math.Min(places, 15));
        }

        return new DvQuantity { Magnitude = magnitude, Units = item.Units, Precision = precision };
    }

    private static CodePhrase Phrase(string terminology, string code) => new() { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code };

    private static CodePhrase Code(CCodePhrase constraint)
    {
        if (constraint.AssumedValue is { } assumed) return Phrase(assumed.TerminologyId.Value, assumed.CodeString);
        var terminology = constraint.TerminologyId ?? "local";
        var code = constraint.CodeList.Count > 0 ? constraint.CodeList[0] : terminology == "local" ? "at0000" : "example";
        return Phrase(terminology, code);
    }

    private CodePhrase ConstraintCode(ConstraintRef reference)
    {
        var terminology = reference.ArchetypeRoot?.Terminology.ConstraintBindings.Keys.FirstOrDefault() ?? "local";
        return Phrase(terminology, "example");
    }

    private DvOrdinal? Ordinal(CDvOrdinal constraint)
    {
        var option = constraint.AssumedValue ?? (constraint.Options.Count > 0 ? constraint.Options[0] : null);
        if (option is null) return new DvOrdinal { Value = 1, Symbol = new DvCodedText { Value = "example", DefiningCode = Phrase("local", "at0000") } };
        return new DvOrdinal { Value = option.Value, Symbol = new DvCodedText { Value = CodeText(option.Symbol, constraint), DefiningCode = Phrase(option.Symbol.TerminologyId.Value, option.Symbol.CodeString) } };
    }

    private DvScale? Scale(CDvScale constraint)
    {
        var option = constraint.AssumedValue ?? (constraint.Options.Count > 0 ? constraint.Options[0] : null);
        if (option is null) return new DvScale { Value = 1, Symbol = new DvCodedText { Value = "example", DefiningCode = Phrase("local", "at0000") } };
        return new DvScale { Value = option.Value, Symbol = new DvCodedText { Value = CodeText(option.Symbol, constraint), DefiningCode = Phrase(option.Symbol.TerminologyId.Value, option.Symbol.CodeString) } };
    }

    /// <summary>
    /// An archetype the slot allows, named from its include pattern when that pattern is (nearly) a
    /// literal id, with only what the RM requires inside; null when no id can be derived.
    /// </summary>
    private RmObject? FillSlot(ArchetypeSlot slot)
    {
        if (Concrete(slot.RmTypeName) is not { } type) return null;
        foreach (var include in slot.Includes)
        {
            var start = include.IndexOf("{/", StringComparison.Ordinal);
            var end = include.LastIndexOf("/}", StringComparison.Ordinal);
            if (start < 0 || end <= start) continue;
            var pattern = include[(start + 2)..end].Split('|')[0];
            var id = Regex.Replace(Regex.Replace(pattern, @"\([^()]*\)[*?]", ""), @"\\(.)", "$1");
            if (id.IndexOfAny(['*', '+', '?', '(', ')', '[', ']', '{', '}', '^', '$']) >= 0 || !id.Contains('.')) continue;
            var value = type.Create();
            if (value is not Locatable locatable) return null;
            locatable.ArchetypeNodeId = id;
            locatable.ArchetypeDetails = new Archetyped { ArchetypeId = new ArchetypeId { Value = id }, RmVersion = "1.1.0" };
            locatable.Name = new DvText { Value = id.Split('.')[^2].Replace('_', ' ') };
            Complete(value);
            return value;
        }

        return null;
    }

    // ---- names and texts -----------------------------------------------------------------------

    private string NameOf(CObject node)
    {
        var code = node is CArchetypeRoot root ? root.RootNodeId : node.NodeId;
        if (code.Length > 0 && node.ArchetypeRoot?.Terminology.Term(code, language) is { } term) return term.Text;
        return node is CArchetypeRoot r ? r.ArchetypeId : node.RmTypeName.ToLowerInvariant().Replace('_', ' ');
    }

    private string ExampleText(CObject node) => node.Parent?.Owner is { } owner && owner.RmTypeName == "ELEMENT" ? $"{NameOf(owner)} example" : "example";

    private string CodeText(CodePhrase code, CObject node) => code.TerminologyId.Value switch
    {
        "local" when node.ArchetypeRoot?.Terminology.Term(code.CodeString, language) is { } term => term.Text,
        "openehr" when OpenEhrTerms.TryGetValue(code.CodeString, out var text) => text,
        _ => code.CodeString,
    };

    // ---- what the RM requires ------------------------------------------------------------------

    private static readonly Dictionary<string, string> AbstractDefaults = new(StringComparer.Ordinal)
    {
        ["EVENT"] = "POINT_EVENT", ["ITEM_STRUCTURE"] = "ITEM_TREE", ["DATA_STRUCTURE"] = "ITEM_TREE", ["ITEM"] = "ELEMENT",
        ["PARTY_PROXY"] = "PARTY_SELF", ["DATA_VALUE"] = "DV_TEXT", ["DV_ORDERED"] = "DV_COUNT", ["DV_QUANTIFIED"] = "DV_COUNT",
        ["DV_AMOUNT"] = "DV_COUNT", ["DV_TEMPORAL"] = "DV_DATE_TIME", ["DV_ENCAPSULATED"] = "DV_PARSABLE",
        ["CONTENT_ITEM"] = "SECTION", ["ENTRY"] = "ADMIN_ENTRY", ["CARE_ENTRY"] = "EVALUATION", ["OBJECT_ID"] = "GENERIC_ID",
        ["UID_BASED_ID"] = "HIER_OBJECT_ID", ["DV_TIME_SPECIFICATION"] = "DV_GENERAL_TIME_SPECIFICATION", ["LOCATABLE"] = "CLUSTER",
    };

    private static RmType? Concrete(string rmTypeName)
    {
        var type = RmModel.Find(rmTypeName);
        if (type is null || !type.IsAbstract) return type;
        if (AbstractDefaults.TryGetValue(type.Name, out var name)) return RmModel.Get(name);
        return RmModel.Types.FirstOrDefault(t => !t.IsAbstract && t.IsSubtypeOf(type));
    }

    /// <summary>Fills every attribute the RM requires that the template left empty, and the RM's own rules (an ELEMENT has a value).</summary>
    private void Complete(RmObject value)
    {
        switch (value)
        {
            case Composition composition:
                composition.Language ??= Phrase("ISO_639-1", language);
                composition.Territory ??= Phrase("ISO_3166-1", Territories.GetValueOrDefault(language, "GB"));
                composition.Composer ??= new PartyIdentified { Name = "Example composer" };
                break;
            case EventContext context:
                context.StartTime ??= new DvDateTime { Value = dateTime };
                context.Setting ??= new DvCodedText { Value = "other care", DefiningCode = Phrase("openehr", "238") };
                break;
            case Entry entry:
                entry.Language ??= Phrase("ISO_639-1", language);
                entry.Encoding ??= Phrase("IANA_character-sets", "UTF-8");
                entry.Subject ??= new PartySelf();
                break;
            case Element { Value: null, NullFlavour: null } element:
                element.Value = new DvText { Value = "example" };
                break;
            case IntervalEvent intervalEvent:
                intervalEvent.Width ??= new DvDuration { Value = "PT1H" };
                intervalEvent.MathFunction ??= new DvCodedText { Value = "mean", DefiningCode = Phrase("openehr", "146") };
                break;
            case IsmTransition transition:
                transition.CurrentState ??= new DvCodedText { Value = "completed", DefiningCode = Phrase("openehr", "532") };
                break;
            case Activity { ActionArchetypeId: null or "" } activity:
                activity.ActionArchetypeId = "/.*/";
                break;
            case DvDateTime { Value.Length: 0 } dt:
                dt.Value = dateTime;
                break;
            case DvDate { Value.Length: 0 } d:
                d.Value = dateTime[..10];
                break;
            case DvTime { Value.Length: 0 } t:
                t.Value = dateTime[11..];
                break;
            case DvDuration { Value.Length: 0 } duration:
                duration.Value = "PT1H";
                break;
            case DvQuantity { Units.Length: 0 } quantity:
                quantity.Units = "1";
                break;
            case DvProportion { Denominator: 0 } proportion:
                proportion.Numerator = proportion.Type == 2 ? 50 : 1;
                proportion.Denominator = proportion.Type == 2 ? 100 : 1;
                break;
            case DvEhrUri { Value.Length: 0 } ehrUri:
                ehrUri.Value = "ehr://example/0";
                break;
            case DvUri { Value.Length: 0 } uri:
                uri.Value = "https://example.org/";
                break;
            case DvParsable parsable:
                if (parsable.Value.Length == 0) parsable.Value = "example";
                if (parsable.Formalism.Length == 0) parsable.Formalism = "text/plain";
                break;
            case DvIdentifier { Id.Length: 0 } identifier:
                identifier.Id = "example";
                break;
            case DvMultimedia multimedia:
                if (multimedia.MediaType.CodeString.Length == 0) multimedia.MediaType = Phrase("IANA_media-types", "text/plain");
                if (multimedia.Uri is null && multimedia.Data is null) multimedia.Uri = new DvUri { Value = "https://example.org/example.txt" };
                break;
            case DvInterval { Lower: null, Upper: null } interval:
                interval.LowerUnbounded = true;
                interval.UpperUnbounded = true;
                break;
            case CodePhrase { CodeString.Length: 0 } code:
                code.CodeString = "example";
                if (code.TerminologyId.Value.Length == 0) code.TerminologyId = new TerminologyId { Value = "local" };
                break;
            case DvText { Value.Length: 0 } text:
                text.Value = "example";
                break;
        }

        foreach (var attribute in value.RmType.Attributes)
        {
            if (!attribute.IsRequired) continue;
            switch (attribute.Kind)
            {
                case RmAttributeKind.Object when attribute.GetObject!(value) is null:
                    if (Concrete(attribute.ValueType!.Name) is { } type && Default(type) is { } made) attribute.SetObject!(value, made);
                    break;
                case RmAttributeKind.List when attribute.GetList!(value) is null or { Count: 0 }:
                    if (Concrete(attribute.ValueType!.Name) is { } itemType && Default(itemType) is { } item)
                    {
                        var list = attribute.NewList!();
                        list.Add(item);
                        attribute.SetList!(value, list);
                    }

                    break;
                case RmAttributeKind.Text when string.IsNullOrEmpty(attribute.GetText!(value)):
                    attribute.SetText!(value, attribute.Name switch
                    {
                        "rm_version" => "1.1.0",
                        "namespace" => "local",
                        "type" => "ANY",
                        "match" => "=",
                        _ => "example",
                    });
                    break;
            }
        }
    }

    private RmObject? Default(RmType type)
    {
        if (depth > MaxDepth) return null;
        depth++;
        try
        {
            var value = type.Create();
            if (value is Locatable locatable)
            {
                locatable.ArchetypeNodeId = "at0000";
                locatable.Name = new DvText { Value = type.Name.ToLowerInvariant().Replace('_', ' ') };
            }

            Complete(value);
            return value;
        }
        finally
        {
            depth--;
        }
    }
}
