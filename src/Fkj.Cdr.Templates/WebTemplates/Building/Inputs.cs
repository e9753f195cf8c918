using System.Globalization;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>
/// The inputs of a node: from a primitive constraint (the SDK's <c>extractInput</c>) and by RM type
/// (its <c>addInputs</c>), with the template's default values.
/// </summary>
internal static class Inputs
{
    public const string GreaterOrEqual = ">=";
    public const string Greater = ">";
    public const string LessOrEqual = "<=";
    public const string Less = "<";

    private static readonly string[] ProportionTypeNames = ["ratio", "unitary", "percent", "fraction", "integer_fraction"];

    /// <summary>The input a C_PRIMITIVE_OBJECT stands for: its type, list, range, pattern and assumed value.</summary>
    public static DraftInput FromPrimitive(CPrimitiveObject primitive)
    {
        var rmType = primitive.RmTypeName.Length > 0 ? primitive.RmTypeName : primitive.Item.TypeName;
        var type = rmType.Replace("_", "") switch
        {
            "REAL" => "DECIMAL",
            "STRING" => "TEXT",
            var other => other,
        };
        var input = new DraftInput(null, type);
        string? pattern = null;
        WebTemplateInterval? range = null;
        switch (primitive.Item)
        {
            case CTemporal temporal:
                pattern = temporal.Pattern;
                input.DefaultValue = temporal.AssumedValue;
                if (temporal.TypeName == "DURATION" && (temporal.RangeLower is not null || temporal.RangeUpper is not null))
                {
                    input.DurationRange = (
                        temporal.RangeLower, temporal.RangeLower is null ? null : temporal.RangeLowerIncluded ? GreaterOrEqual : Greater,
                        temporal.RangeUpper, temporal.RangeUpper is null ? null : temporal.RangeUpperIncluded ? LessOrEqual : Less);
                }

                break;
            case CString text:
                pattern = text.Pattern;
                input.DefaultValue = text.AssumedValue;
                foreach (var item in text.List) input.List.Add(new DraftValue { Value = item, Label = item });
                input.ListOpen = text.ListOpen;
                break;
            case CInteger integer:
                input.DefaultValue = integer.AssumedValue?.ToString(CultureInfo.InvariantCulture);
                range = integer.Range is { } r ? IntegerInterval(r) : null;
                foreach (var item in integer.List) input.List.Add(new DraftValue { Value = item.ToString(CultureInfo.InvariantCulture) });
                break;
            case CReal real:
                input.DefaultValue = real.AssumedValue is { } a ? JavaDouble(a) : null;
                range = real.Range is { } rr ? RealInterval(rr) : null;
                break;
            case CBoolean boolean:
                input.DefaultValue = boolean.AssumedValue is { } b ? (b ? "true" : "false") : null;
                if (boolean.TrueValid != boolean.FalseValid)
                {
                    var text = boolean.TrueValid ? "true" : "false";
                    input.List.Add(new DraftValue { Value = text, Label = text });
                }

                break;
        }

        if (!string.IsNullOrWhiteSpace(pattern) || range is not null)
            input.Validation = new DraftValidation(range, null, string.IsNullOrWhiteSpace(pattern) ? null : pattern);
        return input;
    }

    public static WebTemplateInterval RealInterval(Interval<double> interval) =>
        new(interval.Lower, interval.Lower is null ? null : interval.LowerIncluded ? GreaterOrEqual : Greater,
            interval.Upper, interval.Upper is null ? null : interval.UpperIncluded ? LessOrEqual : Less, IsInteger: false);

    /// <summary>An integer interval, with exclusive bounds made inclusive (&lt; 5 becomes &lt;= 4) as the SDK does.</summary>
    public static WebTemplateInterval IntegerInterval(Interval<long> interval)
    {
        double? min = interval.Lower;
        double? max = interval.Upper;
        string? minOp = min is null ? null : GreaterOrEqual;
        string? maxOp = max is null ? null : LessOrEqual;
        if (min is not null && !interval.LowerIncluded) min += 1;
        if (max is not null && !interval.UpperIncluded) max -= 1;
        return new WebTemplateInterval(min, minOp, max, maxOp, IsInteger: true);
    }

    public static WebTemplateInterval IntegerInterval(Interval<int> interval) =>
        IntegerInterval(new Interval<long>(interval.Lower, interval.Upper, interval.LowerIncluded, interval.UpperIncluded));

