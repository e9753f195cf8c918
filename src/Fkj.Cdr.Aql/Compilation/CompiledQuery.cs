using Fkj.Cdr.Aql.Planning;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>How a result column's value is read from a row of the SQL result.</summary>
public enum ReadKind
{
    /// <summary>A typed index column (num, text, term) at <see cref="ColumnReader.Ordinal"/>.</summary>
    Index,
    /// <summary>Read from the document at <see cref="ColumnReader.DocumentOrdinal"/>, at the node the anchor names, then the tail.</summary>
    Document,
    /// <summary>A column of the EHR, version or contribution, or an aggregate, at <see cref="ColumnReader.Ordinal"/>.</summary>
    Scalar,
    /// <summary>A literal of the query.</summary>
    Literal,
    /// <summary>JSON text computed in SQL (a value of the EHR_STATUS document), at <see cref="ColumnReader.Ordinal"/>, written as it is.</summary>
    Json,
}

/// <summary>Reads one result column from a SQL row.</summary>
public sealed class ColumnReader
{
    public required OutputColumn Column { get; init; }

    public required ReadKind Kind { get; init; }

    public int Ordinal { get; init; } = -1;

    /// <summary>How a number is written (an instant as a date-time, a boolean as true/false).</summary>
    public NumMeaning Meaning { get; init; }

    /// <summary>For <see cref="ReadKind.Scalar"/>: a HIER_OBJECT_ID object around the text rather than the text.</summary>
    public bool AsHierObjectId { get; init; }

    public int DocumentOrdinal { get; init; } = -1;

    public int VersionKeyOrdinal { get; init; } = -1;

    /// <summary>The anchor's ancestors bytes (bytea); its last two bytes are its pre-order number.</summary>
    public int AnchorOrdinal { get; init; } = -1;

    /// <summary>The catalogued path id of the row (which says where the tail starts), or -1 when the tail is fixed.</summary>
    public int PathIdOrdinal { get; init; } = -1;
}

/// <summary>
/// A query compiled to one parameterised PostgreSQL statement, with how to bind its parameters and how to read its
/// rows. Built once per query text and catalogue version (<see cref="AqlCompiler"/>), used by any number of requests.
/// </summary>
public sealed class CompiledQuery
{
    public required string Text { get; init; }

    public required QueryPlan Plan { get; init; }

    public required string Sql { get; init; }

    public required IReadOnlyList<SqlParameterSpec> Parameters { get; init; }

    public required IReadOnlyList<ColumnReader> Readers { get; init; }

    /// <summary>The ordinal of the EHR id column of the row (for counting the EHRs a query touched), or -1.</summary>
    public int EhrOrdinal { get; init; } = -1;

    /// <summary>SELECT DISTINCT: rows are made distinct as they are written, so paging happens then too, not in SQL.</summary>
    public bool PagesInProcess { get; init; }

    /// <summary>The LIMIT (or TOP) of the query, if any.</summary>
    public long? QueryLimit { get; init; }

    /// <summary>The OFFSET of the query, if any.</summary>
    public long QueryOffset { get; init; }

    /// <summary>The names of the query parameters the query uses.</summary>
    public required IReadOnlySet<string> ParameterNames { get; init; }
}
