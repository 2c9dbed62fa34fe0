namespace JiuTracker.Web.Email;

/// <summary>
/// One e-mail to one recipient, both as plain text and as HTML. <paramref name="MessageId"/> (without angle brackets,
/// e.g. <c>outbox-42.3f2a9c@jiutracker</c>) comes from the caller and stays the same each time the message is tried
/// again, so that a message the server took before a failure arrives as a duplicate the recipient's mail program can
/// recognise; <paramref name="Date"/> is when it was written, not when a retry finally sent it.
/// </summary>
public sealed record OutgoingEmail(
    string MessageId,
    string ToAddress,
    string ToName,
    string Subject,
    string TextBody,
    string HtmlBody,
    DateTimeOffset Date);
