using System.Collections.Concurrent;
using Fkj.Cdr.Server.Database;

namespace Fkj.Cdr.Server.Tenancy;

/// <summary>
/// Answers whether a tenant exists. A tenant that exists is remembered for <see cref="Lifetime"/>, so most
/// requests need no query; an unknown one is asked about every time, so a tenant created a moment ago is
/// found at once.
/// </summary>
public sealed class TenantDirectory
{
    /// <summary>How long a tenant found in the tenant table is taken to exist without asking again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly DatabaseService _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);

    public TenantDirectory(DatabaseService database, TimeProvider? time = null)
    {
        _database = database;
        _time = time ?? TimeProvider.System;
    }

    public async Task<bool> ExistsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_known.TryGetValue(tenantId, out var until) && until > now)
        {
            return true;
        }
        if (!await _database.Require().Tenants.ExistsAsync(tenantId, cancellationToken))
        {
            _known.TryRemove(tenantId, out _);
            return false;
        }
        _known[tenantId] = now + Lifetime;
        return true;
    }
}
