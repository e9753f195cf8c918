using System.Globalization;
using System.Runtime.InteropServices;

namespace Fkj.Cdr.Load.Reporting;

/// <summary>Where a run happened: cores, OS, runtime, and the load average, which says how noisy the figures are.</summary>
public sealed record MachineInfo(int ProcessorCount, string Os, string Runtime, string? CpuModel, double[]? LoadAverageAtStart, double[]? LoadAverageAtEnd)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadCpuModel(),
        LoadAverage(),
        null);

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg, or null where there is none.</summary>
    public static double[]? LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string? ReadCpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
