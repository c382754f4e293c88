package dev.behalf.mailstore.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Secret;
import java.util.Optional;
import dev.behalf.policy.directory.RecipientId;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@link ChangeSet} as one line of JSON: {@code {"v":1,"origin":...,"changes":[{"put":{...}} |
 * {"remove":"<guid>"}], "inForceAt": "<instant>"}} ({@code inForceAt} only for grant changes held back
 * by a propagation delay; records without it read as in force at once). Jackson's escaping keeps every record on a single line, which is what the
 * journal's framing relies on.
 */
final class ChangeSetCodec {
    private static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();

    String encode(ChangeSet changes) {
        ObjectNode o = mapper.createObjectNode();
        o.put("v", VERSION);
        o.put("origin", changes.origin());
        changes.inForceAt().ifPresent(at -> o.put("inForceAt", at.toString()));
        ArrayNode list = o.putArray("changes");
        for (DirectoryChange c : changes.changes()) {
            if (c instanceof DirectoryChange.Put put) {
                list.addObject().set("put", RecipientCodec.encode(put.recipient()));
            } else if (c instanceof DirectoryChange.Remove remove) {
                list.addObject().put("remove", remove.id().toString());
            } else if (c instanceof DirectoryChange.PutApp put) {
                list.addObject().set("putApp", app(put.app()));
            } else if (c instanceof DirectoryChange.RemoveApp remove) {
                list.addObject().put("removeApp", remove.appId());
            } else if (c instanceof DirectoryChange.SetSmtpClientAuth set) {
                ObjectNode auth = list.addObject().putObject("smtpClientAuth");
                set.mailbox().ifPresent(m -> auth.put("mailbox", m.toString()));
                set.disabled().ifPresent(v -> auth.put("disabled", v));
            }
        }
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("can't write a change set as JSON", e);
        }
    }

    /** Reads a record; throws {@link IllegalArgumentException} when it is not one this version wrote. */
    ChangeSet decode(String json) {
        JsonNode o;
        try {
            o = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (o == null || o.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("record version " + (o == null ? "?" : o.path("v")) + ", expected " + VERSION);
        }
        List<DirectoryChange> changes = new ArrayList<>();
        for (JsonNode c : o.path("changes")) {
            if (c.has("put")) {
                changes.add(new DirectoryChange.Put(RecipientCodec.decode(c.get("put"))));
            } else if (c.has("remove")) {
                changes.add(new DirectoryChange.Remove(RecipientId.parse(c.get("remove").asText())));
            } else if (c.has("putApp")) {
                changes.add(new DirectoryChange.PutApp(app(c.get("putApp"))));
            } else if (c.has("smtpClientAuth")) {
                JsonNode auth = c.get("smtpClientAuth");
                changes.add(new DirectoryChange.SetSmtpClientAuth(
                        auth.has("mailbox") ? Optional.of(RecipientId.parse(auth.get("mailbox").asText())) : Optional.empty(),
                        auth.has("disabled") ? Optional.of(auth.get("disabled").asBoolean()) : Optional.empty()));
            } else if (c.has("removeApp")) {
                changes.add(new DirectoryChange.RemoveApp(c.get("removeApp").asText()));
            } else {
                throw new IllegalArgumentException("change is neither put nor remove: " + c);
            }
        }
        Optional<Instant> inForceAt;
        try {
            inForceAt = o.hasNonNull("inForceAt") ? Optional.of(Instant.parse(o.get("inForceAt").asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("inForceAt is not an instant: " + o.get("inForceAt"), e);
        }
        return new ChangeSet(changes, RecipientCodec.text(o, "origin"), inForceAt);
    }

    /** An app registration as the journal keeps it (the secret in clear, as recipients' passwords are). */
    private ObjectNode app(AppRegistration a) {
        ObjectNode o = mapper.createObjectNode();
        o.put("appId", a.appId());
        o.put("objectId", a.objectId());
        o.put("displayName", a.displayName());
        a.clientSecret().ifPresent(s -> o.put("clientSecret", s.reveal()));
        ArrayNode p = o.putArray("permissions");
        a.permissions().stream().sorted().forEach(p::add);
        ArrayNode fa = o.putArray("fullAccess");
        a.fullAccess().forEach(id -> fa.add(id.toString()));
        ArrayNode sa = o.putArray("sendAs");
        a.sendAs().forEach(id -> sa.add(id.toString()));
        return o;
    }

    private static AppRegistration app(JsonNode o) {
        List<String> permissions = new ArrayList<>();
        o.path("permissions").forEach(n -> permissions.add(n.asText()));
        List<RecipientId> fa = new ArrayList<>();
        o.path("fullAccess").forEach(n -> fa.add(RecipientId.parse(n.asText())));
        List<RecipientId> sa = new ArrayList<>();
        o.path("sendAs").forEach(n -> sa.add(RecipientId.parse(n.asText())));
        return new AppRegistration(o.path("appId").asText(), o.path("objectId").asText(), o.path("displayName").asText(),
                o.has("clientSecret") ? Optional.of(Secret.of(o.get("clientSecret").asText())) : Optional.empty(),
                java.util.Set.copyOf(permissions), fa, sa);
    }
}
