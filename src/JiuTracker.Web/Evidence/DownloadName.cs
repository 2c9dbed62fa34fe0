using System.Text;

namespace JiuTracker.Web.Evidence;

/// <summary>A file name safe to keep and to send back: no path, no control characters, no quotes.</summary>
public static class DownloadName
{
    private const string Fallback = "evidence";

    public static string Of(string? uploadedName)
    {
        // Browsers on Windows may send the whole path; only its last segment is the name.
        var name = (uploadedName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        // By runes, so a lone surrogate (not a character) becomes U+FFFD instead of breaking the header's encoding.
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is '"' or '\'')
            {
                continue;
            }

            kept.Append(rune.Value is ':' or '*' or '?' or '<' or '>' or '|' ? "_" : rune.ToString());
        }

        var result = kept.ToString().Normalize(NormalizationForm.FormC).Trim().Trim('.').Trim();
        if (result.Length > Domain.EvidenceFile.MaxFileNameLength)
        {
            // The end keeps the extension.
            result = result[^Domain.EvidenceFile.MaxFileNameLength..];
            result = char.IsLowSurrogate(result[0]) ? result[1..] : result;
        }

        return result.Length == 0 ? Fallback : result;
    }

    /// <summary>
    /// <c>attachment</c> with an ASCII <c>filename</c> (non-ASCII letters as <c>_</c>) and, for a name that is not
    /// plain ASCII, the exact one as RFC 5987 <c>filename*</c>.
    /// </summary>
    public static string ContentDisposition(string storedName)
    {
        var name = Of(storedName);
        var ascii = new string([.. name.Select(c => c is >= ' ' and < (char)127 and not ('"' or '\\' or ';' or '%') ? c : '_')]);
        return ascii == name
            ? $"attachment; filename=\"{ascii}\""
            : $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}
