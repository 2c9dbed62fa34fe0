using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using JiuTracker.Web.Localization;

namespace JiuTracker.Tests.Localization;

/// <summary>Every resource the app ships exists in all six languages, with the same keys and the same placeholders.</summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly System.Reflection.Assembly App = typeof(SharedText).Assembly;

    private static IEnumerable<string> Shipped() =>
        App.GetManifestResourceNames().Where(n => n.StartsWith("JiuTracker.Web.Resources.", StringComparison.Ordinal)).Select(n => n[..^".resources".Length]);

    public static TheoryData<string> BaseNames() => [.. Shipped()];

    [Fact]
    public void TheSharedResources_AreAmongThoseChecked() =>
        Assert.Contains("JiuTracker.Web.Resources.Localization.SharedText", Shipped());

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void EachLanguage_HasEveryKey_AndNoOther_EachWithText(string baseName)
    {
        var english = Strings(baseName, CultureInfo.InvariantCulture);
        Assert.NotEmpty(english);
        foreach (var language in Languages.All.Where(l => l.Code != Languages.English))
        {
            var translated = Strings(baseName, language.Culture);
            Assert.True(english.Keys.Order().SequenceEqual(translated.Keys.Order()),
                $"{baseName} in {language.Code}: missing {string.Join(", ", english.Keys.Except(translated.Keys))}; not in English {string.Join(", ", translated.Keys.Except(english.Keys))}");
            var empty = translated.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key).ToList();
            Assert.True(empty.Count == 0, $"{baseName} in {language.Code}: no text for {string.Join(", ", empty)}");
        }
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void EachTranslation_HasTheEnglishPlaceholders(string baseName)
    {
        var english = Strings(baseName, CultureInfo.InvariantCulture);
        foreach (var language in Languages.All.Where(l => l.Code != Languages.English))
        {
            var translated = Strings(baseName, language.Culture);
            var wrong = english.Keys.Where(key => !Placeholders(english[key]).SetEquals(Placeholders(translated.GetValueOrDefault(key) ?? "")))
                .Select(key => $"{key} (\"{translated.GetValueOrDefault(key)}\")").ToList();
            Assert.True(wrong.Count == 0, $"{baseName} in {language.Code}: other placeholders than English in {string.Join(", ", wrong)}");
        }
    }

    private static Dictionary<string, string> Strings(string baseName, CultureInfo culture)
    {
        var set = new ResourceManager(baseName, App).GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{baseName} has no resources in {(culture.Name.Length == 0 ? "English" : culture.Name)}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
