using JiuTracker.Web.Localization;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Settings;

/// <summary>The organization that uses this installation; its short name heads the comments column ("ITU comments").</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    public const string TimeZoneSetting = Section + ":" + nameof(TimeZone);

    public const string DefaultLanguageSetting = Section + ":" + nameof(DefaultLanguage);

    public string ShortName { get; set; } = "ITU";

    /// <summary>The time zone pages show moments in: an IANA id such as Europe/Zurich; UTC by default.</summary>
    public string TimeZone { get; set; } = OrganizationTime.UtcId;

    /// <summary>
    /// The language pages are in for someone who chose none and whose browser asks for none of the six: ar, zh, en, fr,
    /// ru or es; English by default.
    /// </summary>
    public string DefaultLanguage { get; set; } = Languages.English;
}

public static class OrganizationServiceCollectionExtensions
{
    /// <summary>The organization's settings (<see cref="OrganizationOptions"/>), its time zone checked when the app starts.</summary>
    public static IServiceCollection AddOrganization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrganizationOptions>()
            .Bind(configuration.GetSection(OrganizationOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganizationOptions>, OrganizationOptionsValidation>();
        services.AddSingleton<OrganizationTime>();
        return services;
    }

    private sealed class OrganizationOptionsValidation : IValidateOptions<OrganizationOptions>
    {
        // The message names the value: a fixed message would not say which of the instance's settings to correct.
        public ValidateOptionsResult Validate(string? name, OrganizationOptions options)
        {
            if (OrganizationTime.FindZone(options.TimeZone) is null)
            {
                return ValidateOptionsResult.Fail(
                    $"{OrganizationOptions.TimeZoneSetting} is \"{options.TimeZone}\", which is not a time zone this server knows; " +
                    "give an IANA time zone id such as Europe/Zurich or America/New_York, or UTC.");
            }

            return Languages.Find(options.DefaultLanguage) is null
                ? ValidateOptionsResult.Fail(
                    $"{OrganizationOptions.DefaultLanguageSetting} is \"{options.DefaultLanguage}\", which is not one of the app's languages; " +
                    $"give one of {string.Join(", ", Languages.All.Select(l => l.Code))}.")
                : ValidateOptionsResult.Success;
        }
    }
}
