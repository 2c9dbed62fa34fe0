using Microsoft.Extensions.Options;
using MimeKit;

namespace JiuTracker.Web.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The SMTP transport and its settings (<see cref="EmailOptions"/>), checked when the app starts where that is cheap:
    /// a port out of range or a sender that is not an address stops the app instead of every later attempt to send.
    /// Settings left out are not an error: e-mail is then off (<see cref="EmailOptions.IsConfigured"/>).
    /// </summary>
    public static IServiceCollection AddEmailTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddOptions<EmailOptions>()
            .Validate(options => options.Smtp.Port is >= SmtpOptions.LowestPort and <= SmtpOptions.HighestPort,
                $"{EmailOptions.Section}:Smtp:Port must be between {SmtpOptions.LowestPort} and {SmtpOptions.HighestPort}.")
            .Validate(options => Enum.IsDefined(options.Smtp.Security),
                $"{EmailOptions.Section}:Smtp:Security must be None, StartTls or SslOnConnect.")
            .Validate(options => string.IsNullOrWhiteSpace(options.From) || IsBareAddress(options.From),
                $"{EmailOptions.Section}:From must be an e-mail address such as jiu-coordinator@example.org.")
            .ValidateOnStart();
        services.AddSingleton<SmtpDelivery>();
        return services;
    }

    /// <summary>
    /// An address with its domain (MimeKit also takes a bare local part, which no outside server delivers) and without
    /// a display name (that is <see cref="EmailOptions.FromName"/>).
    /// </summary>
    private static bool IsBareAddress(string text) =>
        MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address == text.Trim() && mailbox.Domain.Length > 0;
}
