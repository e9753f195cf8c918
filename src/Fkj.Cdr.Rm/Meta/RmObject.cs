namespace Fkj.Cdr.Rm.Meta;

/// <summary>
/// Base of every Reference Model class. The codecs, the validator and the query index walk RM trees
/// through <see cref="RmType"/> metadata instead of reflection, so each class exposes its descriptor.
/// </summary>
public abstract class RmObject
{
    public abstract RmType RmType { get; }
}
