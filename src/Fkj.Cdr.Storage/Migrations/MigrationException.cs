namespace Fkj.Cdr.Storage.Migrations;

/// <summary>The schema cannot be brought up to date safely; the server must not start.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException(string message) : base(message)
    {
    }

    public MigrationException(string message, Exception inner) : base(message, inner)
    {
    }
}
