using System.Globalization;
using Microsoft.Extensions.Localization;

namespace JiuTracker.Web.Localization;

/// <summary>
/// The pseudo-language <see cref="Languages.Pseudo"/>: every string found in the resources comes back wrapped in
/// ⟦ ⟧, so a page rendered in it shows at a glance — and to the tests — any text that does not come from the resources.
/// Only in effect when <c>Languages:PseudoLocale</c> is true (decision 044).
/// </summary>
public sealed class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const string Open = "⟦";

    public const string Close = "⟧";

    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    private static bool InPseudoLanguage => CultureInfo.CurrentUICulture.Name == Languages.Pseudo;

    private static LocalizedString Wrapped(LocalizedString found) =>
        found.ResourceNotFound || !InPseudoLanguage ? found : new LocalizedString(found.Name, Open + found.Value + Close, false, found.SearchedLocation);

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Wrapped(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Wrapped(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Wrapped);
    }
}
