using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// Converts literals and parameter values to what the query index stores: numbers, instants as seconds since
/// the epoch (a value without a zone read as UTC, as the index reads it), times of day as seconds, LIKE patterns.
/// A value that cannot be converted is a <see cref="FormatException"/>, which callers report at its place.
/// </summary>
public static class ValueConversions
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HHK",
        "yyyy-MM-dd'T'HH:mm:ss,FFFFFFFK", "yyyyMMdd'T'HHmmss.FFFFFFFK", "yyyyMMdd'T'HHmmss,FFFFFFFK", "yyyyMMdd'T'HHmmssK",
        "yyyyMMdd'T'HHmmK", "yyyy-MM-dd", "yyyyMMdd", "yyyy-MM", "yyyy",
    ];

    private static readonly string[] TimeFormats =
    [
        "HH:mm:ss.FFFFFFF", "HH:mm:ss", "HH:mm", "HHmmss.FFFFFFF", "HHmmss", "HHmm", "HH",
    ];

    public static object? Convert(object? value, ValueConversion conversion)
    {
        value = Unwrap(value);
        if (value is null) return null;
        return conversion switch
        {
            ValueConversion.None => value,
            ValueConversion.Number => Number(value),
            ValueConversion.Text => Text(value),
            ValueConversion.Instant => EpochSeconds(Text(value)),
            ValueConversion.TimeOfDay => SecondsOfDay(Text(value)),
            ValueConversion.Boolean => value switch
            {
                bool b => b ? 1.0 : 0.0,
                string s when bool.TryParse(s, out var b) => b ? 1.0 : 0.0,
                _ => throw new FormatException($"'{Text(value)}' is not true or false."),
            },
            ValueConversion.SqlBoolean => value switch
            {
                bool b => b,
                string s when bool.TryParse(s, out var b) => b,
                _ => throw new FormatException($"'{Text(value)}' is not true or false."),
            },
            ValueConversion.Uuid => Guid.TryParse(Text(value), out var g) ? g : null,
            ValueConversion.LikePattern => LikePattern(Text(value)),
            ValueConversion.TextList => List(value).Select(Text).ToArray(),
            ValueConversion.NumberList => List(value).Select(Number).ToArray(),
            ValueConversion.InstantList => List(value).Select(v => EpochSeconds(Text(v))).ToArray(),
            _ => value,
        };
    }

    /// <summary>An ISO 8601 date-time, date, year-month or year as seconds since 1970-01-01T00:00Z (its earliest instant; no zone is UTC).</summary>
    public static double EpochSeconds(string text)
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var instant))
        {
            return (instant - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
        }
        throw new FormatException($"'{text}' is not an ISO 8601 date or date-time.");
    }

    /// <summary>An ISO 8601 time of day as seconds since midnight (a zone is ignored).</summary>
    public static double SecondsOfDay(string text)
    {
        var t = text.Trim();
        if (t.StartsWith('T')) t = t[1..];
        var zone = t.IndexOfAny(['Z', '+', '-']);
        if (zone > 0) t = t[..zone];
        if (DateTime.TryParseExact(t, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.TimeOfDay.Ticks / (double)TimeSpan.TicksPerSecond;
        }
        throw new FormatException($"'{text}' is not an ISO 8601 time.");
    }

    /// <summary>An AQL LIKE pattern as a SQL LIKE pattern with backslash escapes.</summary>
    public static string LikePattern(string pattern)
    {
        var sql = new StringBuilder(pattern.Length + 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    Literal(sql, pattern[++i]);
                    break;
                case '*':
                    sql.Append('%');
                    break;
                case '?':
                    sql.Append('_');
                    break;
                default:
                    Literal(sql, c);
                    break;
            }
        }
        return sql.ToString();

        static void Literal(StringBuilder sql, char c)
        {
            if (c is '%' or '_' or '\\') sql.Append('\\');
            sql.Append(c);
        }
    }

    private static double Number(object value) => value switch
    {
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        decimal m => (double)m,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException($"'{Text(value)}' is not a number."),
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IEnumerable<object> List(object value) => value switch
    {
        string s => [s],
        IEnumerable list => list.Cast<object?>().Select(Unwrap).Where(v => v is not null).Cast<object>(),
        _ => [value],
    };

    /// <summary>JSON values (query parameters of a POST body) as plain CLR values.</summary>
    public static object? Unwrap(object? value) => value switch
    {
        JsonElement e => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Array => e.EnumerateArray().Select(x => Unwrap(x)).ToList(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => e.GetRawText(),
        },
        _ => value,
    };
}
