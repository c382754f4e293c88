package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.SmtpReply;
import org.subethamail.smtp.RejectException;

/** The one place a reply value becomes SubEthaSMTP's {@link RejectException}. */
final class RejectMapping {
    private RejectMapping() {
    }

    static RejectException reject(SmtpReply reply) {
        return new RejectException(reply.code(), reply.statusAndText());
    }
}
