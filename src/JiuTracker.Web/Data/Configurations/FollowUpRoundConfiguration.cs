using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class FollowUpRoundConfiguration : IEntityTypeConfiguration<FollowUpRound>
{
    public void Configure(EntityTypeBuilder<FollowUpRound> builder)
    {
        builder.ToTable("FollowUpRounds");
        builder.Property(r => r.Name).HasMaxLength(FollowUpRound.MaxNameLength);
        builder.Property(r => r.Message).HasMaxLength(FollowUpRound.MaxMessageLength);
        builder.Property(r => r.LinkBase).HasMaxLength(500);
        builder.Property(r => r.OpenedBy).HasMaxLength(256);
        builder.Property(r => r.ClosedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsClosed);

        builder.HasMany(r => r.Reports).WithMany().UsingEntity("FollowUpRoundReports");
        builder.Navigation(r => r.Reports).HasField("_reports");
        builder.HasMany(r => r.Recommendations).WithOne().HasForeignKey(r => r.RoundId);
        builder.Navigation(r => r.Recommendations).HasField("_recommendations");
    }
}

public sealed class RoundRecommendationConfiguration : IEntityTypeConfiguration<RoundRecommendation>
{
    public void Configure(EntityTypeBuilder<RoundRecommendation> builder)
    {
        builder.ToTable("RoundRecommendations");
        builder.HasKey(r => new { r.RoundId, r.RecommendationId });
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(r => r.RecommendationId);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(r => r.AcceptanceAtOpening).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ImplementationAtOpening).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.AcceptanceAtClosing).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ImplementationAtClosing).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(r => new { r.RecommendationId, r.RoundId });
        builder.HasIndex(r => new { r.RoundId, r.ReportId });
    }
}

public sealed class RoundDocumentConfiguration : IEntityTypeConfiguration<RoundDocument>
{
    public void Configure(EntityTypeBuilder<RoundDocument> builder)
    {
        builder.ToTable("RoundDocuments");
        builder.HasOne<FollowUpRound>().WithMany().HasForeignKey(d => d.RoundId);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(d => new { d.RoundId, d.FileName }).IsUnique();
    }
}
