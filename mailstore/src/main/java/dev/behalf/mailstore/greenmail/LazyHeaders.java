package dev.behalf.mailstore.greenmail;

import dev.behalf.message.HeaderField;
import dev.behalf.message.HeaderSection;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import java.io.InputStream;
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

    /** The header section of {@code message}, read on first use. */
    LazyHeaders(byte[] message) {
        this.source = message;
    }

    /**
     * The fields as {@link InternetHeaders#load(InputStream, boolean)} would give them, read by the one
     * header parser ({@link HeaderSection#read}, which reads as Jakarta Mail does) without its per-call lookup
     * of Jakarta Mail's {@code StreamProvider} (a ServiceLoader scan unless a system property names one).
     */
    private void load() {
        byte[] b = source;
        if (b == null) {
            return;
        }
        source = null;
        HeaderSection section = HeaderSection.read(b);
        headers = new ArrayList<>(section.fields().size() + 4);
        for (HeaderField f : section.fields()) {
            super.addHeaderLine(section.line(f));
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
