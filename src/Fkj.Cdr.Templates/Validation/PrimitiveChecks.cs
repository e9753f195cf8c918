using System.Globalization;
using System.Text.RegularExpressions;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>A compiled C_PRIMITIVE item. Errors name the attribute (<paramref name="attribute"/>) below the current path.</summary>
internal abstract class PrimitiveCheck
{
    public virtual void CheckText(string value, string attribute, ValidationContext context) { }

    public virtual void CheckInteger(long value, string attribute, ValidationContext context) => CheckReal(value, attribute, context);

    public virtual void CheckReal(double value, string attribute, ValidationContext context) { }

    public virtual void CheckBoolean(bool value, string attribute, ValidationContext context) { }

    protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

internal sealed class StringCheck : PrimitiveCheck
{
    private readonly string[] list;
    private readonly HashSet<string>? set;
    private readonly PatternMatcher? regex;
    private readonly string text;

    public StringCheck(CString constraint, Func<string, PatternMatcher> compile)
    {
        list = constraint.ListOpen ? [] : [.. constraint.List];
        if (list.Length > 8) set = new HashSet<string>(list, StringComparer.Ordinal);
        regex = constraint.Pattern is { } pattern ? compile(pattern) : null;
        text = constraint.Pattern is { } p ? $"/{p}/" : $"[{string.Join('|', constraint.List.Select(s => $"\"{s}\""))}]";
    }

    public override void CheckText(string value, string attribute, ValidationContext context)
    {
        if (regex is not null)
        {
            bool matches;
            try
            {
                matches = regex.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                if (context.Fail())
                    context.Error(ValidationErrorCodes.PatternMismatch, text, Excerpt(value), "the text took too long to match the template's pattern", attribute);
                return;
            }

            if (!matches && context.Fail())
                context.Error(ValidationErrorCodes.PatternMismatch, text, Excerpt(value), $"'{Excerpt(value)}' does not match the pattern {text}", attribute);
            return;
        }

        if (list.Length == 0) return;
        if (set is not null ? set.Contains(value) : Array.IndexOf(list, value) >= 0) return;
        if (context.Fail())
            context.Error(ValidationErrorCodes.StringNotAllowed, text, Excerpt(value), $"'{Excerpt(value)}' is not one of {text}", attribute);
    }

    private static string Excerpt(string value) => value.Length <= 200 ? value : value[..200] + "…";
}

internal sealed class IntegerCheck(CInteger constraint) : PrimitiveCheck
{
    private readonly long[] list = [.. constraint.List];
    private readonly Interval<long>? range = constraint.Range;
    private readonly string text = constraint.Range is { } r ? r.ToString() : $"[{string.Join('|', constraint.List)}]";

    public override void CheckInteger(long value, string attribute, ValidationContext context)
    {
        if (Allowed(value)) return;
        if (context.Fail())
            context.Error(ValidationErrorCodes.OutOfRange, text, value.ToString(CultureInfo.InvariantCulture),
                $"{attribute} {value} is outside {text}", attribute);
    }

    public override void CheckReal(double value, string attribute, ValidationContext context)
    {
        if (Math.Floor(value) == value && value is >= long.MinValue and <= long.MaxValue && Allowed((long)value)) return;
        if (context.Fail())
            context.Error(ValidationErrorCodes.OutOfRange, text, Number(value), $"{attribute} {Number(value)} is outside {text}", attribute);
    }

    private bool Allowed(long value)
    {
        if (range is { } r && !r.Contains(value)) return false;
        return list.Length == 0 || Array.IndexOf(list, value) >= 0;
    }
}

internal sealed class RealCheck(CReal constraint) : PrimitiveCheck
{
    private readonly double[] list = [.. constraint.List];
    private readonly Interval<double>? range = constraint.Range;
    private readonly string text = constraint.Range is { } r ? r.ToString() : $"[{string.Join('|', constraint.List)}]";

    public override void CheckReal(double value, string attribute, ValidationContext context)
    {
        if (range is { } r && !r.Contains(value) || list.Length > 0 && Array.IndexOf(list, value) < 0)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.OutOfRange, text, Number(value), $"{attribute} {Number(value)} is outside {text}", attribute);
        }
    }
}

internal sealed class BooleanCheck(CBoolean constraint) : PrimitiveCheck
{
    private readonly bool trueValid = constraint.TrueValid;
    private readonly bool falseValid = constraint.FalseValid;

    public override void CheckBoolean(bool value, string attribute, ValidationContext context)
    {
        if (value ? trueValid : falseValid) return;
        if (context.Fail())
            context.Error(ValidationErrorCodes.BooleanNotAllowed, trueValid ? "true" : "false", value ? "true" : "false",
                $"{attribute} must be {(trueValid ? "true" : "false")}", attribute);
    }
}

