namespace Fkj.Cdr.Load;

/// <summary>A scenario could not be prepared (the server refused to create its EHRs, say); the message says what answered what.</summary>
public sealed class LoadSetupException(string message) : Exception(message);
