using Fkj.Cdr.Load.Measurement;

namespace Fkj.Cdr.Load.Scenarios;

/// <summary>
/// One kind of request the harness measures. A scenario prepares what it needs once (EHRs, compositions to
/// read), then sends request after request; the runners decide when and how many. New scenarios
/// implement this and join <see cref="ScenarioCatalog"/>.
/// </summary>
public interface ILoadScenario
{
    /// <summary>The scenario's name on the command line, shared by its server and baseline forms: "commit".</summary>
    string Name { get; }

    /// <summary><see cref="ScenarioTarget.Server"/> or <see cref="ScenarioTarget.Baseline"/>.</summary>
    string Target { get; }

    /// <summary>What one request does, for the report: "POST /openehr/v1/ehr/{ehr_id}/composition".</summary>
    string Operation { get; }

    /// <summary>The tables the scenario grows, if its bytes per item are to be reported.</summary>
    StorageScope Storage { get; }

    /// <summary>Creates what the requests need; not measured. A <see cref="LoadSetupException"/> skips the scenario.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Sends one request. <paramref name="sequence"/> counts from 0 within a level.</summary>
    ValueTask<RequestOutcome> ExecuteAsync(long sequence, CancellationToken cancellationToken);
}
