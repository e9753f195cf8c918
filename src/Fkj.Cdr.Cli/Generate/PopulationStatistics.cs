using Fkj.Cdr.Cli.News2;
using Fkj.Cdr.Cli.VitalSigns;

namespace Fkj.Cdr.Cli.Generate;

/// <summary>Counts over the generated compositions, for the manifest (a quick look at what a seed produced).</summary>
public sealed class PopulationStatistics
{
    public long Compositions { get; private set; }
    public long Bytes { get; private set; }
    public long[] TotalScores { get; } = new long[21];
    public long[] Risk { get; } = new long[4];
    public long OnOxygen { get; private set; }
    public long Scale2 { get; private set; }
    public long NotAlert { get; private set; }

    public void Add(VitalSignsOccasion occasion, long bytes)
    {
        Compositions++;
        Bytes += bytes;
        TotalScores[occasion.Score.Total]++;
        Risk[(int)occasion.Score.Risk]++;
        if (occasion.Measurements.OnOxygen) OnOxygen++;
        if (occasion.Measurements.Scale == SpO2Scale.Scale2) Scale2++;
        if (occasion.Measurements.Consciousness != Acvpu.Alert) NotAlert++;
    }

    public void Add(PopulationStatistics other)
    {
        Compositions += other.Compositions;
        Bytes += other.Bytes;
        for (var i = 0; i < TotalScores.Length; i++) TotalScores[i] += other.TotalScores[i];
        for (var i = 0; i < Risk.Length; i++) Risk[i] += other.Risk[i];
        OnOxygen += other.OnOxygen;
        Scale2 += other.Scale2;
        NotAlert += other.NotAlert;
    }
}
