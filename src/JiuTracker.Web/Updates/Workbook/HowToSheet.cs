using JiuTracker.Web.Domain;
using JiuTracker.Web.Export.Workbook;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>The second sheet: the workbook's title and how to fill in and send back the "Update" sheet.</summary>
internal static class HowToSheet
{
    public const string Name = "How to";

    private static readonly SheetLayout Layout = new([110]);

    private static readonly string[] Steps =
    [
        $"1. On the \"{UpdateSheet.Name}\" sheet each row is one recommendation. Only the shaded cells can be changed: " +
            $"{UpdateSheet.Acceptance}, {UpdateSheet.Implementation} and {UpdateSheet.NewComment}.",
        $"2. Choose {UpdateSheet.Acceptance} from its list ({string.Join(", ", Enum.GetValues<Acceptance>().Select(a => a.Label()))}) " +
            $"and {UpdateSheet.Implementation} from its list ({string.Join(", ", Enum.GetValues<ImplementationStatus>().Select(i => i.Label()))}).",
        $"3. Write what is new in \"{UpdateSheet.NewComment}\"; \"{UpdateSheet.CurrentComments}\" shows the comments already recorded, oldest first.",
        $"4. Rows marked \"{UpdateColumns.InformationOnlyNote}\" are greyed and cannot be filled in.",
        $"5. Do not change or delete the hidden columns ({string.Join(", ", UpdateSheet.Hidden)}): " +
            "they tell the application which recommendation each row is and what it was when you downloaded this workbook.",
        "6. You may sort, filter and resize columns. The sheet is protected without a password only to prevent slips.",
        "7. Save the workbook as .xlsx and upload it on the application's \"Upload an update workbook\" page.",
    ];

    public static void Write(WorkbookPackage package, int position, string title)
    {
        using var sheet = package.AddSheet(position, Layout);
        sheet.WriteRow(TextOf(title, WorkbookStyles.Title));
        sheet.WriteEmptyRow();
        sheet.WriteRow(TextOf("How to fill in this workbook", WorkbookStyles.Bold));
        foreach (var step in Steps)
        {
            sheet.WriteRow(TextOf(step, WorkbookStyles.Wrapped));
        }

        sheet.Finish();
    }
}
