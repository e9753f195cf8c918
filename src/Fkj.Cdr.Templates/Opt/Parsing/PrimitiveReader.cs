using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>Reads the <c>item</c> of a C_PRIMITIVE_OBJECT: C_STRING, C_INTEGER, C_REAL, C_BOOLEAN and the temporal types.</summary>
internal static class PrimitiveReader
{
    /// <summary>The rm_type_name that goes with each primitive constraint type.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RmTypeNames = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["C_STRING"] = ["STRING"],
        ["C_INTEGER"] = ["INTEGER", "INTEGER64"],
        ["C_REAL"] = ["REAL", "DOUBLE"],
        ["C_BOOLEAN"] = ["BOOLEAN"],
        ["C_DATE"] = ["DATE", "ISO8601_DATE"],
        ["C_TIME"] = ["TIME", "ISO8601_TIME"],
        ["C_DATE_TIME"] = ["DATE_TIME", "ISO8601_DATE_TIME"],
        ["C_DURATION"] = ["DURATION", "ISO8601_DURATION"],
    };

    public static CPrimitive? Read(OptContext context, XElement item)
    {
        var type = OptContext.XsiType(item);
        switch (type)
        {
            case null:
                context.Error(OptErrorCodes.MissingType, "<item> of C_PRIMITIVE_OBJECT needs an xsi:type (C_STRING, C_INTEGER, ...)", item);
                return null;
            case "C_STRING":
                return ReadString(context, item);
            case "C_INTEGER":
                return ReadInteger(context, item);
            case "C_REAL":
                return ReadReal(context, item);
            case "C_BOOLEAN":
                return ReadBoolean(context, item);
            case "C_DATE":
                return ReadTemporal(context, item, "DATE", OptSchema.CTemporal("C_DATE"), Iso8601.IsDate, null);
            case "C_TIME":
                return ReadTemporal(context, item, "TIME", OptSchema.CTemporal("C_TIME"), Iso8601.IsTime, null);
            case "C_DATE_TIME":
                return ReadTemporal(context, item, "DATE_TIME", OptSchema.CTemporal("C_DATE_TIME"), Iso8601.IsDateTime, null);
            case "C_DURATION":
                return ReadTemporal(context, item, "DURATION", OptSchema.CDuration, Iso8601.IsDuration, Iso8601.Seconds);
            default:
                context.Error(OptErrorCodes.UnknownConstraintType,
                    $"'{OptContext.Excerpt(type)}' is not a primitive constraint type (C_STRING, C_INTEGER, C_REAL, C_BOOLEAN, C_DATE, C_TIME, C_DATE_TIME, C_DURATION)",
                    OptContext.XsiTypeAttribute(item));
                return null;
        }
    }

    public static CString ReadString(OptContext context, XElement item)
    {
        var kids = context.Check(item, OptSchema.CString);
        var pattern = context.Text(kids.One("pattern"))?.Trim();
        if (pattern is not null) CheckRegex(context, pattern, kids.One("pattern")!);
        return new CString
        {
            Pattern = pattern,
            List = [.. kids.All("list").Select(context.Text).OfType<string>()],
            ListOpen = context.Boolean(kids.One("list_open")) ?? false,
            AssumedValue = context.Text(kids.One("assumed_value")),
        };
    }

    private static CInteger ReadInteger(OptContext context, XElement item)
    {
        var kids = context.Check(item, OptSchema.CInteger);
        return new CInteger
        {
            List = [.. kids.All("list").Select(context.Integer).OfType<long>()],
            Range = kids.One("range") is { } range ? IntervalReader.ReadInt64(context, range, "C_INTEGER range") : null,
            AssumedValue = context.Integer(kids.One("assumed_value")),
        };
    }

    private static CReal ReadReal(OptContext context, XElement item)
    {
        var kids = context.Check(item, OptSchema.CReal);
        return new CReal
        {
            List = [.. kids.All("list").Select(context.Real).OfType<double>()],
            Range = kids.One("range") is { } range ? IntervalReader.ReadReal(context, range, "C_REAL range") : null,
            AssumedValue = context.Real(kids.One("assumed_value")),
        };
    }

    private static CBoolean? ReadBoolean(OptContext context, XElement item)
    {
        var kids = context.Check(item, OptSchema.CBoolean);
        var trueValid = context.Boolean(kids.One("true_valid"));
        var falseValid = context.Boolean(kids.One("false_valid"));
        var assumed = context.Boolean(kids.One("assumed_value"));
        if (trueValid is null || falseValid is null) return null;
        if (!trueValid.Value && !falseValid.Value)
        {
            context.Error(OptErrorCodes.InvalidValue, "C_BOOLEAN allows neither true nor false", item);
            return null;
        }

        if (assumed is { } value && !(value ? trueValid.Value : falseValid.Value))
            context.Error(OptErrorCodes.InvalidValue, $"C_BOOLEAN assumes {(value ? "true" : "false")}, which it does not allow", kids.One("assumed_value"));
        return new CBoolean { TrueValid = trueValid.Value, FalseValid = falseValid.Value, AssumedValue = assumed };
    }

    private static CTemporal? ReadTemporal(OptContext context, XElement item, string typeName, ContentModel model,
        Func<string, bool> isValid, Func<string, double?>? measure)
    {
        var kids = context.Check(item, model);
        if (kids.One("timezone_validity") is { } timezone)
            context.Error(OptErrorCodes.Unsupported, $"{model.TypeName} timezone_validity is not supported", timezone);

        var pattern = context.Text(kids.One("pattern"))?.Trim();
        if (pattern is { Length: 0 })
        {
            context.Error(OptErrorCodes.InvalidValue, $"{model.TypeName} has an empty pattern", kids.One("pattern"));
            pattern = null;
        }

        string? lower = null, upper = null;
        bool lowerIncluded = true, upperIncluded = true;
        if (kids.One("range") is { } range
            && IntervalReader.ReadText(context, range, $"{model.TypeName} range", isValid) is { } bounds)
        {
            (lower, upper, lowerIncluded, upperIncluded) = bounds;
            if (measure is not null && lower is not null && upper is not null
                && measure(lower) is { } l && measure(upper) is { } u && l > u)
                context.Error(OptErrorCodes.InvalidInterval,
                    $"{model.TypeName} range {lower}..{upper} is inconsistent: the lower bound is greater than the upper bound", range);
        }

        var assumed = context.Text(kids.One("assumed_value"))?.Trim();
        if (assumed is not null && !isValid(assumed))
        {
            context.Error(OptErrorCodes.InvalidValue, $"{model.TypeName} assumed_value '{OptContext.Excerpt(assumed)}' is not valid", kids.One("assumed_value"));
            assumed = null;
        }

        return new CTemporal(typeName)
        {
            Pattern = pattern,
            RangeLower = lower,
            RangeUpper = upper,
            RangeLowerIncluded = lowerIncluded,
            RangeUpperIncluded = upperIncluded,
            AssumedValue = assumed,
        };
    }

    private static void CheckRegex(OptContext context, string pattern, XElement at)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            context.Error(OptErrorCodes.InvalidValue, $"C_STRING pattern /{OptContext.Excerpt(pattern)}/ is not a valid regular expression: {e.Message}", at);
        }
    }
}
