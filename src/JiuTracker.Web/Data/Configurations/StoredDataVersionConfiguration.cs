using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JiuTracker.Web.Data.Configurations;

public sealed class StoredDataVersionConfiguration : IEntityTypeConfiguration<StoredDataVersion>
{
    public void Configure(EntityTypeBuilder<StoredDataVersion> builder)
    {
        builder.ToTable("DataVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
