using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Rounds;

/// <summary>A file a round froze when it closed, byte for byte as stored then; always as an attachment.</summary>
public class DocumentModel(JiuDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var document = await db.RoundDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }
}
