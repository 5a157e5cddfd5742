using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>grpc+tls with a certificate loaded from PEM files.</summary>
public sealed class GrpcTlsTests
{
    [Fact]
    public async Task TlsServer_FromPemFiles_ServesTrustingClient_AndRefusesOthers()
    {
        var dir = RepoPaths.NewTempDirectory("lakehouse-tls");
        try
        {
            using var certificate = CreateSelfSigned();
            var certPath = Path.Combine(dir, "server.crt");
            var keyPath = Path.Combine(dir, "server.key");
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            using (var key = certificate.GetECDsaPrivateKey()!)
            {
                await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
            }

            await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { TlsCertificatePath = certPath, TlsKeyPath = keyPath });
            Assert.Equal("grpc+tls", server.Address.Scheme);

            using var trusted = server.Channel(new GrpcChannelOptions { TrustedCertificate = X509CertificateLoader.LoadCertificateFromFile(certPath) });
            Assert.Equal("secure", (await trusted.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "secure" })).Message);
            var count = 0;
            await foreach (var _ in trusted.ServerStreamingAsync(EchoMethods.ServerStream, new EchoRequest { Count = 5 }))
            {
                count++;
            }

            Assert.Equal(5, count);

            using var untrusting = server.Channel();
            var e = await Assert.ThrowsAsync<RpcException>(() => untrusting.UnaryAsync(EchoMethods.Unary, new EchoRequest()));
            Assert.Equal(StatusCode.Unavailable, e.StatusCode);

            // A plaintext client cannot talk to the TLS port.
            using var plain = GrpcChannel.ForAddress($"grpc://127.0.0.1:{server.Server.Port}");
            await Assert.ThrowsAsync<RpcException>(() => plain.UnaryAsync(EchoMethods.Unary, new EchoRequest()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
