using JiuTracker.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
        builder.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(t => t.Start).HasMaxLength(16);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.RevokedBy).HasMaxLength(256);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
