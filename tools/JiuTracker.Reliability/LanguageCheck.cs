using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>What the database holds of the language chooser's choices.</summary>
/// <param name="Entries">The account's <c>LanguageChosen</c> audit entries, oldest first, each the language it chose.</param>
/// <param name="AcknowledgedPresent">Acknowledged choices found, in the order made, among the entries.</param>
/// <param name="Kept">The language kept with the account at the end (its claim), or null.</param>
public sealed record LanguageFindings(int Entries, int AcknowledgedPresent, int AcknowledgedMissing, string? Kept, IReadOnlyList<string> Problems)
{
    public static LanguageFindings None { get; } = new(0, 0, 0, null, []);
}

public static class LanguageCheck
{
    /// <summary>
    /// Every acknowledged choice has its audit entry, in the order the choices were made; every entry is a choice that was
    /// acknowledged or went unanswered (a refused one stores nothing); the account keeps the language of the last entry.
    /// </summary>
    public static async Task<LanguageFindings> CheckAsync(string databasePath, string email, IReadOnlyList<LanguageChoiceMade> choices, CancellationToken ct)
    {
        if (choices.Count == 0)
        {
            return LanguageFindings.None;
        }

        await using var connection = await RunDatabase.OpenReadOnlyAsync(databasePath, ct);
        var entries = await EntriesAsync(connection, email, ct);
        var kept = await KeptAsync(connection, email, ct);
        var problems = new List<string>();

        // Walk the entries against the choices sent, in order: an acknowledged choice must find its entry; an unanswered
        // one may or may not have one; a refused one must not.
        int next = 0, present = 0, missing = 0;
        foreach (var choice in choices.Where(c => c.Outcome is EditOutcome.Acknowledged or EditOutcome.Unanswered))
        {
            if (next < entries.Count && entries[next] == choice.Language)
            {
                next++;
                present += choice.Outcome == EditOutcome.Acknowledged ? 1 : 0;
            }
            else if (choice is { Outcome: EditOutcome.Acknowledged, MayBeKeptAlready: false })
            {
                missing++;
                problems.Add($"the choice of {choice.Language}, acknowledged, has no LanguageChosen entry in its place (entry {next + 1} of {entries.Count})");
            }
        }

        if (next < entries.Count)
        {
            problems.Add($"{entries.Count - next} LanguageChosen entries match no choice sent: {string.Join(", ", entries.Skip(next))}");
        }

        if (entries.Count > 0 && kept != entries[^1])
        {
            problems.Add($"the account keeps \"{kept}\", not the last language chosen, \"{entries[^1]}\"");
        }

        return new LanguageFindings(entries.Count, present, missing, kept, problems);
    }

    /// <summary>The language each of the account's entries chose, oldest first (their details end → "xx").</summary>
    private static async Task<List<string>> EntriesAsync(SqliteConnection connection, string email, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Details" FROM "AdminAudit" WHERE "Action" = 'LanguageChosen' AND "Subject" = $email ORDER BY "Id" """;
        command.Parameters.AddWithValue("$email", email);
        var entries = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(reader.GetString(0).Split("→ ")[^1].Trim('"'));
        }

        return entries;
    }

    private static async Task<string?> KeptAsync(SqliteConnection connection, string email, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."ClaimValue" FROM "AspNetUserClaims" c JOIN "AspNetUsers" u ON u."Id" = c."UserId"
            WHERE u."NormalizedEmail" = $email AND c."ClaimType" = 'jiutracker:language'
            """;
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
