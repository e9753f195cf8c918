using Fkj.Cdr.Aql.Semantics;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Records;

namespace Fkj.Cdr.Server.Query;

/// <summary>
/// The server's <see cref="IPathCatalogue"/>: the archetype path dictionary, read once and then only its new rows.
/// It looks for new rows when this server has interned paths since the last look (so data it has just stored is
/// queryable at once), and otherwise at most once a second (for paths other servers added).
/// </summary>
public sealed class ServerPathCatalogue
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private PathCatalogue _current = PathCatalogue.Empty;
    private int _lastId;
    private int _internedSeen = -1;
    private DateTimeOffset _checked = DateTimeOffset.MinValue;

    public ServerPathCatalogue(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public async Task<IPathCatalogue> CurrentAsync(CdrDatabase database, CancellationToken cancellationToken)
    {
        if (!Stale(database)) return _current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!Stale(database)) return _current;
            var interned = database.LeafIndex.CachedPaths;
            var rows = await new PathDictionary(database.DataSource).ListAfterAsync(_lastId, cancellationToken);
            if (rows.Count > 0)
            {
                var paths = new List<CataloguedPath>(_current.Paths);
                foreach (var row in rows)
                {
                    if (CataloguedPath.Parse(row.PathId, row.Path, row.RmTypes) is { } parsed) paths.Add(parsed);
                    _lastId = Math.Max(_lastId, row.PathId);
                }
                _current = new PathCatalogue(paths, _lastId);
            }
            _internedSeen = interned;
            _checked = _time.GetUtcNow();
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool Stale(CdrDatabase database) =>
        database.LeafIndex.CachedPaths != _internedSeen || _time.GetUtcNow() - _checked > RecheckAfter;
}
