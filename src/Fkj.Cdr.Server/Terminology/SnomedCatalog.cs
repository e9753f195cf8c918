using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Server.Terminology;

/// <summary>
/// The SNOMED CT index the server answers from. Terminology is reference data shared by every tenant. There is none
/// until a release has been imported; an import builds a new index and swaps it in whole, so a request always works
/// on one consistent index and never waits for a rebuild.
/// </summary>
public sealed class SnomedCatalog
{
    private volatile SnomedIndex? _current;

    /// <summary>The loaded index, or null when no release has been imported.</summary>
    public SnomedIndex? Current => _current;

    public void Replace(SnomedIndex index) => _current = index ?? throw new ArgumentNullException(nameof(index));
}