    /// <summary>
    /// The inputs by RM type where the template gives no domain constraint: <paramref name="fromTemplate"/>
    /// holds the inputs of the node's primitive attributes by attribute name.
    /// </summary>
    public static void AddByRmType(DraftNode node, IReadOnlyDictionary<string, DraftInput> fromTemplate)
    {
        var inputs = node.Inputs;
        DraftInput Template(string attribute, string? suffix, string type) =>
            fromTemplate.TryGetValue(attribute, out var input) ? input : new DraftInput(suffix, type);

        switch (node.RmType)
        {
            case "DV_DATE":
                inputs.Add(Template("value", null, "DATE"));
                break;
            case "DV_DATE_TIME":
                inputs.Add(Template("value", null, "DATETIME"));
                break;
            case "DV_TIME":
                inputs.Add(Template("value", null, "TIME"));
                break;
            case "DV_ORDINAL":
                inputs.Add(Template("value", null, "CODED_TEXT"));
                break;
            case "PARTY_PROXY":
                inputs.Add(new DraftInput("id", "TEXT"));
                inputs.Add(new DraftInput("id_scheme", "TEXT"));
                inputs.Add(new DraftInput("id_namespace", "TEXT"));
                inputs.Add(new DraftInput("name", "TEXT"));
                break;
            case "DV_PARSABLE":
                inputs.Add(new DraftInput("value", "TEXT"));
                inputs.Add(new DraftInput("formalism", "TEXT"));
                break;
            case "DV_TEXT" or "DV_EHR_URI" or "DV_URI" or "DV_MULTIMEDIA" or "UID_BASED_ID" or "STRING":
                inputs.Add(Template("value", null, "TEXT"));
                break;
            case "DV_COUNT":
            {
                var magnitude = Template("magnitude", null, "INTEGER");
                if (Default(node, "magnitude") is { } d) magnitude.DefaultValue = d;
                inputs.Add(magnitude);
                break;
            }
            case "DV_QUANTITY":
            {
                var magnitude = Template("magnitude", "magnitude", "DECIMAL");
                if (Default(node, "magnitude") is { } d) magnitude.DefaultValue = d;
                inputs.Add(magnitude);
                inputs.Add(new DraftInput("unit", "TEXT"));
                break;
            }
            case "DV_BOOLEAN":
                inputs.Add(Template("value", null, "BOOLEAN"));
                break;
            case "DV_STATE" or "DV_CODED_TEXT":
                inputs.Add(new DraftInput("code", "TEXT"));
                inputs.Add(new DraftInput("value", "TEXT"));
                break;
            case "DV_PROPORTION":
            {
                var numerator = Template("numerator", "numerator", "DECIMAL");
                numerator.Suffix = "numerator";
                inputs.Add(numerator);
                var denominator = Template("denominator", "denominator", "DECIMAL");
                denominator.Suffix = "denominator";
                var types = fromTemplate.TryGetValue("type", out var typeInput)
                    ? typeInput.List.Select(v => int.TryParse(v.Value, CultureInfo.InvariantCulture, out var id) && id is >= 0 and < 5 ? ProportionTypeNames[id] : null)
                        .OfType<string>().ToList()
                    : [];
                if (types.Count == 0) types = [.. ProportionTypeNames];
                else if (types.Count == 1 && types[0] == "unitary")
                    denominator.Validation = new DraftValidation(new WebTemplateInterval(1, GreaterOrEqual, 1, LessOrEqual, IsInteger: true), null, null);
                else if (types.Count == 1 && types[0] == "percent")
                    denominator.Validation = new DraftValidation(new WebTemplateInterval(100, GreaterOrEqual, 100, LessOrEqual, IsInteger: false), null, null);
                node.ProportionTypes.AddRange(types);
                inputs.Add(denominator);
                break;
            }
            case "DV_IDENTIFIER":
                inputs.Add(new DraftInput("id", "TEXT"));
                inputs.Add(new DraftInput("type", "TEXT"));
                inputs.Add(new DraftInput("issuer", "TEXT"));
                inputs.Add(new DraftInput("assigner", "TEXT"));
                break;
            case "DV_DURATION":
                AddDurationInputs(node, fromTemplate.GetValueOrDefault("value"));
                break;
        }

        foreach (var input in inputs)
        {
            if (Default(node, string.IsNullOrWhiteSpace(input.Suffix) ? "value" : input.Suffix) is { } d) input.DefaultValue = d;
        }
    }

