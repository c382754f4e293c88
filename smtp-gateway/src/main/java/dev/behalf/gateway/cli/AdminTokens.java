package dev.behalf.gateway.cli;

import java.security.SecureRandom;
import java.util.Base64;

/** Admin tokens made at start ({@code --generate-admin-token}). */
final class AdminTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminTokens() {
    }

    /** 32 random bytes, URL-safe Base64 without padding: 43 characters a shell and a header take as they are. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
