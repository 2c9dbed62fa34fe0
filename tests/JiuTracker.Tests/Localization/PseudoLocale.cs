using System.Text.RegularExpressions;
using AngleSharp.Dom;
using JiuTracker.Web.Localization;

namespace JiuTracker.Tests.Localization;

/// <summary>
/// Finds the text of a page that does not come from the resources, in the pseudo-language where every resource string
/// is wrapped in ⟦ ⟧: what is left once the wrapped parts are taken out must be punctuation, symbols or digits. Data
/// people entered is exempt where the page isolates it (<c>&lt;bdi&gt;</c>), and so is a language's own name (an element
/// with a <c>lang</c> of its own, in the language menu).
/// </summary>
public static partial class PseudoLocale
{
    private static readonly string[] TextAttributes = ["aria-label", "title", "alt", "placeholder"];

    public static IReadOnlyList<string> TextOutsideResources(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var found = new List<string>();
        Collect(root, found);
        return found;
    }

    private static void Collect(INode node, List<string> found)
    {
        if (node is IElement element)
        {
            if (element.LocalName is "script" or "style" or "bdi" || (element.HasAttribute("lang") && element != element.Owner!.DocumentElement))
            {
                return;
            }

            foreach (var attribute in TextAttributes)
            {
                if (element.GetAttribute(attribute) is { } value && Unwrapped(value) is { } left)
                {
                    found.Add($"<{element.LocalName} {attribute}=\"{left}\">");
                }
            }
        }

        if (node is IText text && Unwrapped(text.Data) is { } outside)
        {
            found.Add($"\"{outside}\" in <{text.ParentElement?.LocalName}>");
        }

        foreach (var child in node.ChildNodes)
        {
            Collect(child, found);
        }
    }

    /// <summary>The text with its wrapped parts taken out, or null when nothing but punctuation, symbols and digits is left.</summary>
    private static string? Unwrapped(string text)
    {
        var left = Spaces().Replace(Wrapped().Replace(text, " "), " ").Trim();
        return NothingToTranslate().IsMatch(left) ? null : left;
    }

    [GeneratedRegex(PseudoLocalizerFactory.Open + "[^" + PseudoLocalizerFactory.Close + "]*" + PseudoLocalizerFactory.Close)]
    private static partial Regex Wrapped();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[\s\p{P}\p{S}\d]*$")]
    private static partial Regex NothingToTranslate();
}
