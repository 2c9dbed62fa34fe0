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
    /// status it stated recorded at the same instant as decision 032 records it (<see cref="RecordsStatus"/>); an edit
    /// that stated no status changed neither status nor claim; no refused edit left anything; <c>PRAGMA
    /// integrity_check</c> answers "ok".
    /// </summary>
    public static async Task<HistoryFindings> CheckAsync(string databasePath, IReadOnlyList<Edit> edits, CancellationToken ct)
    {
        await using var connection = await RunDatabase.OpenReadOnlyAsync(databasePath, ct);
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
                case EditOutcome.Acknowledged when edit.ThroughApi && stored.Source?.StartsWith(ApiSource, StringComparison.Ordinal) != true:
                    missing++;
                    problems.Add($"acknowledged through the API but its history entry does not say so: \"{edit.Comment}\" has the source {stored.Source ?? "none"}");
                    break;
                case EditOutcome.Acknowledged when !RecordsStatus(stored, edit.Implementation):
                    missing++;
                    problems.Add(edit.Implementation is { } set
                        ? $"acknowledged but its implementation status {set} is not recorded as stated: \"{edit.Comment}\" on recommendation {edit.RecommendationId} ({stored.Describe()})"
                        : $"acknowledged without a status, but its save changed the status or the claim: \"{edit.Comment}\" on recommendation {edit.RecommendationId} ({stored.Describe()})");
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

    /// <summary>
    /// Whether the status and claim entries of an edit's save are exactly what stating <paramref name="set"/> records
    /// with closure validated (decision 032). "Implemented" opens a claim and leaves the recorded status alone, or is no
    /// change when a claim (or a validated Implemented) was there already. Another status is recorded, ending a pending
    /// claim; when it was the recorded status all along, only the claim ends, or nothing changes. No status stated (the
    /// form's or the sheet's shown as it was): nothing changes.
    /// </summary>
    private static bool RecordsStatus(StoredComment stored, string? set)
    {
        string[] ended = [$"{ClaimedCode}>—"];
        var unchanged = stored.Implementations.Length == 0 && stored.Claims.Length == 0;
        if (set is null)
        {
            return unchanged;
        }

        var code = Code(set);
        if (code == ClaimedCode)
        {
            return stored.Implementations.Length == 0 && !stored.ClaimedBefore && stored.RecordedBefore != code
                ? stored.Claims.SequenceEqual([$"—>{ClaimedCode}"])
                : unchanged;
        }

        return stored.RecordedBefore == code
            ? stored.Implementations.Length == 0 && (stored.ClaimedBefore ? stored.Claims.SequenceEqual(ended) : stored.Claims.Length == 0)
            : stored.Implementations.SequenceEqual([code]) && (stored.ClaimedBefore ? stored.Claims.SequenceEqual(ended) : stored.Claims.Length == 0);
    }

    /// <summary>
    /// Comment entries by their text, each with the implementation codes and the claim changes (old&gt;new) written in
    /// the same save (same instant, same recommendation), and the recorded status and the claim just before it.
    /// </summary>
    private static async Task<Dictionary<string, StoredComment>> HistoryAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."NewValue", c."ChangedBy", c."RecommendationId", c."Source",
                   (SELECT group_concat(i."NewValue", ' ') FROM "History" i
                     WHERE i."RecommendationId" = c."RecommendationId" AND i."ChangedAt" = c."ChangedAt" AND i."Field" = 'Implementation'),
                   (SELECT group_concat(coalesce(m."OldValue", '—') || '>' || coalesce(m."NewValue", '—'), ' ') FROM "History" m
                     WHERE m."RecommendationId" = c."RecommendationId" AND m."ChangedAt" = c."ChangedAt" AND m."Field" = 'ImplementationClaim'),
                   (SELECT b."NewValue" FROM "History" b
                     WHERE b."RecommendationId" = c."RecommendationId" AND b."ChangedAt" < c."ChangedAt" AND b."Field" = 'Implementation'
                     ORDER BY b."ChangedAt" DESC, b."Id" DESC LIMIT 1),
                   (SELECT b."NewValue" FROM "History" b
                     WHERE b."RecommendationId" = c."RecommendationId" AND b."ChangedAt" < c."ChangedAt" AND b."Field" = 'ImplementationClaim'
                     ORDER BY b."ChangedAt" DESC, b."Id" DESC LIMIT 1)
            FROM "History" c WHERE c."Field" = 'Comment' AND c."NewValue" IS NOT NULL
            """;
        var comments = new Dictionary<string, StoredComment>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            comments[reader.GetString(0)] = new StoredComment(
                reader.GetString(1), reader.GetInt32(2), Words(reader, 4), Words(reader, 5),
                RecordedBefore: reader.IsDBNull(6) ? null : reader.GetString(6),
                ClaimedBefore: !reader.IsDBNull(7) && reader.GetString(7) == ClaimedCode)
            {
                Source = reader.IsDBNull(3) ? null : reader.GetString(3),
            };
        }

        return comments;
    }

    private static string[] Words(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? [] : reader.GetString(column).Split(' ');

    /// <summary>How the history's source of an API write starts (the token that made it follows).</summary>
    private const string ApiSource = "API token ";

    /// <summary>The value an <c>ImplementationClaim</c> entry gives a pending claim (and the code of Implemented).</summary>
    private const string ClaimedCode = "implemented";

    /// <summary>The history's code for a form value or a stored status: <c>InProgress</c> is written <c>in-progress</c>.</summary>
    internal static string Code(string formValue) => CapitalInside().Replace(formValue, "-$1").ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex CapitalInside();

    /// <param name="Claims">The claim changes of the save, each as <c>old&gt;new</c> with <c>—</c> for none.</param>
    /// <param name="RecordedBefore">The recorded implementation status just before the save (its code), null for none.</param>
    private sealed record StoredComment(string By, int RecommendationId, string[] Implementations, string[] Claims, string? RecordedBefore, bool ClaimedBefore)
    {
        /// <summary>How the save came in (the history's Source): "API token …" for the API's writes.</summary>
        public string? Source { get; init; }

        public string Describe() =>
            $"status entries [{string.Join(", ", Implementations)}], claim entries [{string.Join(", ", Claims)}]; before: {RecordedBefore ?? "no status"}{(ClaimedBefore ? ", claimed" : "")}";
    }
}
