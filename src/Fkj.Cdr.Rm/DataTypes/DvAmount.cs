using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>DV_AMOUNT: a quantified value that can be added and subtracted, with an optional accuracy.</summary>
public abstract class DvAmount : DvQuantified
{
    public double? Accuracy { get; set; }

    public bool? AccuracyIsPercent { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<DvAmount>("DV_AMOUNT")
        .Real("accuracy", o => o.Accuracy, (o, v) => o.Accuracy = v)
        .Boolean("accuracy_is_percent", o => o.AccuracyIsPercent, (o, v) => o.AccuracyIsPercent = v);
}
