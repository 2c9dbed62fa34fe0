using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JiuTracker.Web.Data;

/// <summary>
/// Identity and the domain in one context, so a status change and its history commit together; also the Data
/// Protection keys, so every app instance on the database reads the cookies of the others. On SQLite; PostgreSQL
/// uses <see cref="PostgreSqlJiuDbContext"/>.
/// </summary>
public class JiuDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    public JiuDbContext(DbContextOptions<JiuDbContext> options)
        : base(options)
    {
    }

    protected JiuDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<FocalPoint> FocalPoints => Set<FocalPoint>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();

    public DbSet<WorkbookUpload> WorkbookUploads => Set<WorkbookUpload>();

    public DbSet<FollowUpRound> FollowUpRounds => Set<FollowUpRound>();

    public DbSet<RoundRecommendation> RoundRecommendations => Set<RoundRecommendation>();

    public DbSet<RoundDocument> RoundDocuments => Set<RoundDocument>();

    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();

    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    public DbSet<EvidenceWithdrawal> EvidenceWithdrawals => Set<EvidenceWithdrawal>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Api.ApiToken> ApiTokens => Set<Api.ApiToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredDataVersion> DataVersion => Set<StoredDataVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JiuDbContext).Assembly);

        // Everything the dashboard counts, so its figures read this index instead of the table (decision 017). On
        // PostgreSQL without the information-only note, whose text could exceed the size of an index entry there.
        builder.Entity<Recommendation>()
            .HasIndex(Database.IsSqlite()
                ? r => new { r.ReportId, r.Addressee, r.Acceptance, r.Implementation, r.DeadlineYear, r.LastChangedAt, r.InformationOnlyNote }
                : r => new { r.ReportId, r.Addressee, r.Acceptance, r.Implementation, r.DeadlineYear, r.LastChangedAt })
            .HasDatabaseName("IX_Recommendations_Figures")
            .HasFilter("\"WithdrawnAt\" IS NULL");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps DateTimeOffset as text it cannot order or compare; as a number it can.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
