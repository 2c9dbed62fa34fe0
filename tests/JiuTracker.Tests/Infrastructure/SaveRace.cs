using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>
/// Two identical posts at the same instant, made certain: just before a save the test names, another request's save
/// of the same thing lands first (on a context of its own). The save named passes the page's check and meets the index.
/// </summary>
public sealed class SaveRace(JiuTrackerFactory app) : SaveChangesInterceptor
{
    private (Func<DbContext, bool> When, Func<JiuDbContext, Task> First)? _race;

    /// <summary>The next save for which <paramref name="when"/> holds is preceded, once, by <paramref name="first"/>.</summary>
    public void Before(Func<DbContext, bool> when, Func<JiuDbContext, Task> first) => _race = (when, first);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_race is { } race && race.When(eventData.Context!))
        {
            _race = null;
            await using var other = app.CreateDbContext();
            await race.First(other);
        }

        return result;
    }
}

/// <summary>The app, with a <see cref="SaveRace"/> in every context's interceptors.</summary>
public class RacingFactory : JiuTrackerFactory
{
    public RacingFactory() => Race = new(this);

    public SaveRace Race { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Race));
    }
}

public sealed class PostgreSqlRacingFactory : RacingFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
