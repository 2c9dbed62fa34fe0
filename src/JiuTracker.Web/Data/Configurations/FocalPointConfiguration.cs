using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class FocalPointConfiguration : IEntityTypeConfiguration<FocalPoint>
{
    public void Configure(EntityTypeBuilder<FocalPoint> builder)
    {
        builder.Property(f => f.Title).HasMaxLength(20);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Unit).HasMaxLength(50);
        builder.HasIndex(f => new { f.Name, f.Unit }).IsUnique();
        builder.HasIndex(f => f.UserId);
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(f => f.NameWithUnit);
    }
}
