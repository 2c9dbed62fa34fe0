using JiuTracker.Web.Email;
using JiuTracker.Web.Settings;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.FollowUp;

public static class FollowUpServiceCollectionExtensions
{
    public static IServiceCollection AddFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.Configure<FollowUpOptions>(configuration.GetSection(FollowUpOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddEmailTransport(configuration);
        services.AddSingleton(provider => new ReminderSchedule(provider.GetRequiredService<IOptions<FollowUpOptions>>().Value));
        services.AddScoped<RoundProgress>();
        services.AddScoped<RoundOpening>();
        services.AddScoped<RoundReminders>();
        services.AddScoped<RoundClosing>();
        services.AddScoped<RoundFigures>();
        services.AddScoped<Validation.ClaimDecisions>();
        services.AddScoped<OutboxDelivery>();
        services.AddSingleton<FollowUpCycle>();
        services.AddHostedService<FollowUpWorker>();
        return services;
    }
}
