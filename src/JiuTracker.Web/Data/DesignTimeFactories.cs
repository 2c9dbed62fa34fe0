using Microsoft.EntityFrameworkCore.Design;

namespace JiuTracker.Web.Data;

/// <summary>
/// For <c>dotnet ef migrations add Name --context SqliteDesignTime</c> and <c>... PostgreSqlDesignTime</c> (see
/// docs/decisions/014): each builds its provider's model and connects nowhere.
/// </summary>
public sealed class SqliteDesignTime : IDesignTimeDbContextFactory<JiuDbContext>
{
    public JiuDbContext CreateDbContext(string[] args) =>
        new DatabaseConnection(DatabaseProvider.Sqlite, "Data Source=design-time.db").CreateContext();
}

public sealed class PostgreSqlDesignTime : IDesignTimeDbContextFactory<PostgreSqlJiuDbContext>
{
    public PostgreSqlJiuDbContext CreateDbContext(string[] args) =>
        (PostgreSqlJiuDbContext)DatabaseConnection.PostgreSql("Host=localhost;Database=jiutracker").CreateContext();
}
