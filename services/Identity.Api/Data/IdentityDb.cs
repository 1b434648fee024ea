using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Identity.Api.Data;

/// <summary>
/// Everything the identity service keeps, in its own database (identitydb): ASP.NET Core Identity's users and roles,
/// OpenIddict's applications, authorizations, scopes and tokens, the ASP.NET Data Protection key ring (which protects
/// the sign-in cookie and antiforgery tokens) and the RSA keys that sign and encrypt OpenIddict's tokens.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredKey> SigningKeys => Set<StoredKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<StoredKey>(key =>
        {
            key.ToTable("token_keys");
            key.HasKey(k => k.Use);
            key.Property(k => k.Use).HasColumnName("use");
            key.Property(k => k.KeyId).HasColumnName("key_id");
            key.Property(k => k.Pkcs8).HasColumnName("pkcs8");
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
        });
    }
}

/// <summary>One RSA private key (PKCS#8) with its purpose: <c>signing</c> or <c>encryption</c>.</summary>
public sealed class StoredKey
{
    public required string Use { get; set; }

    public required string KeyId { get; set; }

    public required byte[] Pkcs8 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
