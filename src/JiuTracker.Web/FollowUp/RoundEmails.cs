using System.Globalization;
using System.Net;
using System.Text;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Settings;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// The words of a round's e-mails, each in plain text and HTML: the request when it opens, the reminders, and the
/// summary when the due date passes. Each names only its recipient, and links to absolute addresses under the round's
/// public address.
/// </summary>
public static class RoundEmails
{
    /// <summary>An e-mail's subject and bodies, before it becomes an <see cref="OutboxMessage"/>.</summary>
    public sealed record Content(string Subject, string Text, string Html);

    public static Content Request(FollowUpRound round, RoundProgress.Recipient recipient) => recipient.Asked > 0
        ? ToFocalPoint(
            round, recipient,
            $"JIU follow-up \"{round.Name}\": please update {Count(recipient.Asked)} by {Day(round.DueDate)}",
            $"The follow-up round \"{round.Name}\" is open. Please record the acceptance, the implementation status and a comment for {Count(recipient.Asked)} of your reports by {Day(round.DueDate)}:")
        : ToFocalPoint(
            round, recipient,
            $"JIU follow-up \"{round.Name}\": please check your reports by {Day(round.DueDate)}",
            $"The follow-up round \"{round.Name}\" is open. Every recommendation of your reports below is implemented or closed; please check by {Day(round.DueDate)} that what is recorded is still right (nothing else is asked of you):");

    public static Content Reminder(FollowUpRound round, RoundProgress.Recipient recipient, DateOnly today, OrganizationTime time) => ToFocalPoint(
        round, recipient,
        today > round.DueDate
            ? $"Overdue — JIU follow-up \"{round.Name}\": {Count(recipient.Remaining)} still to update (due {Day(round.DueDate)})"
            : $"Reminder — JIU follow-up \"{round.Name}\": {Count(recipient.Remaining)} still to update by {Day(round.DueDate)}",
        $"This is a reminder of the follow-up round \"{round.Name}\"{(today > round.DueDate ? $", whose due date, {Day(round.DueDate)}, has passed" : $", due {Day(round.DueDate)}")}. " +
        $"Of the {Count(recipient.Asked)} it asks you about, {Count(recipient.Remaining)} have had nothing recorded since it opened on {Day(time.Day(round.OpenedAt))}:");

    /// <summary>To whoever opened the round, once its due date has passed: who has answered and who has not.</summary>
    public static Content DueDateSummary(FollowUpRound round, string openerName, IReadOnlyList<RoundProgress.Row> rows)
    {
        var pending = rows.Where(r => !r.HasAnswered).ToList();
        var asked = rows.DistinctBy(r => r.ReportId).Sum(r => r.Asked);
        var updated = rows.DistinctBy(r => r.ReportId).Sum(r => r.Updated);
        var progress = Link(round, $"Rounds/Progress/{round.Id.ToString(CultureInfo.InvariantCulture)}");
        var lines = pending.Select(r => $"{r.ReportSymbol}: {(r.FocalPoint.Length == 0 ? "no focal point" : r.FocalPoint)} — {r.Remaining} of {r.Asked} not updated{(r.CanBeEmailed ? "" : " (cannot be e-mailed: no enabled account linked)")}").ToList();
        var intro = $"The due date of the follow-up round \"{round.Name}\", {Day(round.DueDate)}, has passed. {updated} of the {Count(asked)} it asked about have been updated.";
        var outcome = pending.Count == 0 ? "Every focal point has answered." : "Not yet answered:";

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Dear {openerName},").AppendLine()
            .AppendLine(intro).AppendLine().AppendLine(outcome);
        foreach (var line in lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"The round's progress: {progress}");

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Dear {E(openerName)},</p><p>{E(intro)}</p><p>{E(outcome)}</p>");
        if (lines.Count > 0)
        {
            html.Append("<ul>");
            foreach (var line in lines)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(progress)}\">The round's progress</a></p>");
        return new Content($"JIU follow-up \"{round.Name}\": due date passed, {pending.DistinctBy(r => r.ReportId).Count()} report(s) not fully updated", text.ToString(), Wrap(html.ToString()));
    }

    private static Content ToFocalPoint(FollowUpRound round, RoundProgress.Recipient recipient, string subject, string intro)
    {
        var start = Link(round, "Reports/Mine");
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Dear {recipient.Name},").AppendLine()
            .AppendLine(intro).AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Dear {E(recipient.Name)},</p><p>{E(intro)}</p><ul>");
        foreach (var row in recipient.Rows)
        {
            var update = Link(round, $"Reports/Update/{row.ReportId.ToString(CultureInfo.InvariantCulture)}");
            var line = row.Asked > 0
                ? $"{row.ReportSymbol} — {row.ReportTitle}: {Count(row.Asked)} asked about, {row.Remaining} still to update"
                : $"{row.ReportSymbol} — {row.ReportTitle}: nothing open, please check";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}").AppendLine(CultureInfo.InvariantCulture, $"  Update it: {update}");
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)} — <a href=\"{E(update)}\">update {E(row.ReportSymbol)}</a></li>");
        }

        html.Append("</ul>");
        if (round.Message.Length > 0)
        {
            text.AppendLine().AppendLine(round.Message);
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(round.Message).Replace("\n", "<br>", StringComparison.Ordinal)}</p>");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Start from your reports: {start}")
            .AppendLine().AppendLine("You receive this because you are a focal point of these reports in JiuTracker.");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(start)}\">Start from your reports</a></p>")
            .Append("<p>You receive this because you are a focal point of these reports in JiuTracker.</p>");
        return new Content(subject, text.ToString(), Wrap(html.ToString()));
    }

    /// <summary>An absolute address under the round's public address.</summary>
    public static string Link(FollowUpRound round, string path) => new Uri(new Uri(round.LinkBase), path).ToString();

    private static string Count(int recommendations) => recommendations == 1 ? "1 recommendation" : $"{recommendations} recommendations";

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);


    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Wrap(string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>JiuTracker</title></head><body>{body}</body></html>";
}
