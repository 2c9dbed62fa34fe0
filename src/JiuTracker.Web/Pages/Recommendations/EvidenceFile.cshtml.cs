using JiuTracker.Web.Data;
using JiuTracker.Web.Evidence;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Recommendations;

/// <summary>
/// One file of evidence, byte for byte, always as an attachment under a safe name (never shown inline by the app's
/// origin), to those who may read its recommendation; a withdrawn file or a withdrawn recommendation's only to those
/// who may read withdrawn records.
/// </summary>
public class EvidenceFileModel(JiuDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var mayReadWithdrawn = ExportReaders.MayReadWithdrawn(User);
        var file = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == id && (mayReadWithdrawn || (e.Withdrawal == null && e.Recommendation.WithdrawnAt == null)))
            .Select(e => new { e.FileName, e.ContentType, e.Sha256, e.Content.Bytes })
            .SingleOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = DownloadName.ContentDisposition(file.FileName);
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Bytes, file.ContentType);
    }
}
