using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>What the database holds of the coordinator's rounds, read straight from the SQLite file.</summary>
/// <param name="OutboxRequests">The opening requests in the outbox of the acknowledged rounds, against the number the app said it wrote.</param>
/// <param name="RemindersStored">Reminders by hand in the outbox of the rounds the coordinator reminded in.</param>
/// <param name="ClosedWithDocuments">Closed rounds (acknowledged or not) holding their Word document and workbook, each matching its SHA-256.</param>
public sealed record RoundFindings(
    int OpenedPresent,
    int OpenedMissing,
    int OutboxRequests,
    int OutboxRequestsSaid,
    int RemindersStored,
    int ClosedPresent,
    int ClosedMissing,
    int ClosedWithDocuments,
    int ClosedInDatabase,
    IReadOnlyList<string> Problems)
{
    public static RoundFindings None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, []);
}

public static class RoundCheck
{
    /// <summary>
    /// Every round the app acknowledged as opened exists, with as many opening requests in its outbox as the app said;
    /// the reminders acknowledged are in the outbox (no more than were sent); every round acknowledged as closed is
    /// closed; and every closed round holds its two frozen documents, whose bytes match their SHA-256.
    /// </summary>
    public static async Task<RoundFindings> CheckAsync(string databasePath, IReadOnlyList<RoundAction> actions, CancellationToken ct)
    {
        if (actions.Count == 0)
        {
            return RoundFindings.None;
        }

        await using var connection = await RunDatabase.OpenReadOnlyAsync(databasePath, ct);
        var rounds = await RoundsAsync(connection, ct);
        var outbox = await OutboxAsync(connection, ct);
        var documents = await DocumentsAsync(connection, ct);
        var problems = new List<string>();

        int openedPresent = 0, openedMissing = 0, requests = 0, requestsSaid = 0;
        foreach (var open in actions.Where(a => a is { Step: RoundStep.Open, Outcome: EditOutcome.Acknowledged }))
        {
            if (!rounds.TryGetValue(open.RoundId!.Value, out var round) || round.Name != open.Subject)
            {
                openedMissing++;
                problems.Add($"round \"{open.Subject}\" acknowledged as opened (id {open.RoundId}) is not in the database");
                continue;
            }

            openedPresent++;
            var written = outbox.GetValueOrDefault((round.Id, "RoundOpened"));
            requests += written;
            requestsSaid += open.Emails ?? 0;
            if (open.Emails is { } said ? written != said : written == 0)
            {
                problems.Add($"round \"{open.Subject}\" has {written} opening request(s) in the outbox; the app said {open.Emails?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} ({open.Detail})");
            }
        }

        var opened = actions.Where(a => a.Step == RoundStep.Open && a.Outcome is EditOutcome.Acknowledged or EditOutcome.Unanswered).Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);
        var tags = actions.Where(a => a.Step == RoundStep.Open).Select(a => a.Subject[..a.Subject.LastIndexOf(" round ", StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        foreach (var round in rounds.Values.Where(r => tags.Any(t => r.Name.StartsWith(t + " round ", StringComparison.Ordinal)) && !opened.Contains(r.Name)))
        {
            problems.Add($"round \"{round.Name}\" is in the database, but its opening was refused");
        }

        var remindersStored = 0;
        foreach (var group in actions.Where(a => a.Step == RoundStep.Remind).GroupBy(a => a.RoundId!.Value))
        {
            var acknowledged = group.Count(a => a.Outcome == EditOutcome.Acknowledged);
            var unanswered = group.Count(a => a.Outcome == EditOutcome.Unanswered);
            var stored = outbox.GetValueOrDefault((group.Key, "ReminderByHand"));
            remindersStored += stored;
            if (stored < acknowledged || stored > acknowledged + unanswered)
            {
                problems.Add($"round {group.Key}: {stored} reminder(s) by hand in the outbox; {acknowledged} acknowledged, {unanswered} unanswered");
            }
        }

        int closedPresent = 0, closedMissing = 0;
        foreach (var close in actions.Where(a => a is { Step: RoundStep.Close, Outcome: EditOutcome.Acknowledged }))
        {
            if (rounds.TryGetValue(close.RoundId!.Value, out var round) && round.Closed)
            {
                closedPresent++;
            }
            else
            {
                closedMissing++;
                problems.Add($"round {close.RoundId} acknowledged as closed is not closed in the database");
            }
        }

        var withDocuments = 0;
        var closedInDatabase = rounds.Values.Where(r => r.Closed).ToList();
        foreach (var round in closedInDatabase)
        {
            var files = documents.GetValueOrDefault(round.Id) ?? [];
            var whole = files.Where(f => f.Matches).Select(f => Path.GetExtension(f.FileName)).Order(StringComparer.Ordinal).ToList();
            if (whole.SequenceEqual([".docx", ".xlsx"]) && files.Count == 2)
            {
                withDocuments++;
            }
            else
            {
                problems.Add($"closed round {round.Id} \"{round.Name}\" holds {files.Count} document(s), {whole.Count} matching their SHA-256: {string.Join(", ", files.Select(f => f.FileName))}");
            }
        }

        return new RoundFindings(openedPresent, openedMissing, requests, requestsSaid, remindersStored, closedPresent, closedMissing, withDocuments, closedInDatabase.Count, problems);
    }

    private sealed record StoredRound(int Id, string Name, bool Closed);

    private sealed record StoredDocument(string FileName, bool Matches);

    private static async Task<Dictionary<int, StoredRound>> RoundsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "Name", "ClosedAt" IS NOT NULL FROM "FollowUpRounds" """;
        var rounds = new Dictionary<int, StoredRound>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rounds[reader.GetInt32(0)] = new StoredRound(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2));
        }

        return rounds;
    }

    /// <summary>Outbox rows by round and kind.</summary>
    private static async Task<Dictionary<(int RoundId, string Kind), int>> OutboxAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "RoundId", "Kind", COUNT(*) FROM "OutboxMessages" WHERE "RoundId" IS NOT NULL GROUP BY "RoundId", "Kind" """;
        var counts = new Dictionary<(int, string), int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[(reader.GetInt32(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return counts;
    }

    /// <summary>Each round's frozen files, and whether each file's bytes hash to the SHA-256 stored beside them.</summary>
    private static async Task<Dictionary<int, List<StoredDocument>>> DocumentsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "RoundId", "FileName", "Content", "Sha256", "Size" FROM "RoundDocuments" """;
        var documents = new Dictionary<int, List<StoredDocument>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var content = (byte[])reader.GetValue(2);
            var matches = content.Length > 0 && content.LongLength == reader.GetInt64(4) &&
                Convert.ToHexStringLower(SHA256.HashData(content)) == reader.GetString(3).Trim();
            var round = reader.GetInt32(0);
            if (!documents.TryGetValue(round, out var files))
            {
                documents[round] = files = [];
            }

            files.Add(new StoredDocument(reader.GetString(1), matches));
        }

        return documents;
    }
}
