using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>What the database holds of the validators' decisions, and whether its claim columns agree with its history.</summary>
/// <param name="AcceptsPresent">Acknowledged accepts with their validation, the claim's end and the Implemented status in the history, by the validator.</param>
/// <param name="ReturnsPresent">Acknowledged returns with their reason and the claim's end in the history, by the validator, and an e-mail to the claimer in the outbox.</param>
/// <param name="UnansweredStored">Decisions that got no answer, stored all the same (allowed: the app may have saved before the answer was lost).</param>
/// <param name="Recommendations">Recommendations whose claim, return and implementation columns were compared with their history.</param>
public sealed record ClaimFindings(
    int AcceptsPresent,
    int AcceptsMissing,
    int ReturnsPresent,
    int ReturnsMissing,
    int UnansweredStored,
    int Recommendations,
    IReadOnlyList<string> Problems);

public static class ClaimCheck
{
    /// <summary>
    /// Every accept the app acknowledged is in the history as a validation by the validator, with the claim's end and
    /// the status becoming Implemented at the same instant; every acknowledged return has its reason and the claim's end,
    /// and an e-mail with the reason to the claimer; no refused decision left any of these. And on every recommendation
    /// the columns agree with the history: a claim (who and when) with its latest claim entry, a return shown with its
    /// latest return entry, the recorded status with its latest status entry.
    /// </summary>
    public static async Task<ClaimFindings> CheckAsync(string databasePath, IReadOnlyList<ClaimDecision> decisions, CancellationToken ct)
    {
        await using var connection = await RunDatabase.OpenReadOnlyAsync(databasePath, ct);
        var history = await HistoryAsync(connection, ct);
        var emails = await EmailsAsync(connection, ct);
        var returnMails = await ReturnMailsAsync(connection, ct);
        var problems = new List<string>();

        int acceptsPresent = 0, acceptsMissing = 0, returnsPresent = 0, returnsMissing = 0, unansweredStored = 0;
        foreach (var decision in decisions.Where(d => d.Text.Length > 0))
        {
            var on = history.GetValueOrDefault(decision.RecommendationId) ?? [];
            var record = on.FirstOrDefault(e => e.By == decision.By && (decision.Step == DecisionStep.Accept
                ? e.Field == "ClosureValidated" && e.NewValue?.EndsWith($": {decision.Text}", StringComparison.Ordinal) == true
                : e.Field == "ClaimReturned" && e.NewValue == decision.Text));
            var mailed = emails.TryGetValue(decision.ClaimedBy.ToUpperInvariant(), out var email) &&
                returnMails.Any(m => m.To == email && m.Text.Contains(decision.Text, StringComparison.Ordinal));
            var stored = record is not null || (decision.Step == DecisionStep.Return && mailed);
            switch (decision.Outcome)
            {
                case EditOutcome.Acknowledged when decision.Step == DecisionStep.Accept:
                    if (record is not null && Saved(on, record, ("ImplementationClaim", "implemented", null), ("Implementation", null, "implemented")))
                    {
                        acceptsPresent++;
                    }
                    else
                    {
                        acceptsMissing++;
                        problems.Add($"accept of recommendation {decision.RecommendationId} by {decision.By} acknowledged, but " +
                            (record is null ? $"no validation \"…: {decision.Text}\" is in the history" : $"its save holds {Describe(on, record)}"));
                    }

                    break;
                case EditOutcome.Acknowledged:
                    if (record is not null && Saved(on, record, ("ImplementationClaim", "implemented", null)) && mailed)
                    {
                        returnsPresent++;
                    }
                    else
                    {
                        returnsMissing++;
                        problems.Add($"return of recommendation {decision.RecommendationId} by {decision.By} acknowledged, but " +
                            (record is null ? $"the reason \"{decision.Text}\" is not in the history" : !mailed
                                ? $"no e-mail with the reason to {decision.ClaimedBy} ({email ?? "no such account"}) is in the outbox"
                                : $"its save holds {Describe(on, record)}"));
                    }

                    break;
                case EditOutcome.Unanswered when stored:
                    unansweredStored++;
                    break;
                case EditOutcome.Conflict or EditOutcome.OtherRefusal or EditOutcome.ServerError when stored:
                    problems.Add($"{decision.Step} of recommendation {decision.RecommendationId} by {decision.By} was refused ({decision.Detail}), but " +
                        (record is null ? "an e-mail with its reason is in the outbox" : $"the history holds it: {record.Field} \"{record.NewValue}\""));
                    break;
            }
        }

        var recommendations = await RecommendationsAsync(connection, ct);
        foreach (var recommendation in recommendations)
        {
            problems.AddRange(Disagreements(recommendation, history.GetValueOrDefault(recommendation.Id) ?? []));
        }

        return new ClaimFindings(acceptsPresent, acceptsMissing, returnsPresent, returnsMissing, unansweredStored, recommendations.Count, problems);
    }

