namespace Fkj.Cdr.Templates.Opt.Primitives;

/// <summary>C_BOOLEAN: which of true and false are allowed.</summary>
public sealed class CBoolean : CPrimitive
{
    public override string TypeName => "BOOLEAN";

    public bool TrueValid { get; init; } = true;

    public bool FalseValid { get; init; } = true;

    public bool? AssumedValue { get; init; }
}
