namespace Fkj.Cdr.Load.Options;

/// <summary>A command line the harness does not accept; the message says why.</summary>
public sealed class OptionException(string message) : Exception(message);
