using System.Security.Claims;

namespace Inbox.Web.Auth;

/// <summary>The claim in the auth cookie that names the server-side session.</summary>
internal static class SessionClaims
{
    public const string SessionId = "inbox:sid";

    /// <summary>HttpContext.Items key: the cookie being issued continues this session (see <see cref="StaffSignInRefresh"/>).</summary>
    public const string ContinuedSession = "inbox:continued-sid";

    public static Guid? SessionIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(SessionId)?.Value, out var id) ? id : null;
}
