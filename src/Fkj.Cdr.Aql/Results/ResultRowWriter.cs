using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Aql.Compilation;
using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Results;

/// <summary>
/// Writes the rows of a compiled query's SQL result as result-set rows (a JSON array per row): index values as
/// JSON numbers, strings and booleans, RM objects and values the index does not hold from the stored document
/// (parsed once per version, kept while consecutive rows share it). One per execution; not thread-safe.
/// </summary>
public sealed class ResultRowWriter : IDisposable
{
    private readonly CompiledQuery _query;
    private long _documentKey = long.MinValue;
    private DocumentNodes? _document;

    public ResultRowWriter(CompiledQuery query) => _query = query;

    public void WriteRow(DbDataReader reader, Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var column in _query.Readers)
        {
            WriteValue(reader, writer, column);
        }
        writer.WriteEndArray();
    }

    private void WriteValue(DbDataReader reader, Utf8JsonWriter writer, ColumnReader column)
    {
        switch (column.Kind)
        {
            case ReadKind.Literal:
                WriteLiteral(writer, column.Column.Literal);
                return;
            case ReadKind.Index:
            case ReadKind.Scalar:
                WriteScalar(writer, reader.IsDBNull(column.Ordinal) ? null : reader.GetValue(column.Ordinal), column);
                return;
            case ReadKind.Document:
                WriteFromDocument(reader, writer, column);
                return;
            case ReadKind.Json:
                if (reader.IsDBNull(column.Ordinal)) writer.WriteNullValue();
                else writer.WriteRawValue(reader.GetString(column.Ordinal), skipInputValidation: true);
                return;
        }
    }

    private void WriteFromDocument(DbDataReader reader, Utf8JsonWriter writer, ColumnReader column)
    {
        if (reader.IsDBNull(column.DocumentOrdinal) || reader.IsDBNull(column.AnchorOrdinal))
        {
            writer.WriteNullValue();
            return;
        }
        var source = column.Column.Source!;
        var anchor = reader.GetFieldValue<byte[]>(column.AnchorOrdinal);
        IEnumerable<PathPart> tail;
        if (column.PathIdOrdinal < 0)
        {
            tail = Approach(source.Owner, source.Owner.Approach.Count).Concat(source.Parts);
        }
        else
        {
            var pathId = reader.GetInt32(column.PathIdOrdinal);
            var start = source.TailStarts.GetValueOrDefault(pathId, 0);
            tail = start < 0 ? Approach(source.Owner, -start).Concat(source.Parts) : source.Parts.Skip(start);
        }
        var tailList = tail as IReadOnlyCollection<PathPart> ?? tail.ToList();
        if (anchor.Length == 0 && tailList.Count == 0)
        {
            // The whole document: its stored text is the canonical JSON already.
            writer.WriteRawValue(reader.GetString(column.DocumentOrdinal), skipInputValidation: true);
            return;
        }
        var document = Document(reader, column);
        if (document.Node(anchor) is not { } node)
        {
            writer.WriteNullValue();
            return;
        }
        var values = DocumentNodes.Follow(node, tailList);
        switch (values.Count)
        {
            case 0:
                writer.WriteNullValue();
                break;
            case 1:
                values[0].WriteTo(writer);
                break;
            default:
                writer.WriteStartArray();
                foreach (var value in values) value.WriteTo(writer);
                writer.WriteEndArray();
                break;
        }
    }

    private static IEnumerable<PathPart> Approach(PlanVariable owner, int count) =>
        owner.Approach.Skip(owner.Approach.Count - count).Select(a => new PathPart(a));

    private DocumentNodes Document(DbDataReader reader, ColumnReader column)
    {
        var key = reader.GetInt64(column.VersionKeyOrdinal);
        if (_document is null || key != _documentKey)
        {
            _document?.Dispose();
            _document = new DocumentNodes(reader.GetString(column.DocumentOrdinal));
            _documentKey = key;
        }
        return _document;
    }

    private static void WriteLiteral(Utf8JsonWriter writer, object? literal)
    {
        switch (literal)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            default: writer.WriteStringValue(literal.ToString()); break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, object? value, ColumnReader column)
    {
        if (column.AsHierObjectId && value is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("_type", "HIER_OBJECT_ID");
            writer.WriteString("value", value is Guid g ? g.ToString("D") : Convert.ToString(value, CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            return;
        }
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case Guid g:
                writer.WriteStringValue(g.ToString("D"));
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case DateTime dt:
                writer.WriteStringValue(FormatInstant(new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc))));
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(FormatInstant(dto));
                break;
            case double d:
                WriteNumber(writer, d, column.Meaning);
                break;
            case float f:
                WriteNumber(writer, f, column.Meaning);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case short s16:
                writer.WriteNumberValue(s16);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double d, NumMeaning meaning)
    {
        switch (meaning)
        {
            case NumMeaning.Instant:
                writer.WriteStringValue(FormatInstant(DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(d * TimeSpan.TicksPerSecond))));
                break;
            case NumMeaning.Date:
                writer.WriteStringValue(DateTimeOffset.UnixEpoch.AddSeconds(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case NumMeaning.TimeOfDay:
                writer.WriteStringValue(TimeSpan.FromSeconds(d).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
                break;
            case NumMeaning.Boolean:
                writer.WriteBooleanValue(d != 0);
                break;
            case NumMeaning.Integer when d == Math.Floor(d) && Math.Abs(d) < 9e15:
                writer.WriteNumberValue((long)d);
                break;
            default:
                writer.WriteNumberValue(d);
                break;
        }
    }

    private static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    public void Dispose() => _document?.Dispose();
}
