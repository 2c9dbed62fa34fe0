using System.Text;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>Column letters and numbers of a cell reference ("D7" is column 4, row 7).</summary>
internal static class CellReference
{
    /// <summary>The 1-based column of a reference such as "AB12"; null when it starts with no letter.</summary>
    public static int? Column(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? "")
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                column = checked((column * 26) + (char.ToUpperInvariant(c) - 'A' + 1));
            }
            else
            {
                break;
            }
        }

        return column == 0 ? null : column;
    }

    public static string Letters(int column)
    {
        var letters = new StringBuilder();
        for (var rest = column; rest > 0; rest = (rest - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((rest - 1) % 26)));
        }

        return letters.ToString();
    }

    /// <summary>The cell's name as a message shows it: <c>Update!D7</c>.</summary>
    public static string Name(string sheet, int column, int row) => $"{sheet}!{Letters(column)}{row}";
}
