using JiuTracker.Web.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JiuTracker.Tests.Email;

/// <summary>The "Email" section as <see cref="EmailServiceCollectionExtensions.AddEmailTransport"/> binds and checks it.</summary>
public sealed class EmailOptionsBindingTests
{
    private static EmailOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddEmailTransport(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<EmailOptions>>().Value;
    }

    [Fact]
    public void Nothing_IsNotConfigured_WithTheDefaults()
    {
        var options = Bind([]);

        Assert.False(options.IsConfigured);
        Assert.Equal(("JiuTracker", 25, SmtpSecurity.StartTls), (options.FromName, options.Smtp.Port, options.Smtp.Security));
        Assert.Null(options.Smtp.UserName);
    }

    [Fact]
    public void HostAndSender_AreConfigured_WithEachSettingBound()
    {
        var options = Bind(new()
        {
            ["Email:From"] = "jiu-coordinator@example.org",
            ["Email:FromName"] = "JIU Coordinator",
            ["Email:Smtp:Host"] = "smtp.example.org",
            ["Email:Smtp:Port"] = "465",
            ["Email:Smtp:Security"] = "SslOnConnect",
            ["Email:Smtp:UserName"] = "jiu",
            ["Email:Smtp:Password"] = "secret",
        });

        Assert.True(options.IsConfigured);
        Assert.Equal(("jiu-coordinator@example.org", "JIU Coordinator"), (options.From, options.FromName));
        Assert.Equal(("smtp.example.org", 465, SmtpSecurity.SslOnConnect, "jiu", "secret"),
            (options.Smtp.Host, options.Smtp.Port, options.Smtp.Security, options.Smtp.UserName, options.Smtp.Password));
    }

    [Theory]
    [InlineData("Email:Smtp:Port", "0", "Email:Smtp:Port must be between 1 and 65535.")]
    [InlineData("Email:Smtp:Port", "65536", "Email:Smtp:Port must be between 1 and 65535.")]
    [InlineData("Email:From", "JIU <jiu-coordinator@example.org>", "Email:From must be an e-mail address")]
    [InlineData("Email:From", "jiu-coordinator", "Email:From must be an e-mail address")]
    public void AnImpossibleSetting_IsRefusedNamingIt(string key, string value, string expected)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }
}
