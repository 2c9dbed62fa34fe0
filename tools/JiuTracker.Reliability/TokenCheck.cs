using System.Net;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>What the API answers, at the end of a run (after the restart for a crash), for the run's tokens.</summary>
/// <param name="RevokedRefused">Tokens whose revocation was acknowledged, refused with 401, of <paramref name="RevokedAsked"/>.</param>
/// <param name="KeptAccepted">Tokens acknowledged created and never sent for revocation, answered 200, of <paramref name="KeptAsked"/>.</param>
public sealed record TokenAnswers(int RevokedRefused, int RevokedAsked, int KeptAccepted, int KeptAsked, IReadOnlyList<string> Problems)
{
    public static TokenAnswers None { get; } = new(0, 0, 0, 0, []);
}

/// <summary>What the database holds of the script user's tokens, and what the API answered for them at the end.</summary>
/// <param name="Stored">The account's tokens in <c>ApiTokens</c> with the run's names.</param>
/// <param name="CreatedPresent">Acknowledged creations stored by name with their own <c>ApiTokenCreated</c> entry.</param>
/// <param name="RevokedPresent">Acknowledged revocations stored (<c>RevokedAt</c> set) with their own <c>ApiTokenRevoked</c> entry.</param>
public sealed record TokenFindings(int Stored, int CreatedPresent, int CreatedMissing, int RevokedPresent, int RevokedMissing, TokenAnswers Answers, IReadOnlyList<string> Problems)
{
    public static TokenFindings None { get; } = new(0, 0, 0, 0, 0, TokenAnswers.None, []);
}

public static class TokenCheck
{
    /// <summary>
    /// Asks the running app, with every token of the run: one whose revocation was acknowledged must be refused (401), one
    /// acknowledged created and never sent for revocation must still be accepted (200). Unanswered ones prove nothing.
    /// </summary>
    public static async Task<TokenAnswers> AskAsync(Uri baseAddress, IReadOnlyList<TokenAction> actions)
    {
        var revoked = actions.Where(a => a is { Step: TokenStep.Revoke, Outcome: EditOutcome.Acknowledged }).ToList();
        var sentForRevocation = actions.Where(a => a.Step == TokenStep.Revoke).Select(a => a.Name).ToHashSet();
        var kept = actions.Where(a => a is { Step: TokenStep.Create, Outcome: EditOutcome.Acknowledged, Text: not null } && !sentForRevocation.Contains(a.Name)).ToList();
        var log = new EditLog();
        var problems = new List<string>();
        int refused = 0, accepted = 0;
        foreach (var token in revoked)
        {
            var answer = await TokenUser.ReadAsync(baseAddress, log, token.Text!, TokenUser.Reads[0]);
            if (answer?.Status == HttpStatusCode.Unauthorized)
            {
                refused++;
            }
            else
            {
                problems.Add($"the token \"{token.Name}\", its revocation acknowledged, is {(answer is { } a ? $"answered {(int)a.Status}" : "not answered")} by the API, not refused with 401: the revocation was lost");
            }
        }

        foreach (var token in kept)
        {
            var answer = await TokenUser.ReadAsync(baseAddress, log, token.Text!, TokenUser.Reads[0]);
            if (answer is { Status: HttpStatusCode.OK, Json: true })
            {
                accepted++;
            }
            else
            {
                problems.Add($"the token \"{token.Name}\", its creation acknowledged and never revoked, is {(answer is { } a ? $"answered {(int)a.Status}" : "not answered")} by the API, not 200 with JSON: the creation was lost");
            }
        }

        return new TokenAnswers(refused, revoked.Count, accepted, kept.Count, problems);
    }

