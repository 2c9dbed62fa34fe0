using System.Text;
using MimeKit;
using MimeKit.Text;

namespace JiuTracker.Web.Email;

/// <summary>Turns an <see cref="OutgoingEmail"/> into the MIME message put on the wire.</summary>
internal static class MimeMessages
{
    /// <summary>
    /// One To and nothing else, so that no recipient sees another's address; both bodies in UTF-8 so that names such as
    /// "Zürcher" arrive as written.
    /// </summary>
    public static MimeMessage From(OutgoingEmail email, MailboxAddress sender)
    {
        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Date = email.Date,
            Subject = email.Subject,
            Body = new MultipartAlternative
            {
                Utf8Text(TextFormat.Plain, email.TextBody),
                Utf8Text(TextFormat.Html, email.HtmlBody),
            },
        };
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        return message;
    }

    private static TextPart Utf8Text(TextFormat format, string text)
    {
        var part = new TextPart(format);
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
