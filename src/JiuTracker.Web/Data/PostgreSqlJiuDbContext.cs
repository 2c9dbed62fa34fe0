using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Data;

/// <summary>The same model on PostgreSQL: a type of its own because EF Core keys a migration set by context type.</summary>
public sealed class PostgreSqlJiuDbContext(DbContextOptions<PostgreSqlJiuDbContext> options) : JiuDbContext(options);
