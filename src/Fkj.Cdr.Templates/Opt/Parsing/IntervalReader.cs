using System.Xml.Linq;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Reads the schema's INTERVAL_OF_* elements: <c>lower_unbounded</c>/<c>upper_unbounded</c> say
/// whether a bound exists, <c>lower</c>/<c>upper</c> give it, and <c>*_included</c> (true when absent)
/// whether it belongs to the interval. An unbounded side becomes a null bound. An interval whose
/// lower bound exceeds its upper one, or that is empty, is reported as inconsistent.
/// </summary>
internal static class IntervalReader
{
    public static Interval<int>? ReadInt32(OptContext context, XElement element, string what) =>
        Read(context, element, what, context.Int32, v => v.ToString());

    public static Interval<long>? ReadInt64(OptContext context, XElement element, string what) =>
        Read(context, element, what, context.Integer, v => v.ToString());

    public static Interval<double>? ReadReal(OptContext context, XElement element, string what) =>
        Read(context, element, what, context.Real, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Occurrences, existence and cardinality: whole numbers from 0, the lower one bounded.</summary>
    public static Interval<int>? ReadMultiplicity(OptContext context, XElement element, string what, int? maxUpper = null)
    {
        var interval = ReadInt32(context, element, what);
        if (interval is not { } value) return null;
        if (value.Lower is not { } lower || lower < 0)
        {
            context.Error(OptErrorCodes.InvalidInterval, $"{what} {value} must have a lower bound of 0 or more", element);
            return null;
        }

        if (maxUpper is { } max && (value.Upper is not { } upper || upper > max))
        {
            context.Error(OptErrorCodes.InvalidInterval, $"{what} {value} must lie within 0..{max}", element);
            return null;
        }

        return value;
    }

    /// <summary>A temporal range (dates, times, durations), its bounds kept as ISO 8601 text.</summary>
    public static (string? Lower, string? Upper, bool LowerIncluded, bool UpperIncluded)? ReadText(
        OptContext context, XElement element, string what, Func<string, bool> isValid)
    {
        var shape = ReadShape(context, element, what);
        if (shape is null) return null;
        var (lowerElement, upperElement, lowerIncluded, upperIncluded) = shape.Value;
        var lower = Bound(lowerElement);
        var upper = Bound(upperElement);
        if ((lowerElement is not null && lower is null) || (upperElement is not null && upper is null)) return null;
        return (lower, upper, lower is not null && lowerIncluded, upper is not null && upperIncluded);

        string? Bound(XElement? bound)
        {
            if (bound is null) return null;
            var text = context.Text(bound)?.Trim();
            if (text is null) return null;
            if (isValid(text)) return text;
            context.Error(OptErrorCodes.InvalidValue, $"{what}: '{OptContext.Excerpt(text)}' is not a valid bound", bound);
            return null;
        }
    }

    private static Interval<T>? Read<T>(OptContext context, XElement element, string what, Func<XElement, T?> parse, Func<T, string> format)
        where T : struct, IComparable<T>
    {
        var shape = ReadShape(context, element, what);
        if (shape is null) return null;
        var (lowerElement, upperElement, lowerIncluded, upperIncluded) = shape.Value;
        T? lower = lowerElement is null ? null : parse(lowerElement);
        T? upper = upperElement is null ? null : parse(upperElement);
        if ((lowerElement is not null && lower is null) || (upperElement is not null && upper is null)) return null;

        var interval = new Interval<T>(lower, upper, lower is not null && lowerIncluded, upper is not null && upperIncluded);
        if (lower is { } l && upper is { } u)
        {
            var order = l.CompareTo(u);
            if (order > 0)
            {
                context.Error(OptErrorCodes.InvalidInterval,
                    $"{what} {format(l)}..{format(u)} is inconsistent: the lower bound is greater than the upper bound", element);
                return null;
            }

            if (order == 0 && !(lowerIncluded && upperIncluded))
            {
                context.Error(OptErrorCodes.InvalidInterval,
                    $"{what} {interval} is empty: its only value {format(l)} is excluded", element);
                return null;
            }
        }

        return interval;
    }

    /// <summary>The bound elements and inclusion flags, with the unbounded flags checked against the bounds given.</summary>
    private static (XElement? Lower, XElement? Upper, bool LowerIncluded, bool UpperIncluded)? ReadShape(
        OptContext context, XElement element, string what)
    {
        var errors = context.ErrorCount;
        var kids = context.Check(element, OptSchema.Interval);
        var lowerElement = kids.One("lower");
        var upperElement = kids.One("upper");
        var lowerUnbounded = context.Boolean(kids.One("lower_unbounded"));
        var upperUnbounded = context.Boolean(kids.One("upper_unbounded"));
        var lowerIncluded = context.Boolean(kids.One("lower_included")) ?? true;
        var upperIncluded = context.Boolean(kids.One("upper_included")) ?? true;
        Side("lower", lowerUnbounded, lowerElement);
        Side("upper", upperUnbounded, upperElement);
        if (context.ErrorCount != errors) return null;
        return (lowerUnbounded == true ? null : lowerElement, upperUnbounded == true ? null : upperElement, lowerIncluded, upperIncluded);

        void Side(string side, bool? unbounded, XElement? bound)
        {
            if (unbounded == true && bound is not null)
                context.Error(OptErrorCodes.InvalidInterval, $"{what} has a {side} bound but {side}_unbounded is true", bound);
            else if (unbounded == false && bound is null)
                context.Error(OptErrorCodes.InvalidInterval, $"{what} has {side}_unbounded false but no {side} bound", element);
        }
    }
}
