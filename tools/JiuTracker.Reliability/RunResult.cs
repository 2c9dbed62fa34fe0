using System.Globalization;

namespace JiuTracker.Reliability;

/// <summary>The counts of a run, and whether they prove what the run is for.</summary>
public sealed record RunResult(string Kind, RunSettings Settings, EditLog Log, HistoryFindings Findings, RoundFindings Rounds, EvidenceFindings Evidence, ClaimFindings Claims, UnlockFindings Unlocks, TokenFindings Tokens, LanguageFindings Languages, bool? RestartServesLastSave, TimeSpan Elapsed)
{
    public int Acknowledged => Log.Count(EditOutcome.Acknowledged);

    public int Conflicts => Log.Count(EditOutcome.Conflict);

    public int OtherRefusals => Log.Count(EditOutcome.OtherRefusal);

    public int UnansweredSaves => Log.Count(EditOutcome.Unanswered);

    /// <summary>Acknowledged rows of whole-report saves: the matrix edit was exercised, not only the single edit.</summary>
    public int AcknowledgedInWholeReports => Log.Edits.Count(e => e.InWholeReport && e.Outcome == EditOutcome.Acknowledged);

    /// <summary>Why the run does not prove its point; empty when it does.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>(Findings.Problems);
            failures.AddRange(Rounds.Problems);
            failures.AddRange(Evidence.Problems);
            failures.AddRange(Claims.Problems);
            failures.AddRange(Unlocks.Problems);
            failures.AddRange(Log.LockingProblems.Distinct());
            failures.AddRange(Tokens.Problems);
            failures.AddRange(Log.TokenProblems.Distinct());
            failures.AddRange(Languages.Problems);
            failures.AddRange(Log.LanguageProblems.Distinct());
            failures.AddRange(Log.LanguageChoices.Where(c => c.Outcome == EditOutcome.OtherRefusal).Select(c => $"the choice of {c.Language} refused: {c.Detail}").Distinct());
            if (Log.LanguageChoices.All(c => c.Outcome != EditOutcome.Acknowledged))
            {
                failures.Add("no language choice was acknowledged, so choosing a language was not exercised");
            }
            if (Log.SessionsLeftUsable > 0)
            {
                failures.Add($"{Log.SessionsLeftUsable} acknowledged sign-outs left the old session usable");
            }

            if (Log.ServerErrors > 0)
            {
                failures.Add($"{Log.ServerErrors} answers with a 5xx status");
            }

            failures.AddRange(Log.Edits.Where(e => e.Outcome == EditOutcome.OtherRefusal).Select(e => $"refused without the conflict message: {e.Detail}").Distinct());
            failures.AddRange(Log.RoundActions.Where(a => a.Outcome == EditOutcome.OtherRefusal).Select(a => $"the coordinator's {a.Step} refused: {a.Detail}").Distinct());
            failures.AddRange(Log.EvidenceActions.Where(a => a.Outcome == EditOutcome.OtherRefusal).Select(a => $"the evidence {a.Step} of {a.FileName} refused: {a.Detail}").Distinct());
            failures.AddRange(Log.Decisions.Where(d => d.Outcome == EditOutcome.OtherRefusal).Select(d => $"{d.By}'s {d.Step} of recommendation {d.RecommendationId} refused unexpectedly: {d.Detail}").Distinct());
            failures.AddRange(Log.Unlocks.Where(u => u.Outcome == EditOutcome.OtherRefusal).Select(u => $"the unlock of {Unlocker.Email} refused unexpectedly: {u.Detail}").Distinct());
            if (Log.Unlocks.All(u => u.Outcome != EditOutcome.Acknowledged))
            {
                failures.Add("no unlock was acknowledged, so unlocking was not exercised");
            }

            failures.AddRange(Log.TokenActions.Where(a => a.Outcome == EditOutcome.OtherRefusal).Select(a => $"the {a.Step} of the token \"{a.Name}\" refused: {a.Detail}").Distinct());
            if (Log.Count(TokenStep.Revoke, EditOutcome.Acknowledged) == 0 || Tokens.Answers.KeptAsked == 0)
            {
                failures.Add("no token was both revoked and kept with acknowledgements, so the tokens were not exercised");
            }

            if (Acknowledged == 0)
            {
                failures.Add("no save was acknowledged, so nothing was proven");
            }

            if (Kind == "soak" && Log.Decisions.All(d => d.Outcome != EditOutcome.Acknowledged))
            {
                failures.Add("no claimed implementation was decided, so validation was not exercised");
            }

            if (Kind == "soak" && !Log.Edits.Any(e => e is { ThroughApi: true, Outcome: EditOutcome.Acknowledged }))
            {
                failures.Add("no write through the API was acknowledged, so the API's writes were not exercised");
            }

            if (Kind == "soak" && Log.Unanswered > 0)
            {
                failures.Add($"{Log.Unanswered} requests got no answer");
            }

            if (RestartServesLastSave == false)
            {
                failures.Add("the restarted app does not show the last acknowledged save");
            }

