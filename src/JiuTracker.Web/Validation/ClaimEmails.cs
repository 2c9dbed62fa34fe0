using System.Globalization;
using System.Net;

namespace JiuTracker.Web.Validation;

/// <summary>The words of the e-mail that tells a focal point their claimed implementation was returned.</summary>
public static class ClaimEmails
{
    public sealed record Content(string Subject, string Text, string Html);

    public sealed record ReturnedClaim(string ReportSymbol, int Number, string Reason, string ReturnedBy, DateOnly ReturnedOn);

    /// <param name="editLink">The absolute address of the recommendation's edit page.</param>
    public static Content Returned(ReturnedClaim claim, string recipientName, string editLink, string evidenceLink)
    {
        var subject = $"JIU follow-up: the implementation of {claim.ReportSymbol} recommendation {claim.Number} was returned";
        var intro = $"{claim.ReturnedBy} did not validate the implementation you claimed for recommendation {claim.Number} of {claim.ReportSymbol} " +
            $"on {claim.ReturnedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Its status stays as it was before the claim. The reason given:";
        var next = "Attach the evidence asked for, or record the status as it stands, and claim the implementation again when it is done.";
        var text = $"Dear {recipientName},\n\n{intro}\n\n{claim.Reason}\n\n{next}\n\nThe recommendation: {editLink}\nIts evidence: {evidenceLink}\n\n" +
            "You receive this because you claimed this implementation in JiuTracker.\n";
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>JiuTracker</title></head><body>" +
            $"<p>Dear {E(recipientName)},</p><p>{E(intro)}</p><blockquote>{E(claim.Reason).Replace("\n", "<br>", StringComparison.Ordinal)}</blockquote>" +
            $"<p>{E(next)}</p><p><a href=\"{E(editLink)}\">The recommendation</a> · <a href=\"{E(evidenceLink)}\">Its evidence</a></p>" +
            "<p>You receive this because you claimed this implementation in JiuTracker.</p></body></html>";
        return new Content(subject, text, html);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
