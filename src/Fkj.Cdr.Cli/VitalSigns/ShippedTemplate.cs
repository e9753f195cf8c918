using System.Security.Cryptography;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Validation;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Cli.VitalSigns;

/// <summary>
/// <c>templates/fkj.vital_signs_news2.v1.opt</c> as built into this program: its bytes, their SHA-256,
/// the parsed template, its compiled validator and its web template, each made once.
/// </summary>
public static class ShippedTemplate
{
    private const string Resource = "templates/fkj.vital_signs_news2.v1.opt";

    private static readonly Lazy<byte[]> LazyBytes = new(Load);
    private static readonly Lazy<OperationalTemplate> LazyTemplate = new(() => OptParser.Parse(LazyBytes.Value));
    private static readonly Lazy<TemplateValidator> LazyValidator = new(() => TemplateValidator.Compile(LazyTemplate.Value));
    private static readonly Lazy<WebTemplate> LazyWebTemplate = new(() => WebTemplateBuilder.Build(LazyTemplate.Value));

    public static byte[] Bytes => LazyBytes.Value;

    /// <summary>Lower-case hexadecimal SHA-256 of the OPT.</summary>
    public static string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Bytes));

    public static OperationalTemplate Template => LazyTemplate.Value;

    public static TemplateValidator Validator => LazyValidator.Value;

    /// <summary>The web template, which FLAT paths are made from.</summary>
    public static WebTemplate WebTemplate => LazyWebTemplate.Value;

    private static byte[] Load()
    {
        using var stream = typeof(ShippedTemplate).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the resource {Resource} is missing from the build");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