            if (Kind == "crash" && Log.Unanswered == 0)
            {
                failures.Add("no request went unanswered: the kill did not fall into the burst");
            }

            return failures;
        }
    }

    public bool Passed => Failures.Count == 0;

    public void Print(TextWriter output)
    {
        var seconds = Settings.Duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        output.WriteLine(Kind == "crash"
            ? $"crash: {Settings.Users} users editing for {seconds} s; the app killed with SIGKILL after {Settings.CrashAfter.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s, then started again"
            : $"soak: {Settings.Users} users editing overlapping recommendations for {seconds} s");
        output.WriteLine($"requests: {Log.Requests} sent, {Log.Requests - Log.Unanswered} answered, {Log.ServerErrors} with a 5xx status, {Log.Unanswered} unanswered");
        output.WriteLine($"saves: {Log.Edits.Count} sent: {Acknowledged} acknowledged, {Conflicts} refused with the conflict message, {OtherRefusals} refused otherwise, {UnansweredSaves} unanswered");
        output.WriteLine($"whole-report saves: {Log.Edits.Count(e => e.InWholeReport)} rows sent, {AcknowledgedInWholeReports} acknowledged, " +
            $"{Log.Edits.Count(e => e.InWholeReport && e.Outcome == EditOutcome.Conflict)} refused as stale");
        output.WriteLine($"workbook uploads: {Log.Edits.Count(e => e.InWorkbook)} rows filled in, {Log.Edits.Count(e => e.InWorkbook && e.Outcome == EditOutcome.Acknowledged)} applied, " +
            $"{Log.Edits.Count(e => e.InWorkbook && e.Outcome == EditOutcome.Conflict)} refused as conflicts");
        output.WriteLine($"API writes: {Log.Edits.Count(e => e.ThroughApi)} comments sent with If-Match, {Log.Edits.Count(e => e.ThroughApi && e.Outcome == EditOutcome.Acknowledged)} acknowledged (200), " +
            $"{Log.Edits.Count(e => e.ThroughApi && e.Outcome == EditOutcome.Conflict)} refused as stale (412), {Log.Edits.Count(e => e.ThroughApi && e.Outcome is EditOutcome.OtherRefusal or EditOutcome.ServerError)} refused otherwise, " +
            $"{Log.Edits.Count(e => e.ThroughApi && e.Outcome == EditOutcome.Unanswered)} unanswered");
        output.WriteLine($"rounds: {Log.Count(RoundStep.Open, EditOutcome.Acknowledged)} opened, {Log.Count(RoundStep.Remind, EditOutcome.Acknowledged)} reminders by hand, " +
            $"{Log.Count(RoundStep.Close, EditOutcome.Acknowledged)} closed (acknowledged); " +
            $"{Log.RoundActions.Count(a => a.Outcome == EditOutcome.Unanswered)} unanswered, {Log.RoundActions.Count(a => a.Outcome is EditOutcome.OtherRefusal or EditOutcome.ServerError)} refused");
        output.WriteLine($"rounds stored: {Rounds.OpenedPresent} of {Rounds.OpenedPresent + Rounds.OpenedMissing} acknowledged openings present with {Rounds.OutboxRequests} requests in the outbox (the app said {Rounds.OutboxRequestsSaid}); " +
            $"{Rounds.RemindersStored} reminders by hand in the outbox; {Rounds.ClosedPresent} of {Rounds.ClosedPresent + Rounds.ClosedMissing} acknowledged closings present; " +
            $"{Rounds.ClosedWithDocuments} of {Rounds.ClosedInDatabase} closed rounds with their two documents matching their SHA-256");
        output.WriteLine($"evidence: {Log.Count(EvidenceStep.Upload, EditOutcome.Acknowledged)} files attached, {Log.Count(EvidenceStep.Withdraw, EditOutcome.Acknowledged)} withdrawn (acknowledged); " +
            $"{Log.EvidenceActions.Count(a => a.Outcome == EditOutcome.Unanswered)} unanswered, {Log.EvidenceActions.Count(a => a.Outcome is EditOutcome.OtherRefusal or EditOutcome.ServerError)} refused");
        output.WriteLine($"evidence stored: {Evidence.UploadsPresent} of {Evidence.UploadsPresent + Evidence.UploadsMissing} acknowledged files present with their SHA-256; " +
            $"{Evidence.WithdrawalsPresent} of {Evidence.WithdrawalsPresent + Evidence.WithdrawalsMissing} acknowledged withdrawals present");
        var refusedAsStale = Log.Decisions.Count(d => d.Outcome == EditOutcome.Conflict && d.Text.Length > 0);
        output.WriteLine($"claim decisions: {Log.Count(DecisionStep.Accept, EditOutcome.Acknowledged)} accepted, {Log.Count(DecisionStep.Return, EditOutcome.Acknowledged)} returned (acknowledged); " +
            $"{refusedAsStale} refused as changed meanwhile, {Log.Decisions.Count(d => d.Outcome == EditOutcome.Conflict) - refusedAsStale} returns without a reason refused, " +
            $"{Log.Decisions.Count(d => d.Outcome is EditOutcome.OtherRefusal or EditOutcome.ServerError)} refused otherwise, {Log.Decisions.Count(d => d.Outcome == EditOutcome.Unanswered)} unanswered; " +
            $"{Log.OwnClaimsSkipped} own claims seen in the queue and left");
        output.WriteLine($"claims stored: {Claims.AcceptsPresent} of {Claims.AcceptsPresent + Claims.AcceptsMissing} acknowledged accepts validated in the history; " +
            $"{Claims.ReturnsPresent} of {Claims.ReturnsPresent + Claims.ReturnsMissing} acknowledged returns in the history with their e-mail in the outbox; " +
            $"{Claims.UnansweredStored} unanswered decisions stored; claim, return and status columns checked against the history on {Claims.Recommendations} recommendations");
        output.WriteLine($"unlocks: {Log.LockoutsSeen} lockouts after five wrong passwords seen; {Log.Count(true, EditOutcome.Acknowledged)} unlocks acknowledged, " +
            $"{Log.Count(false, EditOutcome.Conflict)} of {Log.Unlocks.Count(u => !u.WasLocked)} unlocks of the account not locked refused in words, " +
            $"{Log.Unlocks.Count(u => u.Outcome is EditOutcome.OtherRefusal or EditOutcome.ServerError)} refused otherwise, {Log.Unlocks.Count(u => u.Outcome == EditOutcome.Unanswered)} unanswered; " +
            $"{Log.SignInsAfterUnlock} sign-ins with the password after an unlock");
        output.WriteLine($"unlocks stored: {Unlocks.AcknowledgedPresent} of {Unlocks.AcknowledgedPresent + Unlocks.AcknowledgedMissing} acknowledged unlocks in the audit log " +
            $"({Unlocks.AuditEntries} AccountUnlocked entries); the account {(Unlocks.LeftLocked == true ? $"locked at the end, after {Log.WrongPasswordsSinceUnlock} wrong passwords since the last unlock" : "not locked at the end")}");
        output.WriteLine($"tokens: {Log.Count(TokenStep.Create, EditOutcome.Acknowledged)} created and acknowledged, {Tokens.CreatedPresent} stored with their ApiTokenCreated entry; " +
            $"{Log.Count(TokenStep.Revoke, EditOutcome.Acknowledged)} revoked and acknowledged, {Tokens.RevokedPresent} stored as revoked with their ApiTokenRevoked entry; " +
            $"{Log.TokenActions.Count(a => a.Outcome == EditOutcome.Unanswered)} unanswered, {Log.TokenActions.Count(a => a.Outcome is EditOutcome.OtherRefusal or EditOutcome.ServerError)} refused; " +
            $"{Tokens.Stored} of the run's tokens in ApiTokens");
        output.WriteLine($"API with the tokens: {Log.ApiReadsWithToken} reads with a new token answered 200, {Log.ApiRefusalsAfterRevoke} with a token just revoked refused 401; " +
            $"{(Kind == "crash" ? "after the restart" : "at the end")}: {Tokens.Answers.RevokedRefused} of {Tokens.Answers.RevokedAsked} revoked tokens refused 401, " +
            $"{Tokens.Answers.KeptAccepted} of {Tokens.Answers.KeptAsked} tokens created and not revoked answered 200");
        output.WriteLine($"languages: {Log.LanguageChoices.Count(c => c.Outcome == EditOutcome.Acknowledged)} choices acknowledged, {Languages.AcknowledgedPresent} of them in the audit log in order " +
            $"({Languages.Entries} LanguageChosen entries); {Log.LanguageChoices.Count(c => c.Outcome == EditOutcome.Unanswered)} unanswered, " +
            $"{Log.LanguageChoices.Count(c => c.Outcome is EditOutcome.OtherRefusal or EditOutcome.ServerError)} refused; the account keeps \"{Languages.Kept}\"");
        output.WriteLine($"sign-outs: {Log.SignOuts} acknowledged, {Log.SessionsLeftUsable} of them leaving the old session usable");
        output.WriteLine($"history: {Acknowledged - Findings.AcknowledgedMissing} of {Acknowledged} acknowledged saves present ({Findings.AcknowledgedMissing} missing); " +
            $"{Findings.ConflictsStored} refused saves stored; {Findings.UnansweredStored} of {UnansweredSaves} unanswered saves stored");
        if (RestartServesLastSave is { } serves)
        {
            output.WriteLine($"after the restart: the last acknowledged save {(serves ? "is" : "is NOT")} on its recommendation's history page");
        }

        output.WriteLine($"PRAGMA integrity_check: {Findings.IntegrityCheck}");
        output.WriteLine($"elapsed: {Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (start-up and checks included)");
        foreach (var failure in Failures.Take(20))
        {
            output.WriteLine($"FAILED: {failure}");
        }

        output.WriteLine(Passed ? "result: passed" : "result: FAILED");
    }
}
