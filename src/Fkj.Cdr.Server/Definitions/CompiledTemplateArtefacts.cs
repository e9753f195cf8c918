using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Validation;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>
/// The artefacts built from a <see cref="CompiledTemplate"/> by the parts of Fkj.Cdr.Templates beyond the
/// parser, each built once per template through <see cref="CompiledTemplate.Artefact{T}"/> and shared by
/// every tenant with the same OPT.
/// </summary>
public static class CompiledTemplateArtefacts
{
    /// <summary>The composition validator (Fkj.Cdr.Templates.Validation), for the composition endpoints.</summary>
    public static TemplateValidator Validator(this CompiledTemplate compiled) => compiled.Artefact(TemplateValidator.Compile);

    /// <summary>The web template (Fkj.Cdr.Templates.WebTemplates), as the openEHR SDK makes it; FLAT and STRUCTURED build on it.</summary>
    public static WebTemplate WebTemplate(this CompiledTemplate compiled) => compiled.Artefact(WebTemplateBuilder.Build);

    /// <summary>The web template as JSON (<c>application/openehr.wt+json</c>), encoded once.</summary>
    public static byte[] WebTemplateJson(this CompiledTemplate compiled) =>
        compiled.Artefact(_ => new EncodedWebTemplate(Fkj.Cdr.Templates.WebTemplates.WebTemplateJson.ToUtf8Bytes(compiled.WebTemplate()))).Utf8;

    /// <summary>
    /// A new example composition of the template in <paramref name="language"/> (Fkj.Cdr.Templates.Examples):
    /// every mandatory node with plausible values, valid against the template. Built on each call, since a
    /// composition is mutable; it is deterministic and cheap.
    /// </summary>
    public static Composition ExampleComposition(this CompiledTemplate compiled, string? language = null) =>
        Fkj.Cdr.Templates.Examples.ExampleComposition.Create(compiled.Template, language);

    /// <summary>The encoded web template, a type of its own so that it has its own artefact slot.</summary>
    private sealed record EncodedWebTemplate(byte[] Utf8);
}
