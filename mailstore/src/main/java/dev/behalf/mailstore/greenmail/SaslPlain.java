package dev.behalf.mailstore.greenmail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A SASL PLAIN response (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, UTF-8, base64 on the
 * wire. {@link #toString()} never shows the password.
 */
record SaslPlain(String authzid, String authcid, String password) {

    /** Decodes a client response; empty when it is not valid base64 or not the PLAIN shape. */
    static Optional<SaslPlain> decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        String[] parts = text.split("\u0000", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SaslPlain(parts[0], parts[1], parts[2]));
    }

    @Override
    public String toString() {
        return "SaslPlain[authzid=" + authzid + ", authcid=" + authcid + ", password=******]";
    }
}