    /// <summary>
    /// Whether the save that wrote <paramref name="record"/> wrote exactly the status and claim entries expected of it
    /// (same recommendation, same instant, same user), no more.
    /// </summary>
    private static bool Saved(IReadOnlyList<Entry> on, Entry record, params (string Field, string? Old, string? New)[] expected)
    {
        var written = SameSave(on, record).Where(e => e.Field is "ImplementationClaim" or "Implementation").Select(e => (e.Field, e.OldValue, e.NewValue)).ToList();
        return written.Count == expected.Length && expected.All(x => written.Any(w => w.Field == x.Field && (x.Old is null || w.OldValue == x.Old) && w.NewValue == x.New));
    }

    private static IEnumerable<Entry> SameSave(IReadOnlyList<Entry> on, Entry record) => on.Where(e => e.At == record.At && e.By == record.By);

    private static string Describe(IReadOnlyList<Entry> on, Entry record) =>
        string.Join(", ", SameSave(on, record).Select(e => $"{e.Field} {e.OldValue ?? "—"} → {e.NewValue ?? "—"}"));

    /// <summary>Where the recommendation's columns say other than its latest history entries.</summary>
    private static IEnumerable<string> Disagreements(StoredRecommendation recommendation, IReadOnlyList<Entry> on)
    {
        var claim = on.LastOrDefault(e => e.Field == "ImplementationClaim");
        if (recommendation.ClaimedAt is { } claimedAt
            ? claim is null || claim.NewValue != "implemented" || claim.By != recommendation.ClaimedBy || claim.At != claimedAt
            : claim?.NewValue is not null)
        {
            yield return $"recommendation {recommendation.Id}: claimed {(recommendation.ClaimedAt is null ? "by nobody" : $"by {recommendation.ClaimedBy} at {recommendation.ClaimedAt}")}, " +
                $"but its latest claim entry is {(claim is null ? "none" : $"{claim.OldValue ?? "—"} → {claim.NewValue ?? "—"} by {claim.By} at {claim.At}")}";
        }

        var returned = on.LastOrDefault(e => e.Field == "ClaimReturned");
        if (recommendation.ReturnReason is { } reason && (returned is null || returned.NewValue != reason || returned.By != recommendation.ReturnedBy))
        {
            yield return $"recommendation {recommendation.Id}: shown as returned by {recommendation.ReturnedBy} (\"{reason}\"), " +
                $"but its latest return entry is {(returned is null ? "none" : $"by {returned.By} (\"{returned.NewValue}\")")}";
        }

        var status = on.LastOrDefault(e => e.Field == "Implementation")?.NewValue;
        var recorded = recommendation.Implementation is null ? null : HistoryCheck.Code(recommendation.Implementation);
        if (recorded != status)
        {
            yield return $"recommendation {recommendation.Id}: implementation recorded as {recorded ?? "—"}, but its latest status entry says {status ?? "—"}";
        }
    }

    private sealed record Entry(long Id, string Field, string? OldValue, string? NewValue, string By, long At);

    private sealed record StoredRecommendation(int Id, string? Implementation, long? ClaimedAt, string? ClaimedBy, string? ReturnedBy, string? ReturnReason);

    private sealed record ReturnMail(string To, string Text);

    /// <summary>The status, claim and decision entries of every recommendation, in the order they were written.</summary>
    private static async Task<Dictionary<int, List<Entry>>> HistoryAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "RecommendationId", "Id", "Field", "OldValue", "NewValue", "ChangedBy", "ChangedAt" FROM "History"
            WHERE "Field" IN ('Implementation', 'ImplementationClaim', 'ClosureValidated', 'ClaimReturned') ORDER BY "Id"
            """;
        var history = new Dictionary<int, List<Entry>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var recommendation = reader.GetInt32(0);
            if (!history.TryGetValue(recommendation, out var entries))
            {
                history[recommendation] = entries = [];
            }

            entries.Add(new Entry(reader.GetInt64(1), reader.GetString(2), NullOr(reader, 3), NullOr(reader, 4), reader.GetString(5), reader.GetInt64(6)));
        }

        return history;
    }

    private static async Task<List<StoredRecommendation>> RecommendationsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "Implementation", "ClaimedAt", "ClaimedBy", "ClaimReturnedBy", "ClaimReturnReason" FROM "Recommendations" """;
        var recommendations = new List<StoredRecommendation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            recommendations.Add(new StoredRecommendation(reader.GetInt32(0), NullOr(reader, 1), reader.IsDBNull(2) ? null : reader.GetInt64(2), NullOr(reader, 3), NullOr(reader, 4), NullOr(reader, 5)));
        }

        return recommendations;
    }

    /// <summary>The accounts' e-mail addresses by normalized user name, as the app finds the claimer to tell.</summary>
    private static async Task<Dictionary<string, string>> EmailsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "NormalizedUserName", "Email" FROM "AspNetUsers" WHERE "NormalizedUserName" IS NOT NULL AND "Email" IS NOT NULL""";
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            emails[reader.GetString(0)] = reader.GetString(1);
        }

        return emails;
    }

    private static async Task<List<ReturnMail>> ReturnMailsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "ToAddress", "TextBody" FROM "OutboxMessages" WHERE "Kind" = 'ClaimReturned'""";
        var mails = new List<ReturnMail>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            mails.Add(new ReturnMail(reader.GetString(0), reader.GetString(1)));
        }

        return mails;
    }

    private static string? NullOr(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
