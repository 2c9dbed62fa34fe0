namespace JiuTracker.Tests.Infrastructure;

/// <summary>The accounts demo mode creates from the seed document, and the reports their focal points hold.</summary>
public static class DemoAccounts
{
    public const string Admin = "admin@jiutracker.local";
    public const string Management = "management@jiutracker.local";
    public const string Auditor = "auditor@jiutracker.local";

    /// <summary>Focal point of JIU/REP/2021/3 (with Preetam Maloor).</summary>
    public const string AndersNorsker = "anders.norsker@jiutracker.local";

    /// <summary>Focal point of JIU/REP/2021/2.</summary>
    public const string CosmasZavazava = "cosmas.zavazava@jiutracker.local";

    public const string PreetamMaloor = "preetam.maloor@jiutracker.local";
    public const string RobinZuercher = "robin.zuercher@jiutracker.local";
    public const string MartinAdolph = "martin.adolph@jiutracker.local";
}
