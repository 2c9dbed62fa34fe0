using System.Text.Encodings.Web;
using System.Text.Unicode;
using JiuTracker.Web.Settings;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Localization;

/// <summary>The app in the six UN languages: resources, the request's language and the pseudo-language (decision 044).</summary>
public static class LanguageServiceCollectionExtensions
{
    public const string CookieName = "JiuTracker.Language";

    public const string PseudoLocaleSetting = "Languages:PseudoLocale";

    public static IServiceCollection AddLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Pages carry Arabic, Chinese and Cyrillic text as it is, not as one character reference per letter.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        var pseudo = configuration.GetValue<bool>(PseudoLocaleSetting);
        if (pseudo)
        {
            services.AddSingleton<ResourceManagerStringLocalizerFactory>();
            services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(provider =>
                new PseudoLocalizerFactory(provider.GetRequiredService<ResourceManagerStringLocalizerFactory>())));
        }

        services.AddScoped<LanguageChoice>();
        services.AddOptions<RequestLocalizationOptions>()
            .Configure<IOptions<OrganizationOptions>>((options, organization) =>
            {
                string[] codes = [.. Languages.All.Select(l => l.Code), .. pseudo ? [Languages.Pseudo] : Array.Empty<string>()];
                options.SetDefaultCulture(Languages.Find(organization.Value.DefaultLanguage)?.Code ?? Languages.English)
                    .AddSupportedCultures(codes)
                    .AddSupportedUICultures(codes);
                options.FallBackToParentCultures = true;
                options.FallBackToParentUICultures = true;
                // ?culture=fr first, then the account's choice, then the choice made before signing in, then the browser's.
                options.RequestCultureProviders =
                [
                    new QueryStringRequestCultureProvider(),
                    new AccountLanguageProvider(),
                    new CookieRequestCultureProvider { CookieName = CookieName },
                    new AcceptLanguageHeaderRequestCultureProvider(),
                ];
            });
        return services;
    }
}
