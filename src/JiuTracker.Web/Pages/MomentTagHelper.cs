using JiuTracker.Web.Settings;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace JiuTracker.Web.Pages;

/// <summary>
/// <c>&lt;time at="@moment"&gt;</c>: the moment in the organization's time zone, "2026-12-04 19:45 UTC+01:00", with its
/// ISO 8601 UTC form in <c>datetime</c> and the zone's name for that moment as a tooltip. Every page shows moments so.
/// </summary>
[HtmlTargetElement("time", Attributes = AtAttribute)]
public sealed class MomentTagHelper(OrganizationTime organizationTime) : TagHelper
{
    private const string AtAttribute = "at";

    [HtmlAttributeName(AtAttribute)]
    public DateTimeOffset At { get; set; }

    /// <summary>Whether the seconds are shown, as the history and the audit log show them.</summary>
    [HtmlAttributeName("seconds")]
    public bool Seconds { get; set; }

    /// <summary>Whether only the day is shown (the day in the organization's zone); the <c>datetime</c> keeps the moment.</summary>
    [HtmlAttributeName("day")]
    public bool DayOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("datetime", OrganizationTime.Iso(At));
        if (!organizationTime.IsUtc)
        {
            output.Attributes.SetAttribute("title", organizationTime.OffsetLongName(At));
        }

        output.Content.SetContent(DayOnly ? organizationTime.DayText(At) : organizationTime.Text(At, Seconds));
    }
}