    /// <summary>
    /// Every acknowledged creation is stored by its name with its <c>ApiTokenCreated</c> entry; every acknowledged
    /// revocation has <c>RevokedAt</c> set and its <c>ApiTokenRevoked</c> entry; a token or revocation stored without its
    /// acknowledgement is one that went unanswered; no token has two entries of a kind.
    /// </summary>
    public static async Task<TokenFindings> CheckAsync(string databasePath, string email, IReadOnlyList<TokenAction> actions, TokenAnswers answers, CancellationToken ct)
    {
        if (actions.Count == 0)
        {
            return TokenFindings.None with { Answers = answers, Problems = answers.Problems };
        }

        await using var connection = await RunDatabase.OpenReadOnlyAsync(databasePath, ct);
        var names = actions.Select(a => a.Name).ToHashSet();
        var tokens = await TokensAsync(connection, email, ct);
        var created = await EntriesAsync(connection, "ApiTokenCreated", email, ct);
        var revokedEntries = await EntriesAsync(connection, "ApiTokenRevoked", email, ct);
        var problems = new List<string>(answers.Problems);
        int createdPresent = 0, createdMissing = 0, revokedPresent = 0, revokedMissing = 0;
        foreach (var creation in actions.Where(a => a is { Step: TokenStep.Create, Outcome: EditOutcome.Acknowledged }))
        {
            var stored = tokens.ContainsKey(creation.Name);
            var entry = created.GetValueOrDefault(creation.Name) > 0;
            if (stored && entry)
            {
                createdPresent++;
            }
            else
            {
                createdMissing++;
                problems.Add($"the token \"{creation.Name}\", its creation acknowledged, is {(stored ? "stored" : "NOT stored")} and {(entry ? "has" : "has NO")} ApiTokenCreated entry");
            }
        }

        foreach (var revocation in actions.Where(a => a is { Step: TokenStep.Revoke, Outcome: EditOutcome.Acknowledged }))
        {
            var stored = tokens.GetValueOrDefault(revocation.Name);
            var entry = revokedEntries.GetValueOrDefault(revocation.Name) > 0;
            if (stored && entry)
            {
                revokedPresent++;
            }
            else
            {
                revokedMissing++;
                problems.Add($"the token \"{revocation.Name}\", its revocation acknowledged, is {(stored ? "revoked" : "NOT revoked")} in ApiTokens and {(entry ? "has" : "has NO")} ApiTokenRevoked entry");
            }
        }

        Unacknowledged(TokenStep.Create, tokens.Keys.Where(names.Contains), "stored");
        Unacknowledged(TokenStep.Revoke, tokens.Where(t => t.Value && names.Contains(t.Key)).Select(t => t.Key), "stored as revoked");
        foreach (var (kind, entries) in new[] { ("ApiTokenCreated", created), ("ApiTokenRevoked", revokedEntries) })
        {
            problems.AddRange(entries.Where(e => e.Value > 1 && names.Contains(e.Key)).Select(e => $"the token \"{e.Key}\" has {e.Value} {kind} entries"));
        }

        return new TokenFindings(tokens.Keys.Count(names.Contains), createdPresent, createdMissing, revokedPresent, revokedMissing, answers, problems);

        // A token stored without an acknowledgement must be one whose post went unanswered: a refused one stores nothing.
        void Unacknowledged(TokenStep step, IEnumerable<string> storedNames, string how)
        {
            var acknowledged = actions.Where(a => a.Step == step && a.Outcome == EditOutcome.Acknowledged).Select(a => a.Name).ToHashSet();
            var unanswered = actions.Where(a => a.Step == step && a.Outcome == EditOutcome.Unanswered).Select(a => a.Name).ToHashSet();
            problems.AddRange(storedNames.Where(n => !acknowledged.Contains(n) && !unanswered.Contains(n))
                .Select(n => $"the token \"{n}\" is {how}, yet its {step.ToString().ToLowerInvariant()} was refused: a refused post was stored"));
        }
    }

    /// <summary>The account's tokens by name, each with whether it is revoked.</summary>
    private static async Task<Dictionary<string, bool>> TokensAsync(SqliteConnection connection, string email, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t."Name", t."RevokedAt" IS NOT NULL FROM "ApiTokens" t JOIN "AspNetUsers" u ON u."Id" = t."UserId"
            WHERE u."NormalizedEmail" = $email
            """;
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        var tokens = new Dictionary<string, bool>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tokens[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return tokens;
    }

    /// <summary>The count of <paramref name="action"/> entries about the account per token name (their details quote it: API token "name").</summary>
    private static async Task<Dictionary<string, int>> EntriesAsync(SqliteConnection connection, string action, string email, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Details" FROM "AdminAudit" WHERE "Action" = $action AND "Subject" = $email""";
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$email", email);
        var entries = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            const string Quoted = "API token \"";
            var details = reader.GetString(0);
            var start = details.IndexOf(Quoted, StringComparison.Ordinal);
            var end = start < 0 ? -1 : details.IndexOf('"', start + Quoted.Length);
            if (end > 0)
            {
                var name = details[(start + Quoted.Length)..end];
                entries[name] = entries.GetValueOrDefault(name) + 1;
            }
        }

        return entries;
    }
}
