using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace JiuTracker.Tests.Localization;

/// <summary><c>Organization:DefaultLanguage</c>: the language of whoever chose none and whose browser asks for none of the six.</summary>
public sealed class DefaultLanguageSettingTests
{
    private sealed class DefaultLanguageFactory(string language) : JiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Organization:DefaultLanguage", language);
        }
    }

    [Fact]
    public async Task French_IsTheLanguageOfABrowserAskingForNoneOfTheSix_WhileOneAskingForSpanishGetsSpanish()
    {
        await using var app = new DefaultLanguageFactory("fr");
        var client = app.CreateBrowserClient();

        var plain = await client.GetDocumentAsync("/Account/Login");
        client.DefaultRequestHeaders.Add("Accept-Language", "de");
        var german = await client.GetDocumentAsync("/Account/Login");
        client.DefaultRequestHeaders.Remove("Accept-Language");
        client.DefaultRequestHeaders.Add("Accept-Language", "es");
        var spanish = await client.GetDocumentAsync("/Account/Login");

        Assert.Equal(["fr", "fr", "es"], new[] { plain, german, spanish }.Select(p => p.DocumentElement.GetAttribute("lang")));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("french")]
    public void AnotherLanguage_StopsTheAppFromStarting_NamingTheSettingAndTheChoices(string language)
    {
        using var app = new DefaultLanguageFactory(language);

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = Innermost(refused);
        Assert.Contains($"Organization:DefaultLanguage is \"{language}\", which is not one of the app's languages; give one of ar, zh, en, fr, ru, es.", validation.Message, StringComparison.Ordinal);
    }

    private static OptionsValidationException Innermost(Exception e) =>
        e as OptionsValidationException ?? (e.InnerException is { } inner ? Innermost(inner) : e is AggregateException a ? Innermost(a.InnerExceptions[0]) : throw e);
}
