using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Symbol).HasMaxLength(32);
        builder.HasIndex(r => r.Symbol).IsUnique();
        // The order every list of reports is shown in (latest first); also serves choosing a year.
        builder.HasIndex(r => new { r.Year, r.Number, r.Symbol }).IsDescending(true, true, false);
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.Property(r => r.ReviewHighlightsUrl).HasMaxLength(2000);
        builder.Property(r => r.CebCommentsReference).HasMaxLength(2000);

        builder.HasMany(r => r.Recommendations).WithOne(r => r.Report).HasForeignKey(r => r.ReportId);
        builder.HasMany(r => r.FocalPoints).WithMany(f => f.Reports).UsingEntity("FocalPointAssignments");
    }
}
