namespace Fkj.Cdr.Benchmarks;

/// <summary>The documents the benchmarks run on, copied next to the assembly from <c>Data/</c>.</summary>
internal static class TestData
{
    /// <summary>
    /// One vital-signs commit as a municipal EPJ would send it: blood pressure, pulse, respiration,
    /// pulse oximetry, temperature, ACVPU and a NEWS2 score, in canonical JSON (about 40 KB).
    /// </summary>
    public static byte[] VitalSigns() => Read("vital-signs.json");

    private static byte[] Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", name);
        return File.ReadAllBytes(path);
    }
}
