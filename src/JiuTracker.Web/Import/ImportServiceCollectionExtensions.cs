using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Import;

public static class ImportServiceCollectionExtensions
{
    public const string UploadPage = "/Admin/Import";

    /// <summary>The importer, its file limit (<see cref="ImportOptions"/>), and request limits of the upload page that follow it.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<LegacyDocumentImporter>();
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<ImportOptions>>((pages, import) =>
            pages.Conventions.AddPageApplicationModelConvention(UploadPage, page =>
            {
                var maxFileBytes = import.Value.MaxFileBytes;
                // The preview sends the text back URL-encoded (up to 9 bytes a character): the body may be far larger than
                // the file, and a file just over the limit must reach the page to be refused in words. Beyond that, 413.
                page.Filters.Add(new RequestSizeLimitAttribute(Math.Max(30_000_000, 10 * maxFileBytes)));
                page.Filters.Add(new RequestFormLimitsAttribute
                {
                    ValueLengthLimit = (int)Math.Clamp(maxFileBytes + 1, 4 * 1024 * 1024, int.MaxValue),
                    MultipartBodyLengthLimit = Math.Max(30_000_000, 10 * maxFileBytes),
                });
            }));
        return services;
    }
}
