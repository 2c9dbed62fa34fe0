using System.ComponentModel;
using System.Text.Json;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Requests;

namespace JiuTracker.Web.Api;

/// <summary>
/// The body of <c>PATCH /api/v1/recommendations/{id}</c>, a JSON merge patch: a property left out keeps its stored
/// value, <c>null</c> records "not recorded"; statuses are the CSV's codes. Read by <see cref="Read"/>, which names
/// each property that cannot be used.
/// </summary>
public sealed record RecommendationChange(
    [property: Description("accepted, not-accepted, not-relevant or under-consideration; null for not recorded; left out to keep the stored one.")]
    string? Acceptance,
    [property: Description("not-started, in-progress or implemented (only on an accepted recommendation); null for not recorded; left out to keep the stored one.")]
    string? Implementation,
    [property: Description("A new comment, added to the recommendation's comments (at most 10,000 characters); left out or empty for none.")]
    string? Comment)
{
    /// <summary>More than a longest comment with every character escaped; a larger body is refused unread.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    public const string AcceptanceProperty = "acceptance";
    public const string ImplementationProperty = "implementation";
    public const string CommentProperty = "comment";

    /// <summary>What a body asks for: each status only when the body names it.</summary>
    public sealed record Parsed(bool SetsAcceptance, Acceptance? Acceptance, bool SetsImplementation, ImplementationStatus? Implementation, string? Comment);

    /// <returns>The change, or the problems with the body, keyed by property (<c>body</c> for the body as a whole).</returns>
    public static (Parsed? Change, List<(string Property, string Message)> Problems) Read(ReadOnlyMemory<byte> body)
    {
        var problems = new List<(string, string)>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException notJson)
        {
            problems.Add(("body", $"The body is not JSON: {notJson.Message}"));
            return (null, problems);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(("body", $"The body must be a JSON object such as {{\"{AcceptanceProperty}\": \"accepted\"}}, not {Kind(document.RootElement)}."));
                return (null, problems);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool setsAcceptance = false, setsImplementation = false;
            Acceptance? acceptance = null;
            ImplementationStatus? implementation = null;
            string? comment = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    problems.Add((Printable(property.Name), "The property is given twice; give it once."));
                    continue;
                }

                switch (property.Name)
                {
                    case AcceptanceProperty:
                        setsAcceptance = true;
                        acceptance = ReadCode(property, Enum.GetValues<Acceptance>(), a => a.Code(), problems);
                        break;
                    case ImplementationProperty:
                        setsImplementation = true;
                        implementation = ReadCode(property, Enum.GetValues<ImplementationStatus>(), i => i.Code(), problems);
                        break;
                    case CommentProperty:
                        comment = ReadComment(property, problems);
                        break;
                    default:
                        problems.Add((Printable(property.Name),
                            $"There is no such property; the body takes {AcceptanceProperty}, {ImplementationProperty} and {CommentProperty}."));
                        break;
                }
            }

            return problems.Count > 0 ? (null, problems) : (new Parsed(setsAcceptance, acceptance, setsImplementation, implementation, comment), problems);
        }
    }

    private static T? ReadCode<T>(JsonProperty property, T[] values, Func<T, string> code, List<(string, string)> problems)
        where T : struct, Enum
    {
        var codes = string.Join(", ", values.Select(code));
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.Value.ValueKind == JsonValueKind.String && values.FirstOrDefault(v => code(v) == property.Value.GetString()) is var found && !found.Equals(default(T)))
        {
            return found;
        }

        var given = property.Value.ValueKind == JsonValueKind.String ? $"\"{Printable(property.Value.GetString()!)}\"" : Kind(property.Value);
        problems.Add((property.Name, $"{given} is not a code this property takes: one of {codes}, or null for not recorded."));
        return null;
    }

    private static string? ReadComment(JsonProperty property, List<(string, string)> problems)
    {
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (property.Value.ValueKind != JsonValueKind.String)
        {
            problems.Add((property.Name, $"The comment must be text (a JSON string), not {Kind(property.Value)}."));
            return null;
        }

        var text = property.Value.GetString()!;
        if (FormTextGuard.HasControlCharacter(text))
        {
            problems.Add((property.Name, "The comment contains a control character, which is not text."));
        }
        else if (text.Trim().Length > Domain.Comment.MaxLength)
        {
            problems.Add((property.Name, Domain.Comment.TooLongMessage));
        }

        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    /// <summary>A name or value as a message may quote it: shortened, control characters shown as "?".</summary>
    private static string Printable(string text) => new([.. text.Take(100).Select(c => char.IsControl(c) ? '?' : c)]);
}