/// <summary>C_DATE, C_TIME, C_DATE_TIME and C_DURATION: validity, ADL pattern and range.</summary>
internal sealed class TemporalCheck : PrimitiveCheck
{
    private readonly string typeName;
    private readonly TemporalPattern? pattern;
    private readonly DurationPattern? durationPattern;
    private readonly double? lower, upper;
    private readonly bool lowerIncluded, upperIncluded;
    private readonly string rangeText;
    private readonly bool reportInvalid;

    /// <param name="reportInvalid">False where the RM rules already report an invalid value (the value of a DV_DATE_TIME, …).</param>
    public TemporalCheck(CTemporal constraint, bool reportInvalid)
    {
        typeName = constraint.TypeName;
        this.reportInvalid = reportInvalid;
        if (constraint.Pattern is { } p)
        {
            if (typeName == "DURATION") durationPattern = DurationPattern.Parse(p);
            else pattern = TemporalPattern.Parse(p, typeName == "TIME" ? IsoTemporal.Hour : IsoTemporal.Year);
        }

        lower = constraint.RangeLower is { } l ? Key(l) : null;
        upper = constraint.RangeUpper is { } u ? Key(u) : null;
        lowerIncluded = constraint.RangeLowerIncluded;
        upperIncluded = constraint.RangeUpperIncluded;
        rangeText = constraint.RangeLower is null && constraint.RangeUpper is null
            ? ""
            : $"{(constraint.RangeLowerIncluded ? "" : ">")}{constraint.RangeLower ?? "*"}..{(constraint.RangeUpperIncluded ? "" : "<")}{constraint.RangeUpper ?? "*"}";
    }

    private double? Key(string text)
    {
        if (typeName == "DURATION") return IsoDuration.TryParse(text, out var d) ? d.Seconds : null;
        return Parse(text, out var t) ? t.SortKey() : null;
    }

    private bool Parse(ReadOnlySpan<char> text, out IsoTemporal value) => typeName switch
    {
        "DATE" => IsoTemporal.TryParseDate(text, out value),
        "TIME" => IsoTemporal.TryParseTime(text, out value),
        _ => IsoTemporal.TryParseDateTime(text, out value),
    };

    public override void CheckText(string value, string attribute, ValidationContext context)
    {
        double key;
        if (typeName == "DURATION")
        {
            if (!IsoDuration.TryParse(value, out var duration))
            {
                Invalid(value, attribute, context);
                return;
            }

            if (durationPattern is not null && (duration.NonZeroParts & ~durationPattern.Allowed) != 0 && context.Fail())
                context.Error(ValidationErrorCodes.TemporalPattern, durationPattern.Text, value,
                    $"duration {value} uses parts the pattern {durationPattern.Text} does not allow", attribute);
            key = duration.Seconds;
        }
        else
        {
            if (!Parse(value, out var temporal))
            {
                Invalid(value, attribute, context);
                return;
            }

            if (pattern is not null && pattern.Violation(temporal) is var part and >= 0 && context.Fail())
                context.Error(ValidationErrorCodes.TemporalPattern, pattern.Text, value,
                    temporal.Has(part)
                        ? $"'{value}' has a {TemporalPattern.PartName(part)}, which the pattern {pattern.Text} forbids"
                        : $"'{value}' lacks the {TemporalPattern.PartName(part)} the pattern {pattern.Text} requires",
                    attribute);
            key = temporal.SortKey();
        }

        var below = lower is { } l && (lowerIncluded ? key < l : key <= l);
        var above = upper is { } u && (upperIncluded ? key > u : key >= u);
        if ((below || above) && context.Fail())
            context.Error(ValidationErrorCodes.OutOfRange, rangeText, value, $"{value} is outside {rangeText}", attribute);
    }

    private void Invalid(string value, string attribute, ValidationContext context)
    {
        if (reportInvalid && context.Fail())
            context.Error(ValidationErrorCodes.InvalidTemporal, $"ISO 8601 {typeName.ToLowerInvariant().Replace('_', '-')}", value,
                $"'{value}' is not a valid ISO 8601 {typeName.ToLowerInvariant().Replace('_', '-')}", attribute);
    }
}

/// <summary>
/// ACTIVITY.action_archetype_id holds a regular expression itself (which ACTION archetypes may act on
/// the activity), and templates constrain it with that same expression as a C_STRING pattern. An
/// archetype id there must match the pattern; an expression, which cannot be compared with another
/// one, passes when it is the template's own or otherwise a regular expression.
/// </summary>
internal sealed class ActionArchetypeIdCheck(StringCheck inner, string? pattern) : PrimitiveCheck
{
    private static readonly System.Buffers.SearchValues<char> RegexCharacters = System.Buffers.SearchValues.Create("\\*+?()[]{}|/^$");

    public override void CheckText(string value, string attribute, ValidationContext context)
    {
        if (value == pattern || value.AsSpan().IndexOfAny(RegexCharacters) >= 0) return;
        inner.CheckText(value, attribute, context);
    }
}
