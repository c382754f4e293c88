package dev.behalf.policy.identity;

/** The forms an identity string may take (spec §2), in the order they are tried. */
public enum IdentityForm {
    Name, Alias, DistinguishedName, CanonicalName, DomainAccount, SmtpAddress, Guid, LegacyExchangeDN,
    SamAccountName, UserPrincipalName, DisplayName
}
