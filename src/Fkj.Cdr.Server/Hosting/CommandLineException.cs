namespace Fkj.Cdr.Server.Hosting;

/// <summary>The command line (or an option from configuration) is not usable.</summary>
public sealed class CommandLineException : Exception
{
    public CommandLineException(string message) : base(message)
    {
    }
}
