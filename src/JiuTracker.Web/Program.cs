using JiuTracker.Web.Api;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Cli;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Demo;
using JiuTracker.Web.Export;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Hosting;
using JiuTracker.Web.Evidence;
using JiuTracker.Web.Import;
using JiuTracker.Web.Localization;
using JiuTracker.Web.Logging;
using JiuTracker.Web.Requests;
using JiuTracker.Web.Security;
using JiuTracker.Web.Security.SingleSignOn;
using JiuTracker.Web.Settings;
using JiuTracker.Web.Trends;
using JiuTracker.Web.Updates;

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));

builder.Services.AddJiuTrackerLogging(builder.Configuration);
builder.Services.AddData();
builder.Services.AddScaleOut();
if (builder.Services.AddKeyEncryption(builder.Configuration, builder.Environment) is { } keyProblem)
{
    return await StartRefusal.ExitAsync(keyProblem);
}

builder.Services.AddHealth();
builder.Services.AddAuth(builder.Configuration);
builder.Services.AddSingleSignOn(builder.Configuration);
builder.Services.AddApi(builder.Configuration);
builder.Services.AddSignInRateLimiting();
builder.Services.AddRequestRefusals();
builder.Services.AddReadCache();
builder.Services.AddDashboard(builder.Configuration);
builder.Services.AddTrends();
builder.Services.AddImport(builder.Configuration);
builder.Services.AddEvidence(builder.Configuration);
builder.Services.AddScoped<ExportSource>();
builder.Services.AddScoped<ExportFiles>();
builder.Services.AddUpdates();
builder.Services.AddFollowUp(builder.Configuration);
builder.Services.AddScoped<DemoData>();
builder.Services.AddOrganization(builder.Configuration);
builder.Services.AddLanguages(builder.Configuration);
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AllowAnonymousToPage("/Account/Login");
    options.Conventions.AllowAnonymousToPage("/Language");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/StatusCode");
    options.Conventions.AuthorizeFolder("/Admin", Policies.Administer);
    options.Conventions.AuthorizeFolder("/Audit", Policies.ReadAudit);
    options.Conventions.AuthorizeFolder("/Updates", Policies.RecordStatuses);
    options.Conventions.AuthorizePage("/Rounds/Open", Policies.RunFollowUp);
    options.Conventions.AuthorizePage("/Rounds/Close", Policies.RunFollowUp);
    options.Conventions.AuthorizePage("/Rounds/Remind", Policies.RunFollowUp);
    options.Conventions.AuthorizeFolder("/Validation", Policies.RunFollowUp);
    options.Conventions.Add(new RouteValuesFromRouteOnly());
})
    // The texts of validation attributes and display names are keys of the shared resources where a page gives keys;
    // an English text that is no key reads as it is (decision 044).
    .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedText)));

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app.Services, args);
}

if (HttpsRequirement.Problem(app.Environment, app.Configuration) is { } httpsProblem)
{
    return await StartRefusal.ExitAsync(httpsProblem);
}

if (SingleSignOnSettings.Problem(app.Configuration) is { } signInProblem)
{
    return await StartRefusal.ExitAsync(signInProblem);
}

app.WarnIfKeysUnencrypted();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    // Demo mode: only an empty database becomes a demo database; any other is left as it is (DemoData says so).
    if (app.Environment.IsDevelopment())
    {
        await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(CancellationToken.None);
    }
}

app.UseScaleOut();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

if (app.Environment.IsProduction())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
app.UseRequestLoggingWithUser();
app.UseRouting();
app.UsePageMethods();
app.UseRateLimiter();
app.UseAuthentication();
app.UseUserInLogContext();
// After authentication: a signed-in account's own language comes before the browser's (decision 044).
app.UseRequestLocalization();
app.UseRequestBodyLimits();
app.UseAuthorization();
app.UseRequestRefusals();
app.UseFormTextGuard();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapExports();
app.MapUpdateWorkbook();
app.MapHealth();
app.MapApi();

await app.RunAsync();
return 0;
