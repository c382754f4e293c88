package dev.behalf.mailstore.greenmail;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;

/**
 * A stored message's header block, parsed on first use: a {@link SlotMime} made for a SEARCH on flags
 * or dates never parses it, one made for a header FETCH parses the header block only, never the body.
 * Every public method of {@link InternetHeaders} loads first. One thread uses an instance at a time
 * (the command that made its message).
 */
final class LazyHeaders extends InternetHeaders {
    private byte[] source;
    private final int length;

    /** {@code length}: the header block, up to and including the empty line that ends it. */
    LazyHeaders(byte[] message, int length) {
        this.source = message;
        this.length = length;
    }

    /**
     * Splits the header block into fields as {@link InternetHeaders#load(InputStream, boolean)} does (a
     * field's continuation lines joined to it with CRLF, UTF-8 allowed), without its per-call lookup of
     * Jakarta Mail's {@code StreamProvider} (a ServiceLoader scan unless a system property names one).
     */
    private void load() {
        byte[] b = source;
        if (b == null) {
            return;
        }
        source = null;
        headers = new ArrayList<>(24);
        StringBuilder field = null;
        int i = 0;
        while (i < length) {
            int end = i;
            while (end < length && b[end] != '\n') {
                end++;
            }
            int stop = end > i && b[end - 1] == '\r' ? end - 1 : end;
            String line = new String(b, i, stop - i, StandardCharsets.UTF_8);
            i = end + 1;
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (field == null) {
                    String trimmed = line.trim();
                    if (!trimmed.isEmpty()) {
                        field = new StringBuilder(trimmed);
                    }
                } else {
                    field.append("\r\n").append(line);
                }
                continue;
            }
            if (field != null) {
                super.addHeaderLine(field.toString());
            }
            field = new StringBuilder(line);
        }
        if (field != null) {
            super.addHeaderLine(field.toString());
        }
    }

    @Override
    public void load(InputStream is) throws MessagingException {
        load();
        super.load(is);
    }

    @Override
    public void load(InputStream is, boolean allowutf8) throws MessagingException {
        load();
        super.load(is, allowutf8);
    }

    @Override
    public String[] getHeader(String name) {
        load();
        return super.getHeader(name);
    }

    @Override
    public String getHeader(String name, String delimiter) {
        load();
        return super.getHeader(name, delimiter);
    }

    @Override
    public void setHeader(String name, String value) {
        load();
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        load();
        super.addHeader(name, value);
    }

    @Override
    public void removeHeader(String name) {
        load();
        super.removeHeader(name);
    }

    @Override
    public Enumeration<Header> getAllHeaders() {
        load();
        return super.getAllHeaders();
    }

    @Override
    public Enumeration<Header> getMatchingHeaders(String[] names) {
        load();
        return super.getMatchingHeaders(names);
    }

    @Override
    public Enumeration<Header> getNonMatchingHeaders(String[] names) {
        load();
        return super.getNonMatchingHeaders(names);
    }

    @Override
    public void addHeaderLine(String line) {
        load();
        super.addHeaderLine(line);
    }

    @Override
    public Enumeration<String> getAllHeaderLines() {
        load();
        return super.getAllHeaderLines();
    }

    @Override
    public Enumeration<String> getMatchingHeaderLines(String[] names) {
        load();
        return super.getMatchingHeaderLines(names);
    }

    @Override
    public Enumeration<String> getNonMatchingHeaderLines(String[] names) {
        load();
        return super.getNonMatchingHeaderLines(names);
    }
}
