using System.Globalization;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataStructures;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// The Reference Model's own rules, which hold whatever the template says: an ELEMENT has a value or
/// a null flavour, dates and durations are valid ISO 8601, DV_PROPORTION and DV_INTERVAL invariants,
/// the <c>ehr:</c> scheme of DV_EHR_URI. <see cref="Walk"/> applies them to a subtree the template does
/// not constrain, so no part of a composition goes unchecked.
/// </summary>
internal static class RmRules
{
    /// <summary>The object- and list-valued attributes of each RM type, the ones a walk descends into.</summary>
    private static readonly Dictionary<RmType, RmAttribute[]> Children = BuildChildren();

    private static Dictionary<RmType, RmAttribute[]> BuildChildren()
    {
        var map = new Dictionary<RmType, RmAttribute[]>();
        foreach (var type in RmModel.Types)
        {
            var list = new List<RmAttribute>();
            foreach (var attribute in type.Attributes)
                if (attribute.Kind is RmAttributeKind.Object or RmAttributeKind.List) list.Add(attribute);
            map[type] = [.. list];
        }

        return map;
    }

    public static RmAttribute[] ChildAttributes(RmType type) => Children[type];

    /// <summary>Checks <paramref name="value"/> and everything below it against the RM rules only.</summary>
    public static void Walk(RmObject value, ValidationContext context)
    {
        Check(value, context);
        WalkAttributes(value, Children[value.RmType], context);
    }

