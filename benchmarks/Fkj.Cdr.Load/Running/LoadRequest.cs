using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Running;

/// <summary>Sends request number <paramref name="sequence"/> (0, 1, 2, ... within a level) and tells how it ended.</summary>
public delegate ValueTask<RequestOutcome> LoadRequest(long sequence, CancellationToken cancellationToken);
