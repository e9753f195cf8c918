namespace Fkj.Cdr.Storage.Embedded;

/// <summary>The embedded PostgreSQL server could not be initialised, started or stopped.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException(string message) : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception inner) : base(message, inner)
    {
    }
}
