using System.Globalization;

namespace Fkj.Cdr.Load.Options;

/// <summary>One load level: a number of closed-loop clients, or an open-loop rate with its in-flight cap.</summary>
public sealed record LoadLevel(LoadMode Mode, int Clients, double Rate, int MaxInFlight)
{
    public static LoadLevel ClosedLoop(int clients) => new(LoadMode.Closed, clients, 0, clients);

    public static LoadLevel OpenLoop(double rate, int maxInFlight) => new(LoadMode.Open, 0, rate, maxInFlight);

    /// <summary>Connections (and database sessions) this level may use at once.</summary>
    public int Concurrency => Mode == LoadMode.Closed ? Clients : MaxInFlight;

    public override string ToString() => Mode == LoadMode.Closed
        ? Clients.ToString(CultureInfo.InvariantCulture) + (Clients == 1 ? " client" : " clients")
        : Rate.ToString("0.##", CultureInfo.InvariantCulture) + " req/s";
}
