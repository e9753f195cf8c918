using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Attributes that template tools constrain although the Reference Model stores no such attribute:
/// RM functions (computed from stored attributes) and a few tool conventions found in OPTs in use.
/// They are accepted where they occur, and not checked further; every other attribute name must be
/// one the RM type has. A validator finds no stored value behind them (<see cref="RmType.FindAttribute"/> is null).
/// </summary>
internal static class PseudoAttributes
{
    private static readonly (RmType Type, string Attribute)[] Known =
    [
        // DV_PROPORTION.is_integral(): a function of the RM; Template Designer lets authors require integral proportions.
        (RmModel.Get("DV_PROPORTION"), "is_integral"),
        // EVENT.offset(): a function of the RM (time − origin); Template Designer constrains it on events.
        (RmModel.Get("EVENT"), "offset"),
        // ISM_TRANSITION is PATHABLE, not LOCATABLE, but Archetype Designer writes name constraints on it
        // (International Patient Summary templates).
        (RmModel.Get("ISM_TRANSITION"), "name"),
        // ITEM_TABLE.rotated: an attribute of Ocean's RM implementation, not of the openEHR RM.
        (RmModel.Get("ITEM_TABLE"), "rotated"),
        // ELEMENT.null_flavor: the American spelling of null_flavour, as some Ocean-era templates write it.
        (RmModel.Get("ELEMENT"), "null_flavor"),
    ];

    public static bool IsKnown(RmType type, string attribute)
    {
        foreach (var (owner, name) in Known)
        {
            if (name == attribute && type.IsSubtypeOf(owner)) return true;
        }

        return false;
    }
}
