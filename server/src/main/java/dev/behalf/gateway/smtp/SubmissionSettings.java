package dev.behalf.gateway.smtp;

import dev.behalf.gateway.Defaults;
import dev.behalf.policy.reply.Dialect;

import java.util.Objects;

/**
 * How the submission server behaves.
 *
 * @param hostName        the name in the greeting, Received fields and replies
 * @param dialect         which Exchange's reply texts to send
 * @param maxMessageSize  bytes; larger messages get 552 5.3.4
 * @param maxRecipients   per message; more get 452 4.5.3
 * @param enforceEnvelope also authorise the envelope MAIL FROM (spec §4)
 */
public record SubmissionSettings(String hostName, Dialect dialect, int maxMessageSize, int maxRecipients,
                                 boolean enforceEnvelope, ParsedMessage.Limits limits) {

    public SubmissionSettings {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(limits, "limits");
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("max message size must be at least 1024 bytes: " + maxMessageSize);
        }
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("max recipients must be at least 1: " + maxRecipients);
        }
    }

    public static SubmissionSettings defaults(String hostName) {
        return new SubmissionSettings(hostName, Defaults.dialect(), Defaults.MAX_MESSAGE_SIZE, Defaults.MAX_RECIPIENTS, false,
                ParsedMessage.Limits.DEFAULT);
    }
}
