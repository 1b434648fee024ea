using System.Security.Cryptography;
using Identity.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Identity.Api.Keys;

/// <summary>
/// The RSA keys OpenIddict signs (and encrypts) tokens with. Generated on the first start, stored in identitydb and
/// loaded from it on every later start, so tokens stay valid across restarts and no key or certificate is committed.
/// </summary>
public sealed class TokenKeys
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    private RsaSecurityKey? _signing;
    private RsaSecurityKey? _encryption;

    public RsaSecurityKey SigningKey => _signing ?? throw NotLoaded();

    public RsaSecurityKey EncryptionKey => _encryption ?? throw NotLoaded();

    /// <summary>Loads both keys, creating the missing ones (a concurrent first start loses the insert and reloads).</summary>
    public async Task LoadOrCreateAsync(IdentityDb db, TimeProvider time, CancellationToken ct)
    {
        _signing = await LoadOrCreateAsync(db, Signing, time, ct);
        _encryption = await LoadOrCreateAsync(db, Encryption, time, ct);
    }

    private static async Task<RsaSecurityKey> LoadOrCreateAsync(IdentityDb db, string use, TimeProvider time, CancellationToken ct)
    {
        var stored = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Use == use, ct);
        if (stored is null)
        {
            using var rsa = RSA.Create(2048);
            stored = new StoredKey
            {
                Use = use,
                KeyId = $"{use}-{Guid.NewGuid():N}"[..24],
                Pkcs8 = rsa.ExportPkcs8PrivateKey(),
                CreatedAt = time.GetUtcNow(),
            };
            db.SigningKeys.Add(stored);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                stored = await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Use == use, ct);
            }
        }

        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(stored.Pkcs8, out _);
        return new RsaSecurityKey(key) { KeyId = stored.KeyId };
    }

    private static InvalidOperationException NotLoaded() =>
        new("The token keys are not loaded yet: IdentitySetup runs before the server starts.");

    /// <summary>Hands the loaded keys to OpenIddict (runs before OpenIddict's own checks, which require them).</summary>
    public sealed class ConfigureServer(TokenKeys keys) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            options.SigningCredentials.Add(new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                keys.EncryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
