package dev.behalf.gateway.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The ports a running Behalf bound (the real ones when 0 was asked for). */
public record Ports(int smtp, OptionalInt smtps, int imap, int pop3, int http) {

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("smtp", smtp);
        smtps.ifPresent(p -> m.put("smtps", p));
        m.put("imap", imap);
        m.put("pop3", pop3);
        m.put("http", http);
        return m;
    }
}
