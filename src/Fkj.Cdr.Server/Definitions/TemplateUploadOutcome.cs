namespace Fkj.Cdr.Server.Definitions;

/// <summary>What an upload did.</summary>
public enum TemplateUploadOutcome
{
    /// <summary>The template was stored now (201 Created).</summary>
    Created,

    /// <summary>The same bytes were stored under this id already; nothing changed (200 OK).</summary>
    Unchanged,
}