    /// <summary>Walks the given attributes of <paramref name="value"/> (those the template leaves unconstrained).</summary>
    public static void WalkAttributes(RmObject value, RmAttribute[] attributes, ValidationContext context)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Kind == RmAttributeKind.Object)
            {
                if (attribute.GetObject!(value) is not { } child) continue;
                context.Push(attribute.Name, child);
                Walk(child, context);
                context.Pop();
            }
            else if (attribute.GetList!(value) is { Count: > 0 } list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not RmObject item) continue;
                    context.PushItem(attribute.Name, list, i, item);
                    Walk(item, context);
                    context.Pop();
                }
            }
        }
    }

    /// <summary>The invariants of <paramref name="value"/>'s own type (not of its children).</summary>
    public static void Check(RmObject value, ValidationContext context)
    {
        switch (value)
        {
            case Element element:
                CheckElement(element, context);
                break;
            case DvDateTime dateTime:
                if (!IsoTemporal.TryParseDateTime(dateTime.Value, out _)) InvalidTemporal(dateTime.Value, "date-time", context);
                break;
            case DvDate date:
                if (!IsoTemporal.TryParseDate(date.Value, out _)) InvalidTemporal(date.Value, "date", context);
                break;
            case DvTime time:
                if (!IsoTemporal.TryParseTime(time.Value, out _)) InvalidTemporal(time.Value, "time", context);
                break;
            case DvDuration duration:
                if (!IsoDuration.TryParse(duration.Value, out _)) InvalidTemporal(duration.Value, "duration", context);
                break;
            case DvProportion proportion:
                CheckProportion(proportion, context);
                break;
            case DvInterval interval:
                CheckInterval(interval, context);
                break;
            case DvEhrUri ehrUri:
                if (!ehrUri.Value.StartsWith("ehr:", StringComparison.OrdinalIgnoreCase) && context.Fail())
                    context.Error(ValidationErrorCodes.RmInvariant, "ehr:…", ehrUri.Value,
                        "a DV_EHR_URI must use the ehr: scheme (invariant Scheme_validity)", "value");
                break;
        }
    }

    private static void InvalidTemporal(string text, string kind, ValidationContext context)
    {
        if (context.Fail())
            context.Error(ValidationErrorCodes.InvalidTemporal, $"ISO 8601 {kind}", text, $"'{text}' is not a valid ISO 8601 {kind}", "value");
    }

    private static readonly string[] NullFlavours = ["253", "271", "272", "273"];

    private static void CheckElement(Element element, ValidationContext context)
    {
        if (element.Value is null && element.NullFlavour is null)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.ElementValue, "value or null_flavour", "",
                    "an ELEMENT needs a value or, when there is none, a null_flavour", "value");
        }
        else if (element.Value is not null && element.NullFlavour is not null)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.ElementValue, "value or null_flavour, not both", "both",
                    "an ELEMENT with a value must not have a null_flavour (invariant Inv_null_flavour_not_indicated)", "null_flavour");
        }
        else if (element.NullFlavour is { } flavour)
        {
            var code = flavour.DefiningCode;
            if ((code.TerminologyId.Value != "openehr" || Array.IndexOf(NullFlavours, code.CodeString) < 0) && context.Fail())
                context.Error(ValidationErrorCodes.CodeNotAllowed, "openehr::[253|271|272|273]", $"{code.TerminologyId.Value}::{code.CodeString}",
                    "a null_flavour must be one of the openEHR null flavours (no information, masked, not applicable, unknown)", "null_flavour/defining_code");
        }
    }

    private static bool Integral(double value) => Math.Floor(value) == value;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void CheckProportion(DvProportion proportion, ValidationContext context)
    {
        var type = proportion.Type;
        if (type is < 0 or > 4)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, "0..4", type.ToString(CultureInfo.InvariantCulture),
                    "a DV_PROPORTION's type must be a PROPORTION_KIND: 0 ratio, 1 unitary, 2 percent, 3 fraction, 4 integer fraction (invariant Type_validity)", "type");
            return;
        }

        if (proportion.Denominator == 0)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, "≠ 0", "0", "a DV_PROPORTION's denominator must not be 0 (invariant Valid_denominator)", "denominator");
        }
        else if (type == 1 && proportion.Denominator != 1)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, "1", Number(proportion.Denominator),
                    "a unitary DV_PROPORTION (type 1) must have denominator 1 (invariant Unitary_validity)", "denominator");
        }
        else if (type == 2 && proportion.Denominator != 100)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, "100", Number(proportion.Denominator),
                    "a percent DV_PROPORTION (type 2) must have denominator 100 (invariant Percent_validity)", "denominator");
        }

        var integral = Integral(proportion.Numerator) && Integral(proportion.Denominator);
        if (type is 3 or 4 && !integral)
        {
            var which = Integral(proportion.Numerator) ? "denominator" : "numerator";
            var found = which == "numerator" ? proportion.Numerator : proportion.Denominator;
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, "an integer", Number(found),
                    $"{(type == 3 ? "a fraction" : "an integer fraction")} DV_PROPORTION must have an integral numerator and denominator (invariant Fraction_validity)", which);
        }

        if (proportion.Precision == 0 && !integral && context.Fail())
            context.Error(ValidationErrorCodes.RmInvariant, "integral numerator and denominator", $"{Number(proportion.Numerator)}/{Number(proportion.Denominator)}",
                "a DV_PROPORTION with precision 0 must be integral (invariant Precision_validity)", "precision");
    }

    private static void CheckInterval(DvInterval interval, ValidationContext context)
    {
        if (interval.Lower is null != interval.LowerUnbounded)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, interval.LowerUnbounded ? "no lower" : "lower present", interval.Lower is null ? "" : "lower",
                    "a DV_INTERVAL has a lower bound exactly when lower_unbounded is false (invariant Lower_unbounded)", "lower_unbounded");
        }

        if (interval.Upper is null != interval.UpperUnbounded)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, interval.UpperUnbounded ? "no upper" : "upper present", interval.Upper is null ? "" : "upper",
                    "a DV_INTERVAL has an upper bound exactly when upper_unbounded is false (invariant Upper_unbounded)", "upper_unbounded");
        }

        if (interval.Lower is not { } lower || interval.Upper is not { } upper) return;
        if (lower.RmType != upper.RmType)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.RmInvariant, lower.RmType.Name, upper.RmType.Name,
                    "a DV_INTERVAL's bounds must be of one type", "upper");
            return;
        }

        if (lower is DvQuantity ql && upper is DvQuantity qu && ql.Units != qu.Units) return; // no unit conversion here
        if (Key(lower) is { } l && Key(upper) is { } u && l > u && context.Fail())
            context.Error(ValidationErrorCodes.RmInvariant, "lower ≤ upper", $"{Describe(lower)} > {Describe(upper)}",
                "a DV_INTERVAL's lower bound must not exceed its upper bound (invariant Limits_consistent)", null);
    }

    /// <summary>A number to compare interval bounds by, or null when the type has no simple order (or units differ).</summary>
    private static double? Key(DvOrdered value) => value switch
    {
        DvCount count => count.Magnitude,
        DvQuantity quantity => quantity.Magnitude,
        DvOrdinal ordinal => ordinal.Value,
        DvScale scale => scale.Value,
        DvProportion proportion when proportion.Denominator != 0 => proportion.Numerator / proportion.Denominator,
        DvDateTime dateTime when IsoTemporal.TryParseDateTime(dateTime.Value, out var t) => t.SortKey(),
        DvDate date when IsoTemporal.TryParseDate(date.Value, out var t) => t.SortKey(),
        DvTime time when IsoTemporal.TryParseTime(time.Value, out var t) => t.SortKey(),
        DvDuration duration when IsoDuration.TryParse(duration.Value, out var d) => d.Seconds,
        _ => null,
    };

    private static string Describe(DvOrdered value) => value switch
    {
        DvCount count => count.Magnitude.ToString(CultureInfo.InvariantCulture),
        DvQuantity quantity => $"{Number(quantity.Magnitude)} {quantity.Units}",
        DvOrdinal ordinal => ordinal.Value.ToString(CultureInfo.InvariantCulture),
        DvScale scale => Number(scale.Value),
        DvProportion proportion => $"{Number(proportion.Numerator)}/{Number(proportion.Denominator)}",
        DvDateTime dateTime => dateTime.Value,
        DvDate date => date.Value,
        DvTime time => time.Value,
        DvDuration duration => duration.Value,
        _ => value.RmType.Name,
    };
}
