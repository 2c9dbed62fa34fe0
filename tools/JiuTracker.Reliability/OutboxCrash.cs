using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace JiuTracker.Reliability;

/// <param name="Reports">Reports generated (about ten recommendations each; a focal point with an account per three reports).</param>
/// <param name="KillAt">The message, counted at the SMTP server, during whose receipt the app is killed; 0 for a third of the focal points.</param>
/// <param name="ClaimSeconds">How long a sender's claim on the messages it is sending lasts (<c>Email:Outbox:ClaimSeconds</c>).</param>
public sealed record OutboxCrashSettings(string AppDll, string DatabasePath, int Reports, int KillAt = 0, int ClaimSeconds = 5);

/// <summary>What an outbox crash run found: the outbox's rows, and the Message-IDs the SMTP server received.</summary>
/// <param name="Opened">Whether the app acknowledged the round's opening (a redirect).</param>
/// <param name="EmailsSaid">The e-mails the app said it wrote; null when the page saying so did not come (the kill may fall first).</param>
/// <param name="SentAtKill">Rows the database recorded as sent when the app was killed.</param>
/// <param name="Missing">Outbox rows whose Message-ID never arrived.</param>
/// <param name="Duplicates">Message-IDs that arrived more than once.</param>
/// <param name="Unknown">Message-IDs that arrived but belong to no outbox row.</param>
public sealed record OutboxCrashResult(
    OutboxCrashSettings Settings,
    int FocalPointAccounts,
    bool Opened,
    int? EmailsSaid,
    int KillAt,
    int SentAtKill,
    int Rows,
    int Sent,
    int Pending,
    int GivenUp,
    int Received,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Duplicates,
    IReadOnlyList<string> Unknown,
    TimeSpan DrainedAfterRestart,
    string IntegrityCheck,
    TimeSpan Elapsed)
{
    /// <summary>One instance sends one message at a time: at most that one was taken by the server but not recorded as sent.</summary>
    public const int InFlightAtKill = 1;

    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            if (!Opened || Rows == 0 || (EmailsSaid is { } said && said != Rows))
            {
                failures.Add($"the outbox holds {Rows} rows; the app said it wrote {EmailsSaid?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}");
            }

            if (SentAtKill >= Rows)
            {
                failures.Add("everything was sent before the kill: it did not fall into the delivery");
            }

            if (Pending > 0 || GivenUp > 0)
            {
                failures.Add($"after the restart {Pending} rows are still pending and {GivenUp} given up");
            }

            failures.AddRange(Missing.Take(10).Select(id => $"never delivered: {id}"));
            failures.AddRange(Unknown.Take(10).Select(id => $"delivered but in no outbox row: {id}"));
            if (Duplicates.Count > InFlightAtKill)
            {
                failures.Add($"{Duplicates.Count} messages arrived twice; at most {InFlightAtKill} was in flight at the kill");
            }

            if (IntegrityCheck != "ok")
            {
                failures.Add($"PRAGMA integrity_check: {IntegrityCheck}");
            }

            return failures;
        }
    }

    public bool Passed => Failures.Count == 0;

    public void Print(TextWriter output)
    {
        output.WriteLine($"outbox crash: {Settings.Reports} reports generated, {FocalPointAccounts} focal points with an account; a round opened over the reports the Open page ticks by default");
        output.WriteLine($"the app killed with SIGKILL while the SMTP server took message {KillAt} (after its data, before its reply); {SentAtKill} rows were recorded as sent then; restarted, claims lapse after {Settings.ClaimSeconds} s");
        output.WriteLine($"outbox: {Rows} rows (the app said {EmailsSaid?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}); after the restart {Sent} sent, {Pending} pending, {GivenUp} given up, {DrainedAfterRestart.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s after it was ready");
        output.WriteLine($"SMTP server: {Received} messages received, {Rows - Missing.Count} of {Rows} rows' Message-IDs among them ({Missing.Count} missing), " +
            $"{Duplicates.Count} arrived twice ({string.Join(", ", Duplicates)}; in flight at the kill: {InFlightAtKill}), {Unknown.Count} unknown");
        output.WriteLine($"PRAGMA integrity_check: {IntegrityCheck}");
        output.WriteLine($"elapsed: {Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (generating, start-ups and checks included)");
        foreach (var failure in Failures.Take(20))
        {
            output.WriteLine($"FAILED: {failure}");
        }

        output.WriteLine(Passed ? "result: passed" : "result: FAILED");
    }
}

/// <summary>
/// The outbox's proof: a round e-mails many focal points over a real SMTP server on 127.0.0.1; the app is killed with
/// SIGKILL in the middle of the delivery and started again; once nothing is pending, every outbox row's Message-ID
/// must have arrived, and no more arrive twice than were in flight at the kill.
/// </summary>
public static class OutboxCrash
{
    private const string Administrator = "outbox-crash@reliability.test";
    private const string Password = "Outbox-Crash-2026!";
    private const string Sender = "jiutracker@reliability.test";

