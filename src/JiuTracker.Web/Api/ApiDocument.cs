using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JiuTracker.Web.Api;

/// <summary>
/// The API's OpenAPI document at <c>/openapi/v1.json</c>, from ASP.NET Core's own OpenAPI support: the <c>/api/v1</c>
/// operations only (not the pages' exports), each with its answers and the bearer token they need.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";

    public const string Path = "/openapi/{documentName}.json";

    public const string ReportsTag = "Reports";
    public const string RecommendationsTag = "Recommendations";
    public const string FiguresTag = "Figures";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "JiuTracker API",
                    Version = Name,
                    Description = "JIU recommendations, their statuses and history, and the dashboard's figures, read with a personal access token; " +
                        "statuses and comments recorded with a read-write one (If-Match: the ETag of the read).",
                };
                // The API is at the app's own address, wherever it is served: no server URL is named.
                document.Servers = [];
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = ReportsTag, Description = "The JIU reports, with their focal points." },
                    new() { Name = RecommendationsTag, Description = "The recommendations with their statuses, comments and history; the changes a focal point records." },
                    new() { Name = FiguresTag, Description = "The dashboard's figures and rates, each with its definition." },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiTokenAuthentication.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (jt_…) created on the account page.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiTokenAuthentication.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
}
