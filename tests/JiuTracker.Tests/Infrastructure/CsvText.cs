namespace JiuTracker.Tests.Infrastructure;

public static class CsvText
{
    /// <summary>The data rows of a CSV file, the header not counted (a quoted field may hold line breaks).</summary>
    public static int DataRows(string body)
    {
        using var reader = CsvHelper.CsvReader.FromText(body);
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }
}
