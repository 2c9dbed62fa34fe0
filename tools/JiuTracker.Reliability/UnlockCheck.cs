using System.Globalization;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <summary>What the database holds of the administrator's unlocks of the locking user's account.</summary>
/// <param name="AuditEntries">The account's <c>AccountUnlocked</c> entries in <c>AdminAudit</c>.</param>
/// <param name="AcknowledgedPresent">Acknowledged unlocks with an entry of their own stamped between their post and its answer.</param>
/// <param name="LeftLocked">Whether the account is locked in the database now (null when the run sent no unlock).</param>
public sealed record UnlockFindings(int AuditEntries, int AcknowledgedPresent, int AcknowledgedMissing, bool? LeftLocked, IReadOnlyList<string> Problems)
{
    public static UnlockFindings None { get; } = new(0, 0, 0, null, []);
}

public static class UnlockCheck
{
    /// <summary>
    /// Every acknowledged unlock has its own <c>AccountUnlocked</c> entry, stamped between its post and its answer;
    /// there are no more entries than acknowledged and unanswered unlocks together (a refused one writes none); and
    /// unless five wrong passwords were sent after the last acknowledged unlock, the account is not locked.
    /// </summary>
    public static async Task<UnlockFindings> CheckAsync(string databasePath, string email, IReadOnlyList<UnlockAttempt> unlocks, int wrongPasswordsSinceUnlock, CancellationToken ct)
    {
        if (unlocks.Count == 0)
        {
            return UnlockFindings.None;
        }

        await using var connection = await RunDatabase.OpenReadOnlyAsync(databasePath, ct);
        var entries = await EntriesAsync(connection, email, ct);
        var problems = new List<string>();
        var unused = new List<DateTimeOffset>(entries);
        int present = 0, missing = 0;
        foreach (var unlock in unlocks.Where(u => u.Outcome == EditOutcome.Acknowledged).OrderBy(u => u.Sent))
        {
            var index = unused.FindIndex(at => at >= unlock.Sent - Rounding && at <= unlock.Answered + Rounding);
            if (index >= 0)
            {
                present++;
                unused.RemoveAt(index);
            }
            else
            {
                missing++;
                problems.Add($"the unlock of {email} acknowledged at {unlock.Answered:O} has no AccountUnlocked entry stamped between {unlock.Sent:O} and then");
            }
        }

        var unanswered = unlocks.Count(u => u.Outcome == EditOutcome.Unanswered);
        if (unused.Count > unanswered)
        {
            problems.Add($"{unused.Count} AccountUnlocked entries of {email} belong to no acknowledged unlock, and only {unanswered} unlocks went unanswered: a refused unlock was stored");
        }

        var lockedUntil = await LockoutEndAsync(connection, email, ct);
        var leftLocked = lockedUntil is { } until && until > DateTimeOffset.UtcNow && until.Year < 9999;
        if (leftLocked && wrongPasswordsSinceUnlock < 5)
        {
            problems.Add($"{email} is locked until {lockedUntil:O}, yet only {wrongPasswordsSinceUnlock} wrong passwords were sent after its last acknowledged unlock: the unlock was lost");
        }

        return new UnlockFindings(entries.Count, present, missing, leftLocked, problems);
    }

    /// <summary>The stored moments keep 100 µs (<c>DateTimeOffsetToBinaryConverter</c>): a moment read back may be up to that earlier.</summary>
    private static readonly TimeSpan Rounding = TimeSpan.FromMilliseconds(1);

    private static async Task<List<DateTimeOffset>> EntriesAsync(SqliteConnection connection, string email, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "At" FROM "AdminAudit" WHERE "Action" = 'AccountUnlocked' AND "Subject" = $email ORDER BY "At", "Id" """;
        command.Parameters.AddWithValue("$email", email);
        var entries = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(FromBinary(reader.GetInt64(0)));
        }

        return entries;
    }

    private static async Task<DateTimeOffset?> LockoutEndAsync(SqliteConnection connection, string email, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "LockoutEnd" FROM "AspNetUsers" WHERE "NormalizedEmail" = $email""";
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        var value = await command.ExecuteScalarAsync(ct);
        return value switch
        {
            null or DBNull => null,
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
            _ => FromBinary(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>EF Core's binary form of a <see cref="DateTimeOffset"/>: the local ticks / 1000 above 11 bits of offset minutes.</summary>
    private static DateTimeOffset FromBinary(long binary)
    {
        var offsetMinutes = (short)((binary & 0x7FF) << 5) >> 5;
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset((binary >> 11) * 1000, offset);
    }
}
