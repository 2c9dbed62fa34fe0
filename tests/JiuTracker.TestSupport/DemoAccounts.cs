namespace JiuTracker.TestSupport;

/// <summary>The accounts demo mode creates from the seed document (password <c>DemoData.Password</c>), and the reports their focal points hold.</summary>
public static class DemoAccounts
{
    public const string Admin = "admin@jiutracker.local";
    public const string Management = "management@jiutracker.local";
    public const string Auditor = "auditor@jiutracker.local";
    public const string Coordinator = "coordinator@jiutracker.local";

    /// <summary>Focal point of JIU/REP/2021/3, with Preetam Maloor.</summary>
    public const string AndersNorsker = "anders.norsker@jiutracker.local";

    /// <summary>Focal point of JIU/REP/2021/3, with Anders Norsker.</summary>
    public const string PreetamMaloor = "preetam.maloor@jiutracker.local";

    /// <summary>Focal point of JIU/REP/2021/2.</summary>
    public const string CosmasZavazava = "cosmas.zavazava@jiutracker.local";

    /// <summary>Focal point of JIU/REP/2020/8, whose recommendations 7 and 8 were imported without an acceptance.</summary>
    public const string RobinZuercher = "robin.zuercher@jiutracker.local";

    /// <summary>Focal point of JIU/REP/2020/7.</summary>
    public const string MartinAdolph = "martin.adolph@jiutracker.local";

    /// <summary>Robin Zuercher's report.</summary>
    public const string EnvironmentReport = "JIU/REP/2020/8";

    /// <summary>Martin Adolph's report.</summary>
    public const string BlockchainReport = "JIU/REP/2020/7";

    /// <summary>The report Anders Norsker and Preetam Maloor follow up.</summary>
    public const string CybersecurityReport = "JIU/REP/2021/3";

    /// <summary>A report neither of them follows up (Cosmas Zavazava's).</summary>
    public const string OtherReport = "JIU/REP/2021/2";
}
