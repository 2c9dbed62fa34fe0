namespace JiuTracker.Web.Localization;

/// <summary>
/// The resources every page shares (<c>Resources/Localization/SharedText*.resx</c>): the navigation, the language menu
/// and the words used on several pages. Pages inject <c>IStringLocalizer&lt;SharedText&gt;</c> as <c>T</c>.
/// </summary>
public sealed class SharedText;
