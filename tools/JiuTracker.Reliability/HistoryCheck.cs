using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>What the database holds of the users' edits, read straight from the SQLite file.</summary>
public sealed record HistoryFindings(
    int AcknowledgedMissing,
    int ConflictsStored,
    int UnansweredStored,
    string IntegrityCheck,
    IReadOnlyList<string> Problems);

public static partial class HistoryCheck
{
    /// <summary>
    /// Every acknowledged edit has its comment in the history, by its user, on its recommendation, and the implementation
    /// status it set at the same instant; no refused edit left anything; <c>PRAGMA integrity_check</c> answers "ok".
    /// </summary>
    public static async Task<HistoryFindings> CheckAsync(string databasePath, IReadOnlyList<Edit> edits, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var integrity = await IntegrityAsync(connection, ct);
        var history = await HistoryAsync(connection, ct);
        var problems = new List<string>();
        int missing = 0, conflictsStored = 0, unansweredStored = 0;
        foreach (var edit in edits)
        {
            var stored = history.TryGetValue(edit.Comment, out var row) ? row : null;
            switch (edit.Outcome)
            {
                case EditOutcome.Acknowledged when stored is null || stored.By != edit.Account || stored.RecommendationId != edit.RecommendationId:
                    missing++;
                    problems.Add($"acknowledged but not in the history: \"{edit.Comment}\" on recommendation {edit.RecommendationId} ({edit.Path})" +
                        (stored is null ? "" : $"; stored by {stored.By} on recommendation {stored.RecommendationId}") +
                        (edit.Detail is null ? "" : $"; the app said: {edit.Detail}"));
                    break;
                case EditOutcome.Acknowledged when edit.Implementation is { } set && !stored.Implementations.Contains(Code(set)):
                    missing++;
                    problems.Add($"acknowledged but its implementation status {set} is not in the history: \"{edit.Comment}\"");
                    break;
                case EditOutcome.Conflict when stored is not null:
                    conflictsStored++;
                    problems.Add($"refused with the conflict message but stored: \"{edit.Comment}\"");
                    break;
                case EditOutcome.Unanswered when stored is not null:
                    unansweredStored++;
                    break;
            }
        }

        if (integrity != "ok")
        {
            problems.Add($"PRAGMA integrity_check: {integrity}");
        }

        return new HistoryFindings(missing, conflictsStored, unansweredStored, integrity, problems);
    }

    private static async Task<string> IntegrityAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    /// <summary>Comment entries by their text, each with the implementation codes written in the same save (same instant, same recommendation).</summary>
    private static async Task<Dictionary<string, StoredComment>> HistoryAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."NewValue", c."ChangedBy", c."RecommendationId",
                   (SELECT group_concat(i."NewValue", ' ') FROM "History" i
                     WHERE i."RecommendationId" = c."RecommendationId" AND i."ChangedAt" = c."ChangedAt" AND i."Field" = 'Implementation')
            FROM "History" c WHERE c."Field" = 'Comment' AND c."NewValue" IS NOT NULL
            """;
        var comments = new Dictionary<string, StoredComment>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var implementations = reader.IsDBNull(3) ? [] : reader.GetString(3).Split(' ');
            comments[reader.GetString(0)] = new StoredComment(reader.GetString(1), reader.GetInt32(2), implementations);
        }

        return comments;
    }

    /// <summary>The history's code for a form value: <c>InProgress</c> is written <c>in-progress</c>.</summary>
    private static string Code(string formValue) => CapitalInside().Replace(formValue, "-$1").ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex CapitalInside();

    private sealed record StoredComment(string By, int RecommendationId, string[] Implementations);
}