    public static async Task<OutboxCrashResult> RunAsync(OutboxCrashSettings settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await AppProcess.RunCommandAsync(settings.AppDll, settings.DatabasePath, ["generate", "--reports", settings.Reports.ToString(CultureInfo.InvariantCulture), "--seed", "1", "--accounts"], null, ct);
        await AppProcess.RunCommandAsync(settings.AppDll, settings.DatabasePath, ["create-admin", "--email", Administrator], Password, ct);
        var accounts = await ScalarAsync(settings.DatabasePath, """SELECT COUNT(*) FROM "FocalPoints" WHERE "UserId" IS NOT NULL""", ct);
        var killAt = settings.KillAt > 0 ? settings.KillAt : Math.Max(1, accounts / 3);

        await using var smtp = await MailCatcher.StartAsync();
        var log = new EditLog();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = Start(settings, smtp.Port);
        await using (app)
        {
            await app.WaitUntilReadyAsync(ct);
            smtp.OnReceiving = (count, _) =>
            {
                if (count == killAt && !killed.Task.IsCompleted)
                {
                    // Before the server's reply: the message is the server's, and the app never learns it.
                    app.Crash();
                    killed.TrySetResult();
                }
            };
            using var coordinator = new Coordinator(app.BaseAddress, "outbox crash", log, Administrator, Password);
            await coordinator.SignInAsync(ct);
            await coordinator.OpenAsync($"Outbox crash {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}", ct);
            await killed.Task.WaitAsync(TimeSpan.FromMinutes(5), ct);
        }

        var sentAtKill = await ScalarAsync(settings.DatabasePath, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "State" = 'Sent'""", ct);
        TimeSpan drained;
        await using (var restarted = Start(settings, smtp.Port))
        {
            await restarted.WaitUntilReadyAsync(ct);
            var since = Stopwatch.StartNew();
            var patience = TimeSpan.FromSeconds(settings.ClaimSeconds) + TimeSpan.FromMinutes(5);
            while (await ScalarAsync(settings.DatabasePath, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "State" = 'Pending'""", ct) > 0 && since.Elapsed < patience)
            {
                await Task.Delay(200, ct);
            }

            drained = since.Elapsed;
        }

        var rows = await OutboxAsync(settings.DatabasePath, ct);
        var received = smtp.MessageIds;
        var expected = rows.Keys.Select(id => $"jiutracker-outbox-{id.ToString(CultureInfo.InvariantCulture)}@reliability.test").ToHashSet(StringComparer.Ordinal);
        var arrived = received.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new OutboxCrashResult(
            settings,
            accounts,
            log.Count(RoundStep.Open, EditOutcome.Acknowledged) == 1,
            log.RoundActions.SingleOrDefault(a => a is { Step: RoundStep.Open, Outcome: EditOutcome.Acknowledged })?.Emails,
            killAt,
            sentAtKill,
            rows.Count,
            rows.Values.Count(s => s == "Sent"),
            rows.Values.Count(s => s == "Pending"),
            rows.Values.Count(s => s == "GivenUp"),
            received.Count,
            [.. expected.Where(id => !arrived.ContainsKey(id)).Order(StringComparer.Ordinal)],
            [.. arrived.Where(a => a.Value > 1).Select(a => a.Key).Order(StringComparer.Ordinal)],
            [.. arrived.Keys.Where(id => !expected.Contains(id)).Order(StringComparer.Ordinal)],
            drained,
            await IntegrityAsync(settings.DatabasePath, ct),
            clock.Elapsed);
    }

    /// <summary>Demo mode's environment on the generated database (which it leaves alone), delivering to the catcher, a pass every second.</summary>
    private static AppProcess Start(OutboxCrashSettings settings, int smtpPort) =>
        AppProcess.Start(settings.AppDll, settings.DatabasePath, "Development", new Dictionary<string, string>
        {
            ["Security:SignInAttemptsPerAccountPerMinute"] = "100000",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = Sender,
            ["Email:Outbox:DeliverInDemoMode"] = "true",
            ["Email:Outbox:ClaimSeconds"] = settings.ClaimSeconds.ToString(CultureInfo.InvariantCulture),
            ["FollowUp:CheckEverySeconds"] = "1",
        });

    private static SqliteConnection Open(string databasePath) =>
        new(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());

    private static async Task<int> ScalarAsync(string databasePath, string sql, CancellationToken ct)
    {
        await using var connection = Open(databasePath);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<long, string>> OutboxAsync(string databasePath, CancellationToken ct)
    {
        await using var connection = Open(databasePath);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "State" FROM "OutboxMessages" """;
        var rows = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows[reader.GetInt64(0)] = reader.GetString(1);
        }

        return rows;
    }

    private static async Task<string> IntegrityAsync(string databasePath, CancellationToken ct)
    {
        await using var connection = Open(databasePath);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
