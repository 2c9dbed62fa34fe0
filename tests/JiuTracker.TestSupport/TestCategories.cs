namespace JiuTracker.TestSupport;

/// <summary>
/// The trait that tells the fast loop from the whole run: <c>[Trait(TestCategories.Category, TestCategories.Slow)]</c>
/// marks a class that starts processes or servers of its own (PostgreSQL, nginx, the app or its commands as a
/// process, Python's readers and writers, LibreOffice, Chromium), and <c>dotnet test --filter "Category!=Slow"</c>
/// leaves them out. CI runs everything.
/// </summary>
public static class TestCategories
{
    public const string Category = "Category";
    public const string Slow = "Slow";
}
