namespace Fkj.Cdr.Load.Reporting.Plots;

public enum AxisScale
{
    Linear,

    /// <summary>Base 10; values at or below zero are left out.</summary>
    Log,
}
