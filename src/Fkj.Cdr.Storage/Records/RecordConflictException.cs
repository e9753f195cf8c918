using Npgsql;

namespace Fkj.Cdr.Storage.Records;

/// <summary>
/// A row was refused by a unique key (<see cref="IsUniqueViolation"/>: an EHR id or subject already taken, a
/// version already written by a concurrent update) or a foreign key (a row that names an EHR or object that is
/// not there). <see cref="Constraint"/> is the constraint's name; the stores name theirs as constants
/// (<see cref="EhrStore.EhrIdTaken"/>, <see cref="EhrStore.SubjectTaken"/>, <see cref="VersionStore.VersionTaken"/>).
/// </summary>
public sealed class RecordConflictException : Exception
{
    public const string UniqueViolation = "23505";
    public const string ForeignKeyViolation = "23503";

    public RecordConflictException(string constraint, bool isUniqueViolation, Exception? inner = null)
        : base($"{(isUniqueViolation ? "Unique" : "Foreign key")} constraint {constraint} refused a row.", inner)
    {
        Constraint = constraint;
        IsUniqueViolation = isUniqueViolation;
    }

    public string Constraint { get; }

    public bool IsUniqueViolation { get; }

    /// <summary>The conflict a PostgreSQL error stands for, or null when it is another error.</summary>
    public static RecordConflictException? From(PostgresException e) => e.SqlState switch
    {
        UniqueViolation => new RecordConflictException(e.ConstraintName ?? "", true, e),
        ForeignKeyViolation => new RecordConflictException(e.ConstraintName ?? "", false, e),
        _ => null,
    };
}
