/**
 * Who may connect and sign in, for every surface in one place: SMTP AUTH, IMAP LOGIN and AUTHENTICATE,
 * POP3 USER/PASS and AUTH, Autodiscover's HTTP Basic. A surface turns what came over the wire into a
 * {@link dev.behalf.policy.signin.Credential} (SASL decoding lives here too, in
 * {@link dev.behalf.policy.signin.SaslExchange}), asks {@link dev.behalf.policy.signin.SignIn#decide}, and
 * writes its own protocol's reply for the sealed {@link dev.behalf.policy.signin.SignInDecision}. The
 * {@link dev.behalf.policy.signin.SignInThrottle} slows password guessing per (client, account) for all
 * surfaces together, and {@link dev.behalf.policy.signin.ConnectionCaps} bounds connections per listener.
 * No sockets: the surfaces own those.
 *
 * <pre>{@code
 * SignIn signIn = SignIn.builder(live::current).build();
 * SignInDecision d = signIn.decide(new SignInAttempt(SignInSurface.IMAP, peer,
 *         new Credential.Password(Mechanism.LOGIN_COMMAND, "jimh\\ayla", password)));
 * }</pre>
 */
package dev.behalf.policy.signin;
