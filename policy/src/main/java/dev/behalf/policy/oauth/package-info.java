/**
 * A mock of the Microsoft identity platform for the directory's tenant: app registrations (from the
 * directory, {@link dev.behalf.policy.directory.AppRegistration}), the client-credentials and password
 * grants with Entra's error texts, RS256 access tokens signed with nimbus-jose-jwt under a key made at start,
 * and the JWKS. {@link dev.behalf.policy.oauth.IdentityPlatform} checks a token's signature, issuer, tenant and
 * lifetime for {@link dev.behalf.policy.signin.SignIn}; what the token may do where it is presented is
 * decided there, with every other sign-in. No sockets: the server's HTTP routes and protocols speak for it.
 */
package dev.behalf.policy.oauth;
