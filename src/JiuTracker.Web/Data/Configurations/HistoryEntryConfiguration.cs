using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("History");
        builder.Property(h => h.Field).HasConversion<string>().HasMaxLength(32);
        builder.Property(h => h.OldValue).HasMaxLength(10_000);
        builder.Property(h => h.NewValue).HasMaxLength(10_000);
        builder.Property(h => h.ChangedBy).HasMaxLength(256);
        builder.Property(h => h.Source).HasMaxLength(ChangeStamp.MaxSourceLength);
        builder.HasIndex(h => new { h.RecommendationId, h.ChangedAt });
    }
}
