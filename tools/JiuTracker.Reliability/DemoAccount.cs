namespace JiuTracker.Reliability;

/// <summary>The accounts demo mode creates, which may edit recommendations: the administrator and the focal points.</summary>
public sealed record DemoAccount(string Email)
{
    public const string Password = "JiuTracker-Demo-2026";

    public static IReadOnlyList<DemoAccount> Editors { get; } =
    [
        new("admin@jiutracker.local"),
        new("anders.norsker@jiutracker.local"),
        new("preetam.maloor@jiutracker.local"),
        new("cosmas.zavazava@jiutracker.local"),
        new("robin.zuercher@jiutracker.local"),
        new("martin.adolph@jiutracker.local"),
    ];

    /// <summary>User <paramref name="number"/> (from 0) of a crowd: the accounts in turn, so several users share each.</summary>
    public static DemoAccount ForUser(int number) => Editors[number % Editors.Count];
}