    /// <summary>
    /// DV_DURATION: one INTEGER input per part the pattern allows (all without a pattern), each at
    /// least 0 or bounded by the part of the range's bounds, as the SDK splits them.
    /// </summary>
    private static void AddDurationInputs(DraftNode node, DraftInput? template)
    {
        var pattern = template?.Validation?.Pattern;
        var range = template?.DurationRange;
        var min = DurationParts(range?.Min);
        var max = DurationParts(range?.Max);
        var defaults = DurationParts(Default(node, "value"));
        int? fallback = defaults.Count == 0 ? null : 0;
        var blank = string.IsNullOrWhiteSpace(pattern);
        var p = pattern ?? "";
        var tail = SubstringAfter(p, "T");
        var datePart = tail.Length > 0 && p.EndsWith(tail, StringComparison.Ordinal) ? p[..^tail.Length] : p;

        void Part(string symbol, string suffix, string key, string partPattern)
        {
            if (!blank && !partPattern.Contains(symbol, StringComparison.Ordinal)) return;
            double lower = 0;
            var lowerOp = GreaterOrEqual;
            double? upper = null;
            string? upperOp = null;
            if (min.TryGetValue(key, out var mn))
            {
                lower = mn;
                lowerOp = range?.MinOp!;
            }

            if (max.TryGetValue(key, out var mx))
            {
                upper = mx;
                upperOp = range?.MaxOp;
            }

            var input = new DraftInput(suffix, "INTEGER")
            {
                Validation = new DraftValidation(new WebTemplateInterval(lower, lowerOp, upper, upperOp, IsInteger: true), null, null),
            };
            var value = defaults.TryGetValue(key, out var dv) ? dv : fallback;
            if (value is not null) input.DefaultValue = value.Value.ToString(CultureInfo.InvariantCulture);
            node.Inputs.Add(input);
        }

        Part("Y", "year", "Y", p);
        Part("M", "month", "M", datePart);
        Part("D", "day", "D", p);
        Part("W", "week", "W", p);
        Part("H", "hour", "H", p);
        Part("M", "minute", "MT", SubstringAfter(p, "D"));
        Part("S", "second", "S", p);
    }

    private static string SubstringAfter(string text, string separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? "" : text[(at + separator.Length)..];
    }

    /// <summary>The SDK's reading of an ISO 8601 duration: part letter → number, minutes as <c>MT</c>.</summary>
    private static Dictionary<string, int> DurationParts(string? duration)
    {
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(duration)) return parts;
        var date = true;
        var digits = "";
        foreach (var c in duration)
        {
            if (c == 'T') date = false;
            else if (c is >= '0' and <= '9') digits += c;
            else if (c != 'P')
            {
                var key = !date && c == 'M' ? "MT" : c.ToString();
                parts[key] = int.TryParse(digits, CultureInfo.InvariantCulture, out var n) ? n : 0;
                digits = "";
            }
        }

        return parts;
    }

    /// <summary>
    /// The template's default for one attribute of the node's value (the SDK's defaults by path and
    /// attribute): <c>magnitude</c>, <c>units</c>, <c>value</c>, <c>defining_code</c>, …
    /// </summary>
    public static string? Default(DraftNode node, string attribute)
    {
        if (node.Constraint?.DefaultValue is not { } value) return null;
        if (attribute == "defining_code")
        {
            return value switch
            {
                DvCodedText coded => coded.DefiningCode.CodeString,
                DvOrdinal ordinal => ordinal.Symbol.DefiningCode.CodeString,
                _ => null,
            };
        }

        if (value.RmType.FindAttribute(attribute) is not { } rm) return null;
        return rm.Kind switch
        {
            RmAttributeKind.Text => rm.GetText!(value),
            RmAttributeKind.Integer => rm.GetInteger!(value)?.ToString(CultureInfo.InvariantCulture),
            RmAttributeKind.Real => rm.GetReal!(value) is { } d ? JavaDouble(d) : null,
            RmAttributeKind.Boolean => rm.GetBoolean!(value) is { } b ? (b ? "true" : "false") : null,
            _ => null,
        };
    }

    /// <summary>A double as Java's Double.toString writes it for ordinary magnitudes: 65.0, 36.7.</summary>
    public static string JavaDouble(double value)
    {
        if (double.IsFinite(value) && Math.Abs(value) is >= 1e-3 and < 1e7 or 0)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.Contains('.') || text.Contains('E') ? text : text + ".0";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
