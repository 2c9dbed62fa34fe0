using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>What the database holds of the evidence uploader's files, read straight from the SQLite file.</summary>
/// <param name="UploadsPresent">Acknowledged uploads stored on their recommendation with the SHA-256 of the bytes sent, the stored bytes matching it.</param>
/// <param name="WithdrawalsPresent">Acknowledged withdrawals stored against their file with their reason.</param>
public sealed record EvidenceFindings(int UploadsPresent, int UploadsMissing, int WithdrawalsPresent, int WithdrawalsMissing, IReadOnlyList<string> Problems)
{
    public static EvidenceFindings None { get; } = new(0, 0, 0, 0, []);
}

public static class EvidenceCheck
{
    /// <summary>
    /// Every upload the app acknowledged is stored on its recommendation with the SHA-256 of the bytes sent (and its
    /// stored bytes hash to it); every withdrawal acknowledged is stored with its reason; no refused upload is stored.
    /// </summary>
    public static async Task<EvidenceFindings> CheckAsync(string databasePath, IReadOnlyList<EvidenceAction> actions, CancellationToken ct)
    {
        if (actions.Count == 0)
        {
            return EvidenceFindings.None;
        }

        await using var connection = await RunDatabase.OpenReadOnlyAsync(databasePath, ct);
        var files = await FilesAsync(connection, ct);
        var withdrawals = await WithdrawalsAsync(connection, ct);
        var problems = new List<string>();

        int uploadsPresent = 0, uploadsMissing = 0;
        foreach (var upload in actions.Where(a => a.Step == EvidenceStep.Upload))
        {
            var stored = files.GetValueOrDefault(upload.Sha256);
            if (upload.Outcome == EditOutcome.Acknowledged)
            {
                if (stored is not null && stored.RecommendationId == upload.RecommendationId && stored.BytesMatch && (upload.EvidenceId is null || upload.EvidenceId == stored.Id))
                {
                    uploadsPresent++;
                }
                else
                {
                    uploadsMissing++;
                    problems.Add(stored is null
                        ? $"{upload.FileName} (SHA-256 {upload.Sha256}) acknowledged as attached to recommendation {upload.RecommendationId} is not in the database"
                        : $"{upload.FileName} (SHA-256 {upload.Sha256}) is stored as file {stored.Id} of recommendation {stored.RecommendationId}, its bytes {(stored.BytesMatch ? "" : "NOT ")}matching; acknowledged as file {upload.EvidenceId} of recommendation {upload.RecommendationId}");
                }
            }
            else if (upload.Outcome != EditOutcome.Unanswered && stored is not null)
            {
                problems.Add($"{upload.FileName} (SHA-256 {upload.Sha256}) is in the database, but its upload was refused ({upload.Detail})");
            }
        }

        int withdrawalsPresent = 0, withdrawalsMissing = 0;
        foreach (var withdrawal in actions.Where(a => a is { Step: EvidenceStep.Withdraw, Outcome: EditOutcome.Acknowledged }))
        {
            if (withdrawals.TryGetValue(withdrawal.EvidenceId!.Value, out var reason) && reason == withdrawal.Text)
            {
                withdrawalsPresent++;
            }
            else
            {
                withdrawalsMissing++;
                problems.Add($"file {withdrawal.EvidenceId} ({withdrawal.FileName}) acknowledged as withdrawn with \"{withdrawal.Text}\" is {(reason is null ? "not withdrawn" : $"withdrawn with \"{reason}\"")} in the database");
            }
        }

        return new EvidenceFindings(uploadsPresent, uploadsMissing, withdrawalsPresent, withdrawalsMissing, problems);
    }

    private sealed record StoredFile(int Id, int RecommendationId, bool BytesMatch);

    /// <summary>The stored files by their SHA-256, and whether each one's bytes hash to it (and have its size).</summary>
    private static async Task<Dictionary<string, StoredFile>> FilesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e."Id", e."RecommendationId", e."Sha256", e."Size", c."Bytes"
            FROM "Evidence" e LEFT JOIN "EvidenceContents" c ON c."EvidenceFileId" = e."Id"
            """;
        var files = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var sha256 = reader.GetString(2).Trim();
            var bytes = reader.IsDBNull(4) ? [] : (byte[])reader.GetValue(4);
            var matches = bytes.Length > 0 && bytes.LongLength == reader.GetInt64(3) && Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256;
            files[sha256] = new StoredFile(reader.GetInt32(0), reader.GetInt32(1), matches);
        }

        return files;
    }

    /// <summary>The withdrawal reasons by file.</summary>
    private static async Task<Dictionary<int, string>> WithdrawalsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "EvidenceFileId", "Reason" FROM "EvidenceWithdrawals" """;
        var reasons = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            reasons[reader.GetInt32(0)] = reader.GetString(1);
        }

        return reasons;
    }
}
