using System.Diagnostics;

namespace JiuTracker.Reliability;

/// <param name="AppDll">The built or published <c>JiuTracker.Web.dll</c> to run.</param>
/// <param name="DatabasePath">A SQLite file of the run's own (created by the app in demo mode).</param>
/// <param name="Duration">How long the users edit: the whole soak, or the burst the crash falls into.</param>
/// <param name="CrashAfter">For a crash run: when, in the burst, the app is killed.</param>
public sealed record RunSettings(string AppDll, string DatabasePath, int Users, TimeSpan Duration, TimeSpan CrashAfter = default);

/// <summary>The two proofs: a soak of concurrent editors, and a SIGKILL in the middle of a burst of edits.</summary>
public static class Runs
{
    /// <summary>Users edit overlapping recommendations for the duration; then the app stops and the database is checked.</summary>
    public static async Task<RunResult> SoakAsync(RunSettings settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var app = await AppProcess.StartAsync(settings.AppDll, settings.DatabasePath, port: 0, ct);
        await using (app)
        {
            var log = new EditLog();
            using var crowd = await Crowd.SignInAsync(settings, app.BaseAddress, "soak", log, ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var editing = crowd.EditAsync(stop.Token);
            await Task.Delay(settings.Duration, ct);
            await FirstAcknowledgedSaveAsync(log, ct, andClosedRoundAndDecision: true);
            await stop.CancelAsync();
            await editing;
            var answers = await TokenCheck.AskAsync(app.BaseAddress, log.TokenActions);
            await app.StopAsync();
            var findings = await HistoryCheck.CheckAsync(settings.DatabasePath, log.Edits, ct);
            var rounds = await RoundCheck.CheckAsync(settings.DatabasePath, log.RoundActions, ct);
            var evidence = await EvidenceCheck.CheckAsync(settings.DatabasePath, log.EvidenceActions, ct);
            var claims = await ClaimCheck.CheckAsync(settings.DatabasePath, log.Decisions, ct);
            var unlocks = await UnlockCheck.CheckAsync(settings.DatabasePath, Unlocker.Email, log.Unlocks, log.WrongPasswordsSinceUnlock, ct);
            var tokens = await TokenCheck.CheckAsync(settings.DatabasePath, TokenUser.Email, log.TokenActions, answers, ct);
            var languages = await LanguageCheck.CheckAsync(settings.DatabasePath, LanguageChooser.Email, log.LanguageChoices, ct);
            return new RunResult("soak", settings, log, findings, rounds, evidence, claims, unlocks, tokens, languages, RestartServesLastSave: null, clock.Elapsed);
        }
    }

    /// <summary>
    /// Users edit; <see cref="RunSettings.CrashAfter"/> into the burst the app is killed with SIGKILL while saves are in
    /// flight; it is started again on the same file, and every save it had acknowledged must be in the history.
    /// </summary>
    public static async Task<RunResult> CrashAsync(RunSettings settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var log = new EditLog();
        var app = await AppProcess.StartAsync(settings.AppDll, settings.DatabasePath, port: 0, ct);
        await using (app)
        {
            using var crowd = await Crowd.SignInAsync(settings, app.BaseAddress, "crash", log, ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var editing = crowd.EditAsync(stop.Token);
            await Task.Delay(settings.CrashAfter, ct);
            await FirstAcknowledgedSaveAsync(log, ct, andUnlock: true);
            app.Crash();
            // The users keep trying against the dead app for the rest of the burst: those requests go unanswered.
            await Task.Delay(settings.Duration - settings.CrashAfter is { Ticks: > 0 } rest ? rest : TimeSpan.FromSeconds(1), ct);
            await stop.CancelAsync();
            await editing;
        }

        bool servesLastSave;
        TokenAnswers answers;
        await using (var restarted = await AppProcess.StartAsync(settings.AppDll, settings.DatabasePath, port: 0, ct))
        {
            servesLastSave = await ShowsInHistoryAsync(restarted.BaseAddress, log.Edits.LastOrDefault(e => e.Outcome == EditOutcome.Acknowledged), ct);
            answers = await TokenCheck.AskAsync(restarted.BaseAddress, log.TokenActions);
        }

        var findings = await HistoryCheck.CheckAsync(settings.DatabasePath, log.Edits, ct);
        var rounds = await RoundCheck.CheckAsync(settings.DatabasePath, log.RoundActions, ct);
        var evidence = await EvidenceCheck.CheckAsync(settings.DatabasePath, log.EvidenceActions, ct);
        var claims = await ClaimCheck.CheckAsync(settings.DatabasePath, log.Decisions, ct);
        var unlocks = await UnlockCheck.CheckAsync(settings.DatabasePath, Unlocker.Email, log.Unlocks, log.WrongPasswordsSinceUnlock, ct);
        var tokens = await TokenCheck.CheckAsync(settings.DatabasePath, TokenUser.Email, log.TokenActions, answers, ct);
        var languages = await LanguageCheck.CheckAsync(settings.DatabasePath, LanguageChooser.Email, log.LanguageChoices, ct);
        return new RunResult("crash", settings, log, findings, rounds, evidence, claims, unlocks, tokens, languages, servesLastSave, clock.Elapsed);
    }

    /// <summary>
    /// Waits (a minute at the most) until a save, an unlock and a token's revocation have been acknowledged, and for a soak a round closed (its
    /// opening and reminders before it) and a claim decided: on a starved machine the first saves can take longer than
    /// a short run, which would then prove nothing.
    /// </summary>
    private static async Task FirstAcknowledgedSaveAsync(EditLog log, CancellationToken ct, bool andClosedRoundAndDecision = false, bool andUnlock = false)
    {
        var patience = Stopwatch.StartNew();
        while ((log.Count(EditOutcome.Acknowledged) == 0 ||
                ((andUnlock || andClosedRoundAndDecision) && (!log.Unlocks.Any(u => u.Outcome == EditOutcome.Acknowledged) || log.Count(TokenStep.Revoke, EditOutcome.Acknowledged) == 0)) ||
                (andClosedRoundAndDecision && (log.Count(RoundStep.Close, EditOutcome.Acknowledged) == 0 || !log.Decisions.Any(d => d.Outcome == EditOutcome.Acknowledged)))) &&
            patience.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(50, ct);
        }
    }

    /// <summary>Whether the recommendation's history page, read by the administrator, shows the save's comment.</summary>
    private static async Task<bool> ShowsInHistoryAsync(Uri baseAddress, Edit? save, CancellationToken ct)
    {
        if (save is null)
        {
            return false;
        }

        using var administrator = new AppClient(baseAddress);
        await administrator.SignInAsync(DemoAccount.Editors[0].Email, DemoAccount.Password, ct);
        var history = await administrator.GetPageAsync($"/Recommendations/History/{save.RecommendationId}", ct);
        return history.Document.Body!.TextContent.Contains(save.Comment, StringComparison.Ordinal);
    }

    /// <summary>
    /// The simulated users of a run, signed in before the clock starts: the editors, one who keeps signing out, the
    /// coordinator running follow-up rounds, a focal point attaching and withdrawing evidence, two validators of
    /// claimed implementations (the coordinator, and the administrator, who also claims as an editor and so skips its
    /// own), the auditor locking its account with wrong passwords, which the administrator unlocks, a script's owner
    /// creating, using and revoking API tokens, and someone changing the language the app speaks to them in.
    /// </summary>
    private sealed class Crowd(IReadOnlyList<EditingUser> users, SigningOutUser signingOut, Coordinator coordinator, EvidenceUploader uploader, IReadOnlyList<Validator> validators, Unlocker unlocker, TokenUser tokenUser, LanguageChooser languageChooser) : IDisposable
    {
        public static async Task<Crowd> SignInAsync(RunSettings settings, Uri baseAddress, string kind, EditLog log, CancellationToken ct)
        {
            var tag = $"{kind} {Guid.NewGuid():N}"[..(kind.Length + 9)];
            var users = Enumerable.Range(0, settings.Users).Select(n => new EditingUser(n, DemoAccount.ForUser(n), baseAddress, tag, log)).ToList();
            var crowd = new Crowd(users, new SigningOutUser(baseAddress, log), new Coordinator(baseAddress, tag, log), new EvidenceUploader(baseAddress, tag, log),
                [new Validator(baseAddress, tag, log), new Validator(baseAddress, tag, log, DemoAccount.Editors[0].Email, seed: 32452843)],
                new Unlocker(baseAddress, log), new TokenUser(baseAddress, tag, log), new LanguageChooser(baseAddress, log));
            await Task.WhenAll([.. users.Select(user => user.SignInAsync(ct)), crowd._coordinator.SignInAsync(ct), crowd._uploader.SignInAsync(ct), crowd._unlocker.SignInAsync(ct), crowd._tokenUser.SignInAsync(ct), crowd._languageChooser.SignInAsync(ct),
                .. crowd._validators.Select(validator => validator.SignInAsync(ct))]);
            return crowd;
        }

        private readonly Coordinator _coordinator = coordinator;
        private readonly EvidenceUploader _uploader = uploader;
        private readonly IReadOnlyList<Validator> _validators = validators;
        private readonly Unlocker _unlocker = unlocker;
        private readonly TokenUser _tokenUser = tokenUser;
        private readonly LanguageChooser _languageChooser = languageChooser;

        public Task EditAsync(CancellationToken stop) =>
            Task.WhenAll([.. users.Select(user => user.EditAsync(stop)), signingOut.SignOutRepeatedlyAsync(stop), _coordinator.RunRoundsAsync(stop), _uploader.RunAsync(stop), _unlocker.RunAsync(stop), _tokenUser.RunAsync(stop), _languageChooser.RunAsync(stop),
                .. _validators.Select(validator => validator.RunAsync(stop))]);

        public void Dispose()
        {
            foreach (var user in users)
            {
                user.Dispose();
            }

            signingOut.Dispose();
            _coordinator.Dispose();
            _uploader.Dispose();
            _unlocker.Dispose();
            _tokenUser.Dispose();
            _languageChooser.Dispose();
            foreach (var validator in _validators)
            {
                validator.Dispose();
            }
        }
    }
}
