using Microsoft.AspNetCore.Identity;

namespace Inbox.Web.Auth;

/// <summary>The password rules in words, from Identity's own options so the hint never drifts from the check.</summary>
internal static class PasswordPolicyHint
{
    public static string Describe(PasswordOptions rules)
    {
        var needs = new List<string>();
        if (rules.RequireUppercase) needs.Add("an upper-case letter");
        if (rules.RequireLowercase) needs.Add("a lower-case letter");
        if (rules.RequireDigit) needs.Add("a digit");
        if (rules.RequireNonAlphanumeric) needs.Add("a symbol");
        var with = needs.Count switch
        {
            0 => "",
            1 => ", with " + needs[0],
            _ => ", with " + string.Join(", ", needs[..^1]) + " and " + needs[^1],
        };
        return $"At least {rules.RequiredLength} characters{with}. A short sentence is easy to remember and hard to guess.";
    }
}
