using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>The decoding both formats share: read into a <see cref="FlatInput"/>, build, and report every problem as one <see cref="RmFormatException"/>.</summary>
internal static class FlatDecoding
{
    public static Composition Decode(ReadOnlySpan<byte> utf8, WebTemplate webTemplate, FlatDecodeOptions? options, bool structured)
    {
        ArgumentNullException.ThrowIfNull(webTemplate);
        var schema = FlatSchema.Of(webTemplate);
        var problems = new FlatProblems();
        Composition? composition = null;
        try
        {
            using var input = new FlatInput(schema, problems);
            var read = structured ? StructuredJsonReader.Read(utf8, input, problems) : FlatJsonReader.Read(utf8, input, problems);
            if (!read) problems.KeepSyntaxOnly();
            else composition = new FlatBuilder(schema, input, problems, (options ?? FlatDecodeOptions.Default).Now ?? DateTimeOffset.Now).Build();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException or StackOverflowException))
        {
            // A decoder bug must not become a 500 on hostile input; it is reported (and the tests look for this code).
            problems.Add(InternalError, $"the document could not be decoded ({e.GetType().Name}: {e.Message})", schema.Root.Id, 0);
        }

        if (problems.Any || composition is null) throw problems.ToException(utf8);
        return composition;
    }

    /// <summary>The code of the error a decoder bug gives; never expected, and tested against.</summary>
    public const string InternalError = "internal_error";
}
