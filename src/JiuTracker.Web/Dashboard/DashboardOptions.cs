namespace JiuTracker.Web.Dashboard;

public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>After how many months without any recorded change a recommendation needs attention.</summary>
    public int StaleAfterMonths { get; set; } = 6;
}
