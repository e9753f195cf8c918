using Fkj.Cdr.Rm.Content;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>
/// The artefacts built from a <see cref="CompiledTemplate"/> by the parts of Fkj.Cdr.Templates beyond the
/// parser. Each is built once per template through <see cref="CompiledTemplate.Artefact{T}"/>. A part that
/// is not there yet answers null, and the endpoints say so (406 or 501) instead of guessing.
/// </summary>
public static class CompiledTemplateArtefacts
{
    /// <summary>
    /// The web template of the template, as JSON (<c>application/openehr.wt+json</c>), or null while there is
    /// no web template builder. Extension point: Fkj.Cdr.Templates.WebTemplates, built once as
    /// <c>compiled.Artefact(WebTemplateBuilder.Build)</c> and encoded once.
    /// </summary>
    public static byte[]? WebTemplateJson(this CompiledTemplate compiled) => null;

    /// <summary>
    /// An example composition of the template in <paramref name="language"/>, or null while there is no
    /// generator. Extension point: Fkj.Cdr.Templates.Examples, <c>ExampleComposition.Create(template, language)</c>.
    /// </summary>
    public static Composition? ExampleComposition(this CompiledTemplate compiled, string language) => null;

    // Extension point: the composition validator, Fkj.Cdr.Templates.Validation, as
    // compiled.Artefact(TemplateValidator.Compile), used by the composition endpoints (issue 4).
}
