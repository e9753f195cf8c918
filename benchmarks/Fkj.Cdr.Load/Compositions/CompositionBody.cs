namespace Fkj.Cdr.Load.Compositions;

/// <summary>One composition ready to send: compact canonical JSON as UTF-8 (for HTTP) and as text (for the Npgsql baseline).</summary>
public sealed record CompositionBody(byte[] Utf8, string Text);
