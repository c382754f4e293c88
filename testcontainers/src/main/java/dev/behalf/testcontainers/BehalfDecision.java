package dev.behalf.testcontainers;

import java.util.List;

/**
 * One decision record as {@code GET /api/decisions} gives it (README, HTTP API): who signed in, the
 * From and Sender, the outcome ({@code Self}, {@code SendAs}, {@code SendOnBehalf}, {@code Denied},
 * {@code Rejected}), why, and the SMTP reply. Absent values are null.
 */
public record BehalfDecision(String id, String time, String account, String login, String mailFrom,
                             List<String> rcptTo, List<String> headerFrom, String headerSender,
                             String deliveredSender, String outcome, String stage, List<String> because,
                             String reply, String messageId, String subject, List<String> reached,
                             long directoryVersion) {

    public boolean accepted() {
        return reply != null && reply.startsWith("2");
    }
}
