namespace JiuTracker.Web.Data;

/// <summary>The database engines JiuTracker runs on: SQLite embedded for one office, PostgreSQL for several instances.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
