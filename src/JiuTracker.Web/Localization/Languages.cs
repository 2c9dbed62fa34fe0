using System.Globalization;

namespace JiuTracker.Web.Localization;

/// <summary>One of the languages the app is written in: its culture name, its own name and its writing direction.</summary>
public sealed record Language(string Code, string NativeName)
{
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Code);

    public bool IsRightToLeft => Culture.TextInfo.IsRightToLeft;
}

/// <summary>
/// The six official languages of the United Nations, in the UN's own order (decision 044). English is the neutral
/// resources' language; each other one has its own resource files, with the same keys.
/// </summary>
public static class Languages
{
    public const string English = "en";

    /// <summary>A pseudo-language that wraps every resource string in ⟦ ⟧ (<c>Localization:PseudoLocale</c>, for tests).</summary>
    public const string Pseudo = "qps-Ploc";

    public static IReadOnlyList<Language> All { get; } =
    [
        new("ar", "العربية"),
        new("zh", "中文"),
        new(English, "English"),
        new("fr", "Français"),
        new("ru", "Русский"),
        new("es", "Español"),
    ];

    public static Language? Find(string? code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of the request's UI culture: the one it is, or the one it is a variant of (fr-CH is fr).</summary>
    public static Language Of(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; c != CultureInfo.InvariantCulture; c = c.Parent)
        {
            if (Find(c.Name) is { } language)
            {
                return language;
            }
        }

        return Find(English)!;
    }
}
