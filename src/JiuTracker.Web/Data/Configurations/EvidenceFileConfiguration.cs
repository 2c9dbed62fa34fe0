using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("Evidence");
        builder.HasOne(e => e.Recommendation).WithMany(r => r.Evidence).HasForeignKey(e => e.RecommendationId);
        builder.Property(e => e.FileName).HasMaxLength(EvidenceFile.MaxFileNameLength);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Kind).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Description).HasMaxLength(EvidenceFile.MaxDescriptionLength);
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
        builder.HasOne(e => e.Content).WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceFileId);
        builder.HasOne(e => e.Withdrawal).WithOne(w => w.Evidence).HasForeignKey<EvidenceWithdrawal>(w => w.EvidenceFileId);
        builder.Ignore(e => e.IsWithdrawn);
        builder.Ignore(e => e.HistoryName);
        builder.HasIndex(e => new { e.RecommendationId, e.UploadedAt });
    }
}

public sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.ToTable("EvidenceContents");
        builder.HasKey(c => c.EvidenceFileId);
    }
}

public sealed class EvidenceWithdrawalConfiguration : IEntityTypeConfiguration<EvidenceWithdrawal>
{
    public void Configure(EntityTypeBuilder<EvidenceWithdrawal> builder)
    {
        builder.ToTable("EvidenceWithdrawals");
        builder.Property(w => w.Reason).HasMaxLength(EvidenceFile.MaxReasonLength);
        builder.Property(w => w.WithdrawnBy).HasMaxLength(256);
    }
}
