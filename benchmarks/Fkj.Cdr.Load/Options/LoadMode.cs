namespace Fkj.Cdr.Load.Options;

/// <summary>How requests are issued.</summary>
public enum LoadMode
{
    /// <summary>N clients, each sending its next request as soon as the last one answered.</summary>
    Closed,

    /// <summary>Requests issued at a fixed target rate whatever the answers, so saturation shows as queueing, errors and latency.</summary>
    Open,
}
