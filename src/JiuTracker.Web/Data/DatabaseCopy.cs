using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JiuTracker.Web.Data;

/// <summary>How many rows one table holds on each side of a copy.</summary>
public sealed record TableCount(string Table, long Source, long Target);

/// <summary>What a copy did: a refusal (nothing changed), or the counts on both sides, committed only if they all match.</summary>
public sealed record CopyOutcome(string? Refusal, IReadOnlyList<TableCount> Counts)
{
    public bool Succeeded => Refusal is null && Counts.All(c => c.Source == c.Target);
}

/// <summary>
/// Copies every table of the model (the domain, the accounts and roles, the Data Protection keys), ids included,
/// from one database into an empty one of another provider: the target is migrated first, then filled in one
/// transaction that commits only when every table holds as many rows as its source.
/// </summary>
public sealed class DatabaseCopy(JiuDbContext source, JiuDbContext target)
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    public async Task<CopyOutcome> RunAsync(CancellationToken ct)
    {
        await source.Database.MigrateAsync(ct);
        var refusal = await WhyNotEmptyAsync(ct);
        if (refusal is not null)
        {
            return new CopyOutcome(refusal, []);
        }

        await target.Database.MigrateAsync(ct);
        var tables = TablesInInsertOrder(target.Model);
        await using var reading = await source.Database.BeginTransactionAsync(ct);
        await using var writing = await target.Database.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            await CopyTableAsync(table, ct);
        }

        await SequenceReset.AfterCopyAsync(target, tables, ct);
        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            counts.Add(new TableCount(table.Name, await CountAsync(source, table.Name, ct), await CountAsync(target, table.Name, ct)));
        }

        var outcome = new CopyOutcome(null, counts);
        if (outcome.Succeeded)
        {
            await writing.CommitAsync(ct);
        }

        return outcome;
    }

    /// <summary>Null when the target is empty: no tables at all, or the current schema with no rows.</summary>
    private async Task<string?> WhyNotEmptyAsync(CancellationToken ct)
    {
        var creator = target.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            return null;
        }

        var applied = (await target.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0)
        {
            return await creator.HasTablesAsync(ct) ? "the target database already has tables of its own." : null;
        }

        if ((await target.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            return "the target database already holds JiuTracker tables of an older version.";
        }

        var filled = new List<string>();
        foreach (var table in TablesInInsertOrder(target.Model))
        {
            var rows = await CountAsync(target, table.Name, ct);
            if (rows > 0)
            {
                filled.Add($"{table.Name}: {rows:N0} rows");
            }
        }

        return filled.Count == 0 ? null : $"the target database is not empty ({string.Join(", ", filled)}).";
    }

    private async Task CopyTableAsync(Table table, CancellationToken ct)
    {
        var sourceColumns = table.Columns.Select(c => source.Model.FindEntityType(table.EntityType.Name)!.FindProperty(c.Name)!).ToList();
        var sql = source.GetService<ISqlGenerationHelper>();
        var into = target.GetService<ISqlGenerationHelper>();
        await using var read = source.Database.GetDbConnection().CreateCommand();
        read.Transaction = source.Database.CurrentTransaction!.GetDbTransaction();
        read.CommandText = $"SELECT {string.Join(", ", sourceColumns.Select(p => sql.DelimitIdentifier(p.GetColumnName())))} FROM {sql.DelimitIdentifier(table.Name)}";

        await using var write = target.Database.GetDbConnection().CreateCommand();
        write.Transaction = target.Database.CurrentTransaction!.GetDbTransaction();
        write.CommandText = $"INSERT INTO {into.DelimitIdentifier(table.Name)} ({string.Join(", ", table.Columns.Select(p => into.DelimitIdentifier(p.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => into.GenerateParameterNamePlaceholder($"p{i}")))})";

        await using var reader = await read.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            write.Parameters.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var value = TargetValue(ReadValue(reader, i, sourceColumns[i]));
                write.Parameters.Add(table.Columns[i].GetRelationalTypeMapping().CreateParameter(write, $"p{i}", value, table.Columns[i].IsNullable));
            }

            await write.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The value as the model knows it (an enum, a DateTimeOffset), from the source's stored form.</summary>
    private static object? ReadValue(DbDataReader reader, int ordinal, IProperty property)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var converter = property.GetRelationalTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        var value = GetFieldValue.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored).Invoke(reader, [ordinal]);
        return converter is null ? value : converter.ConvertFromProvider(value);
    }

    // PostgreSQL keeps instants in UTC and refuses an offset; the instant is the same. The parameter converts the rest.
    private static object? TargetValue(object? value) => value is DateTimeOffset time ? time.ToUniversalTime() : value;

    private static async Task<long> CountAsync(JiuDbContext db, string table, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COUNT(*) FROM {db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table)}";
        await db.Database.OpenConnectionAsync(ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every table of the model, each after the tables its foreign keys point to.</summary>
    internal static List<Table> TablesInInsertOrder(IModel model)
    {
        var pending = model.GetEntityTypes().Where(e => e.GetTableName() is not null).ToList();
        var ordered = new List<Table>();
        while (pending.Count > 0)
        {
            var ready = pending.First(e => e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || ordered.Any(t => t.EntityType == fk.PrincipalEntityType)));
            ordered.Add(new Table(ready, ready.GetTableName()!, [.. ready.GetProperties()]));
            pending.Remove(ready);
        }

        return ordered;
    }

    internal sealed record Table(IEntityType EntityType, string Name, IReadOnlyList<IProperty> Columns);
}
