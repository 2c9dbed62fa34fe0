using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class WorkbookUploadConfiguration : IEntityTypeConfiguration<WorkbookUpload>
{
    public void Configure(EntityTypeBuilder<WorkbookUpload> builder)
    {
        builder.ToTable("WorkbookUploads");
        builder.Property(u => u.FileName).HasMaxLength(WorkbookUpload.MaxFileNameLength);
        builder.Property(u => u.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(u => u.UploadedBy).HasMaxLength(256);
        builder.Property(u => u.AppliedBy).HasMaxLength(256);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Ignore(u => u.Source);
        builder.HasIndex(u => new { u.UploadedBy, u.UploadedAt });
    }
}
