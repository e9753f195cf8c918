using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>PATHABLE: root of every RM node that archetype paths can address, including non-archetyped ones like EVENT_CONTEXT.</summary>
public abstract class Pathable : RmObject
{
    public static readonly RmType Meta = RmType.Abstract<Pathable>("PATHABLE");
}
