using Microsoft.AspNetCore.Hosting;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Updates;

/// <summary>The document upload's size limit (<c>Import:MaxFileBytes</c>) holds for update workbooks too.</summary>
public sealed class WorkbookUploadLimitTests(WorkbookUploadLimitTests.SmallLimitApp app) : IClassFixture<WorkbookUploadLimitTests.SmallLimitApp>
{
    public const int Limit = 4_000;

    public sealed class SmallLimitApp : JiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Import:MaxFileBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task AWorkbookOverTheLimit_IsRefusedSayingSo_AndNothingIsStored()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var workbook = (await DownloadedWorkbook.DownloadAsync(client)).Set(DemoAccounts.EnvironmentReport, 1, UpdateSheet.NewComment, "Too big to be read.");
        Assert.True(workbook.Bytes.Length > Limit, $"The downloaded workbook has only {workbook.Bytes.Length} bytes.");

        var response = await DownloadedWorkbook.PostAsync(client, workbook.Bytes, "update.xlsx");

        var message = (await response.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent;
        Assert.Contains("update.xlsx is larger than the", message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", message, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.WorkbookUploads.CountAsync()));
    }
}
