using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Data;

public class HealthTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthy_WithoutSigningIn(string url)
    {
        var response = await app.CreateBrowserClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_IsUnhealthy_WhenTheDatabaseIsGone()
    {
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var moved = app.DatabasePath + ".moved";
        File.Move(app.DatabasePath, moved);
        try
        {
            // SQLite would create an empty file: an empty database has every migration pending.
            var response = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-shm" })
            {
                File.Delete(file);
            }

            File.Move(moved, app.DatabasePath);
        }
    }
}
