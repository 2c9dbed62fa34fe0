namespace JiuTracker.Web.Email;

/// <summary>Who the app's e-mail comes from and which server carries it (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender's address, e.g. <c>jiu-coordinator@example.org</c>; a reply goes there, so a mailbox someone reads.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "JiuTracker";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether e-mail can be sent at all: an installation without a server or a sender sends none.</summary>
    public bool IsConfigured => MissingSettings().Count == 0;

    /// <summary>The settings, by their configuration keys, that must still be given before e-mail can be sent.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Smtp.Host))
        {
            missing.Add($"{Section}:Smtp:Host");
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            missing.Add($"{Section}:From");
        }

        return missing;
    }
}
