namespace Fkj.Cdr.Load.Reporting.Plots;

/// <summary>How a series marks its data points.</summary>
public enum MarkerShape
{
    None,
    Circle,
    Square,
    Diamond,

    /// <summary>A ring: a circle with the background showing inside.</summary>
    OpenCircle,
}
