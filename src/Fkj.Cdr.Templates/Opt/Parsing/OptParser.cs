using System.Xml;
using System.Xml.Linq;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Parses an ADL 1.4 operational template (OPT XML, as Ocean Template Designer and Archetype Designer
/// write it) into an immutable <see cref="OperationalTemplate"/>, or refuses it with every problem
/// found: malformed XML, elements the schema does not allow, mandatory elements missing or repeated,
/// and constraints inconsistent with themselves or with the Reference Model.
/// </summary>
/// <remarks>
/// Input is hostile: no DTD (so no entity expansion), nothing is fetched, and size and nesting are
/// bounded. Templates are parsed once, on upload, so the document is loaded whole (LINQ to XML, with
/// line information for the errors).
/// </remarks>
public static class OptParser
{
    /// <summary>Characters accepted in one document; the largest OPTs in use are a few megabytes.</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxCharacters,
        CloseInput = false,
    };

    /// <exception cref="OptParseException">The template is malformed or inconsistent.</exception>
    public static OperationalTemplate Parse(ReadOnlySpan<byte> opt)
    {
        using var stream = new MemoryStream(opt.ToArray(), writable: false);
        return Parse(stream);
    }

    /// <summary>Parses from a stream, which is left open; the encoding comes from the BOM or XML declaration (UTF-8 by default).</summary>
    /// <exception cref="OptParseException">The template is malformed or inconsistent.</exception>
    public static OperationalTemplate Parse(Stream opt)
    {
        var context = new OptContext();
        var root = Load(opt, context);
        var template = root is null ? null : new TemplateReader(context).Read(root);
        if (context.HasErrors || template is null) throw new OptParseException(context.Errors());
        return template;
    }

    private static XElement? Load(Stream opt, OptContext context)
    {
        XDocument document;
        using (var reader = XmlReader.Create(opt, ReaderSettings))
        {
            var started = false;
            try
            {
                if (reader.MoveToContent() != XmlNodeType.Element)
                {
                    context.Error(OptErrorCodes.EmptyDocument, "the document has no root element", null);
                    return null;
                }

                started = true;
                document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
            }
            catch (XmlException e)
            {
                var empty = !started && e.Message.StartsWith("Root element is missing", StringComparison.Ordinal);
                context.Add(new OptError(
                    empty ? OptErrorCodes.EmptyDocument : OptErrorCodes.Syntax,
                    empty ? "the document is empty: it has no root element" : SyntaxMessage(e),
                    "/", Math.Max(e.LineNumber, 1), Math.Max(e.LinePosition, 1)));
                return null;
            }
        }

        var root = document.Root!;
        if (Depth(root) > MaxDepth)
        {
            context.Error(OptErrorCodes.TooLarge, $"the document nests elements deeper than {MaxDepth} levels", root);
            return null;
        }

        var ns = root.Name.NamespaceName;
        if (root.Name.LocalName != "template" || (ns.Length != 0 && ns != OptContext.Namespace))
        {
            context.Error(OptErrorCodes.NotATemplate,
                root.Name.LocalName == "template" && ns == "openEHR/v1/Template"
                    ? "this is a template designer source (.oet, namespace openEHR/v1/Template), not an operational template"
                    : $"the root element is <{root.Name.LocalName}>{(ns.Length == 0 ? "" : $" in namespace '{ns}'")}, not an operational template's <template> in namespace '{OptContext.Namespace}'",
                root);
            return null;
        }

        return root;
    }

    /// <summary>Element nesting allowed; readers recurse, so deeper documents are refused before reading.</summary>
    private const int MaxDepth = 2 * ConstraintReader.MaxDepth + 16;

    private static int Depth(XElement root)
    {
        var max = 0;
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.TryPop(out var entry))
        {
            if (entry.Depth > max) max = entry.Depth;
            if (max > MaxDepth) return max;
            foreach (var child in entry.Element.Elements()) stack.Push((child, entry.Depth + 1));
        }

        return max;
    }

    private static string SyntaxMessage(XmlException e)
    {
        // The reader's own text advises enabling DTD processing, which is not the advice to give here.
        if (e.Message.Contains("DTD is prohibited", StringComparison.Ordinal)) return "a DTD is not allowed in an operational template";

        // XmlException appends its own position text; ours is in the error's fields.
        var message = e.Message;
        var cut = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.', ',');
    }
}
