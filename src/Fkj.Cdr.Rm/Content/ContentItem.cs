using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>CONTENT_ITEM: root of what a composition contains: sections and entries.</summary>
public abstract class ContentItem : Locatable
{
    public new static readonly RmType Meta = RmType.Abstract<ContentItem>("CONTENT_ITEM");
}
