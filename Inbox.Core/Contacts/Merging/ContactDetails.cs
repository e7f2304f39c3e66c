namespace Inbox.Core.Contacts.Merging;

/// <summary>The fields a receptionist chooses between when two contacts become one; a merge record keeps both sides' copies.</summary>
public sealed record ContactDetails(string Name, string? Phone, string? Email, DateOnly? DateOfBirth)
{
    public static ContactDetails Of(Contact contact) => new(contact.Name, contact.Phone, contact.Email, contact.DateOfBirth);

    public string? Value(ContactField field) => field switch
    {
        ContactField.Name => Name,
        ContactField.Phone => Phone,
        ContactField.Email => Email,
        ContactField.DateOfBirth => DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}

/// <summary>A contact field that can differ between two records of one patient.</summary>
public enum ContactField { Name, Phone, Email, DateOfBirth }

/// <summary>Which contact's value the merged patient keeps.</summary>
public enum MergeSide { Survivor, Merged }
