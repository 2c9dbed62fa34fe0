using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Reports;

/// <summary>The fields of a report, as the create and edit forms post them.</summary>
public sealed class ReportInput
{
    [Required(ErrorMessage = "Enter the report's symbol, such as JIU/REP/2021/3.")]
    [StringLength(32, ErrorMessage = "A symbol has at most 32 characters, such as JIU/REP/2021/3.")]
    public string Symbol { get; set; } = "";

    [Required(ErrorMessage = "Enter the report's title.")]
    [StringLength(500, ErrorMessage = "A title can have at most 500 characters.")]
    public string Title { get; set; } = "";

    [StringLength(2000, ErrorMessage = "The link can have at most 2,000 characters.")]
    [Display(Name = "Link to the review highlights")]
    public string? ReviewHighlightsUrl { get; set; }

    [EnumDataType(typeof(CebCommentsStatus), ErrorMessage = "Choose whether the CEB comments are available.")]
    [Display(Name = "CEB comments")]
    public CebCommentsStatus CebComments { get; set; }

    [StringLength(2000, ErrorMessage = "The CEB document reference can have at most 2,000 characters.")]
    [Display(Name = "CEB document symbol or link")]
    public string? CebCommentsReference { get; set; }

    /// <summary>
    /// Saves the report. When another administrator registered the same symbol between the check and the save, the
    /// unique index refuses it: that is said on the form, as the check would have, and nothing is saved.
    /// </summary>
    /// <returns>Whether it was saved.</returns>
    public static Task<bool> TrySaveAsync(ModelStateDictionary modelState, JiuDbContext db, ReportSymbol symbol, int? reportId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var text = symbol.ToString();
        return db.TrySaveUniqueAsync(modelState, $"Input.{nameof(Symbol)}", UniqueSave.When(
            (fresh, token) => fresh.Reports.AsNoTracking().AnyAsync(r => r.Symbol == text && r.Id != (reportId ?? 0), token), AlreadyRegistered(text)), ct);
    }

    private static string AlreadyRegistered(string symbol) => $"{symbol} is already registered; each report is registered once.";

    /// <summary>Checks what attributes cannot: the symbol's form and uniqueness, the link, the CEB reference.</summary>
    /// <returns>The parsed symbol when the input is valid; errors are added to <paramref name="modelState"/> under "Input.*".</returns>
    public async Task<ReportSymbol?> ValidateAsync(ModelStateDictionary modelState, JiuDbContext db, int? reportId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(db);
        ReportSymbol? symbol = null;
        if (!string.IsNullOrWhiteSpace(Symbol) && !ReportSymbol.TryParse(Symbol, out symbol))
        {
            modelState.AddModelError($"Input.{nameof(Symbol)}",
                $"\"{Symbol.Trim()}\" is not a JIU symbol: write JIU/REP, JIU/NOTE or JIU/ML, the year and the number, such as JIU/REP/2021/3.");
        }
        else if (symbol is not null)
        {
            var text = symbol.ToString();
            if (await db.Reports.AnyAsync(r => r.Symbol == text && r.Id != reportId, ct))
            {
                modelState.AddModelError($"Input.{nameof(Symbol)}", AlreadyRegistered(text));
            }
        }

        if (!string.IsNullOrWhiteSpace(ReviewHighlightsUrl) && !IsWebAddress(ReviewHighlightsUrl))
        {
            modelState.AddModelError($"Input.{nameof(ReviewHighlightsUrl)}",
                "The review highlights link must be a full web address starting with https:// or http://.");
        }

        if (CebComments == CebCommentsStatus.NotYetAvailable && !string.IsNullOrWhiteSpace(CebCommentsReference))
        {
            modelState.AddModelError($"Input.{nameof(CebCommentsReference)}",
                "A CEB document is only recorded when the CEB comments are available: choose \"Available\" or clear the reference.");
        }

        return modelState.IsValid ? symbol : null;
    }

    public static ReportInput From(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new()
        {
            Symbol = report.Symbol,
            Title = report.Title,
            ReviewHighlightsUrl = report.ReviewHighlightsUrl,
            CebComments = report.CebComments,
            CebCommentsReference = report.CebCommentsReference,
        };
    }

    /// <summary>"Symbol: … → …" lines for every field that differs from the report as stored.</summary>
    public IReadOnlyList<string> ChangesFrom(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var changes = new List<string>();
        void Compare(string label, string? before, string? after)
        {
            if ((before ?? "") != (after ?? ""))
            {
                changes.Add(AdminAuditLog.Change(label, before, after));
            }
        }

        Compare("Symbol", report.Symbol, ReportSymbol.TryParse(Symbol, out var symbol) ? symbol.ToString() : Symbol);
        Compare("Title", report.Title, Title.Trim());
        Compare("Review highlights", report.ReviewHighlightsUrl, ReviewHighlightsUrl?.Trim());
        Compare("CEB comments", report.CebComments.Label(), CebComments.Label());
        Compare("CEB document", report.CebCommentsReference, CebCommentsReference?.Trim());
        return changes;
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
