using System.Collections.Concurrent;
using Fkj.Cdr.Templates.Opt;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>
/// A template as the server uses it: the parsed OPT, and what is built from it once and then kept for as
/// long as the template is cached: the composition validator, the web template, the example composition's
/// generator. Each artefact is built on first use, by one caller, and shared afterwards.
/// </summary>
/// <remarks>
/// Artefacts are keyed by type: <c>compiled.Artefact(TemplateValidator.Compile)</c> builds the validator
/// the first time and returns the same one every time after. A builder that throws is not remembered, so
/// the next caller tries again. The artefacts of the parts under construction are reached through
/// <see cref="CompiledTemplateArtefacts"/>.
/// </remarks>
public sealed class CompiledTemplate
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _artefacts = new();

    public CompiledTemplate(OperationalTemplate template, string sha256)
    {
        Template = template ?? throw new ArgumentNullException(nameof(template));
        Sha256 = sha256 ?? throw new ArgumentNullException(nameof(sha256));
    }

    /// <summary>The parsed, immutable OPT.</summary>
    public OperationalTemplate Template { get; }

    public string TemplateId => Template.TemplateId;

    /// <summary>The checksum of the OPT bytes this was parsed from.</summary>
    public string Sha256 { get; }

    /// <summary>The artefact of type <typeparamref name="T"/>, built with <paramref name="build"/> on first use.</summary>
    public T Artefact<T>(Func<OperationalTemplate, T> build) where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var lazy = _artefacts.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(Template), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            _artefacts.TryRemove(new KeyValuePair<Type, Lazy<object>>(typeof(T), lazy));
            throw;
        }
    }

    /// <summary>Whether the artefact of type <typeparamref name="T"/> has been built.</summary>
    public bool HasArtefact<T>() => _artefacts.TryGetValue(typeof(T), out var lazy) && lazy.IsValueCreated;
}
