using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

/// <summary>Looks up ids of the seed's reports and recommendations in a test database.</summary>
public static class SeedReports
{
    public const string Cybersecurity = "JIU/REP/2021/3";
    public const string Landlocked = "JIU/REP/2021/2";
    public const string Environment = "JIU/REP/2020/8";
    public const string Blockchain = "JIU/REP/2020/7";

    public static Task<int> ReportIdAsync(this JiuTrackerFactory app, string symbol) =>
        app.QueryAsync(db => db.Reports.Where(r => r.Symbol == symbol).Select(r => r.Id).SingleAsync());

    public static Task<int> RecommendationIdAsync(this JiuTrackerFactory app, string symbol, int number) =>
        app.QueryAsync(db => db.Recommendations
            .Where(r => r.Report.Symbol == symbol && r.Number == number)
            .Select(r => r.Id)
            .SingleAsync());
}
