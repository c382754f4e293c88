package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.Surface;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields an MTA adds: {@code Return-Path} and {@code Received} on top (RFC 5321 §4.4), and at
 * the end of the header section a {@code Message-ID} and {@code Date} when the client sent none
 * (as Exchange does) plus Exchange's network message id, which ties every copy to its record.
 */
final class TraceFields {
    static final String NETWORK_MESSAGE_ID = "X-MS-Exchange-Organization-Network-Message-Id";

    private TraceFields() {
    }

    static List<String> prepend(SubmissionContext context, Transaction tx, String id) {
        String host = context.settings().hostName();
        String ip = tx.remote.getAddress().getHostAddress();
        // RFC 3848: ESMTPA for authenticated, ESMTPSA when also over TLS.
        String with = tx.surface == Surface.GRAPH ? "HTTP" : tx.tls ? "ESMTPSA" : "ESMTPA";
        String received = "Received: from " + tx.helo.orElse("unknown") + " ([" + ip + "])\r\n by " + host
                + " (Behalf) with " + with + " id " + tx.sessionId + ";\r\n " + date(context);
        return List.of("Return-Path: <" + tx.mailFrom() + ">", received);
    }

    static List<String> append(SubmissionContext context, ParsedMessage message, String messageId, String id) {
        List<String> out = new ArrayList<>(3);
        if (message.messageId().isEmpty()) {
            out.add("Message-ID: " + messageId);
        }
        if (!message.hasDate()) {
            out.add("Date: " + date(context));
        }
        out.add(NETWORK_MESSAGE_ID + ": " + id);
        return out;
    }

    /** The last date written: every message of one second has the same, so it is formatted once a second. */
    private static volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    private record Stamp(long second, String text) {
    }

    static String date(SubmissionContext context) {
        return date(context.clock().instant());
    }

    static String date(Instant now) {
        Stamp s = last;
        if (s.second != now.getEpochSecond()) {
            s = new Stamp(now.getEpochSecond(), DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.ofInstant(Instant.ofEpochSecond(now.getEpochSecond()), ZoneOffset.UTC)));
            last = s;
        }
        return s.text;
    }
}
