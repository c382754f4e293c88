package dev.behalf.policy.signin;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One sign-in to decide: where it arrived, from which client address (the throttle counts failures per
 * client and account), and what the client presented.
 */
public record SignInAttempt(SignInSurface surface, InetAddress client, Credential credential) {
    public SignInAttempt {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(credential, "credential");
    }
}
