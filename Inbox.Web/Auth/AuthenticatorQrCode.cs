using QRCoder;

namespace Inbox.Web.Auth;

/// <summary>
/// The otpauth:// URI as a QR code for the authenticator app to scan: a PNG in a data: URI, rendered on
/// the server, because the CSP allows images from data: but no script that could draw one in the browser.
/// </summary>
internal static class AuthenticatorQrCode
{
    public static string PngDataUri(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
