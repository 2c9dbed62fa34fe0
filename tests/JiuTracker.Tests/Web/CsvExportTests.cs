using System.Net;
using CsvHelper;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Export;

namespace JiuTracker.Tests.Web;

public class CsvExportTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private async Task<(HttpResponseMessage Response, string Body, List<Dictionary<string, string>> Rows)> ExportAsync()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var response = await client.GetAsync(RecommendationsCsv.Path);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, Parse(body));
    }

    /// <summary>Reads the file back with an independent RFC 4180 reader.</summary>
    private static List<Dictionary<string, string>> Parse(string body)
    {
        using var reader = CsvReader.FromText(body, new CsvReaderOptions { HasHeader = false });
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray();
            if (header is null)
            {
                header = fields;
                continue;
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    [Fact]
    public async Task Export_HasTheAgreedHeader_AsUtf8Csv()
    {
        var (response, body, _) = await ExportAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.StartsWith(
            "report_symbol,report_title,report_year,recommendation_number,addressee,acceptance,implementation,deadline,focal_points,comments,text,implementation_claimed,evidence_files\r\n",
            body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_HasOneRowPerRecommendation_WithTheSeedsStatuses()
    {
        var (_, _, rows) = await ExportAsync();

        Assert.Equal(23, rows.Count);
        Assert.Equal([2, 3, 10, 8], rows.GroupBy(r => r["report_symbol"]).Select(g => g.Count()));

        var cyber1 = rows.Single(r => r["report_symbol"] == "JIU/REP/2021/3" && r["recommendation_number"] == "1");
        Assert.Equal("Cybersecurity in the United Nations system organizations", cyber1["report_title"]);
        Assert.Equal("2021", cyber1["report_year"]);
        Assert.Equal("executive-heads", cyber1["addressee"]);
        Assert.Equal("accepted", cyber1["acceptance"]);
        Assert.Equal("not-started", cyber1["implementation"]);
        Assert.Equal("2022", cyber1["deadline"]);
        Assert.Equal("Anders Norsker (GS/IS); Preetam Maloor (GS/SPM)", cyber1["focal_points"]);
        Assert.Equal("In the workplan for 2022 onward", cyber1["comments"]);
        Assert.StartsWith("The executive heads of the United Nations system organizations should prepare", cyber1["text"], StringComparison.Ordinal);

        var cyber2 = rows.Single(r => r["report_symbol"] == "JIU/REP/2021/3" && r["recommendation_number"] == "2");
        Assert.Equal("legislative-bodies", cyber2["addressee"]);

        var environment7 = rows.Single(r => r["report_symbol"] == "JIU/REP/2020/8" && r["recommendation_number"] == "7");
        Assert.Equal(("", "implemented"), (environment7["acceptance"], environment7["implementation"]));

        var blockchain5 = rows.Single(r => r["report_symbol"] == "JIU/REP/2020/7" && r["recommendation_number"] == "5");
        Assert.Equal(("other", "", "", "2021"), (blockchain5["addressee"], blockchain5["acceptance"], blockchain5["implementation"], blockchain5["deadline"]));
        Assert.StartsWith("ITU is offering its support", blockchain5["comments"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_KeepsMultiLineComments_InOneQuotedField()
    {
        var (_, body, rows) = await ExportAsync();

        var environment4 = rows.Single(r => r["report_symbol"] == "JIU/REP/2020/8" && r["recommendation_number"] == "4");
        Assert.StartsWith("UN inter-agency mechanisms", environment4["comments"], StringComparison.Ordinal);
        Assert.Contains("\n", environment4["comments"], StringComparison.Ordinal);
        Assert.EndsWith("deal with e-waste", environment4["comments"], StringComparison.Ordinal);
        Assert.Contains("\"UN inter-agency mechanisms", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_JoinsSeveralComments_InTimeOrder()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 6);
        var client = await app.SignedInClientAsync(DemoAccounts.MartinAdolph);
        foreach (var text in new[] { "First remark.", "Second remark." })
        {
            var saved = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = text });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var (_, _, rows) = await ExportAsync();

        var row = rows.Single(r => r["report_symbol"] == "JIU/REP/2020/7" && r["recommendation_number"] == "6");
        Assert.Equal("First remark. | Second remark.", row["comments"]);
    }

    [Fact]
    public async Task Export_EscapesTextAFormulaCouldRunFrom()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 7);
        var client = await app.SignedInClientAsync(DemoAccounts.MartinAdolph);
        await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = "=HYPERLINK(\"x\")" });

        var (_, _, rows) = await ExportAsync();

        var row = rows.Single(r => r["report_symbol"] == "JIU/REP/2020/7" && r["recommendation_number"] == "7");
        Assert.Equal("'=HYPERLINK(\"x\")", row["comments"]);
    }
}
