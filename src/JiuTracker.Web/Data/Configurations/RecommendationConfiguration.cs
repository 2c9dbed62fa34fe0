using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.HasIndex(r => new { r.ReportId, r.Number }).IsUnique();
        builder.Property(r => r.Text).HasMaxLength(10_000);
        builder.Property(r => r.InformationOnlyNote).HasMaxLength(2000);
        builder.Property(r => r.Addressee).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Acceptance).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Implementation).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasMany(r => r.Comments).WithOne(c => c.Recommendation).HasForeignKey(c => c.RecommendationId);
        builder.HasMany(r => r.History).WithOne(h => h.Recommendation).HasForeignKey(h => h.RecommendationId);
        builder.Navigation(r => r.Comments).HasField("_comments");
        builder.Navigation(r => r.History).HasField("_history");
        builder.Ignore(r => r.DataQualityWarnings);
        builder.Ignore(r => r.IsInformationOnly);
        builder.Ignore(r => r.IsWithdrawn);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(2000);
        builder.Ignore(r => r.IsImplementationClaimed);
        builder.Ignore(r => r.StatedImplementation);
        builder.Property(r => r.ClaimedBy).HasMaxLength(256);
        builder.Property(r => r.ClaimReturnedBy).HasMaxLength(256);
        builder.Property(r => r.ClaimReturnReason).HasMaxLength(ClosureClaims.MaxNoteLength);

        // The validation queue, oldest claim first; the few rows with a claim, not the table.
        builder.HasIndex(r => r.ClaimedAt).HasDatabaseName("IX_Recommendations_Claims").HasFilter("\"ClaimedAt\" IS NOT NULL");
    }
}
