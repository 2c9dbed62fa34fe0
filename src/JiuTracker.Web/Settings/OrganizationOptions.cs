using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Settings;

/// <summary>The organization that uses this installation; its short name heads the comments column ("ITU comments").</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    public const string TimeZoneSetting = Section + ":" + nameof(TimeZone);

    public string ShortName { get; set; } = "ITU";

    /// <summary>The time zone pages show moments in: an IANA id such as Europe/Zurich; UTC by default.</summary>
    public string TimeZone { get; set; } = OrganizationTime.UtcId;
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
        public ValidateOptionsResult Validate(string? name, OrganizationOptions options) =>
            OrganizationTime.FindZone(options.TimeZone) is null
                ? ValidateOptionsResult.Fail(
                    $"{OrganizationOptions.TimeZoneSetting} is \"{options.TimeZone}\", which is not a time zone this server knows; " +
                    "give an IANA time zone id such as Europe/Zurich or America/New_York, or UTC.")
                : ValidateOptionsResult.Success;
    }
}
