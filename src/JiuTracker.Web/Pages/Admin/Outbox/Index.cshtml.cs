using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Outbox;

/// <summary>
/// Administration › Outgoing mail: every e-mail the app has written, newest first, with its state and attempts; one
/// message in full with <c>?id=</c>. Without SMTP (and always in demo mode) this is where the e-mails are seen.
/// </summary>
public class IndexModel(JiuDbContext db, FollowUpCycle cycle) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "id")]
    public long? MessageId { get; set; }

    public bool Sends => cycle.Sends;

    public int Total { get; private set; }

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public OutboxMessage? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PageNumber < 1)
        {
            PageNumber = 1;
        }

        if (MessageId is { } id)
        {
            Shown = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
            if (Shown is null)
            {
                return NotFound();
            }
        }

        Total = await db.Outbox.CountAsync(ct);
        PageNumber = Math.Min(PageNumber, (Total / PageSize) + 1);
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
