package dev.behalf.mailstore.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Account;
import dev.behalf.policy.directory.Attributes;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientFilter;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Secret;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link Recipient} records as JSON objects, every field written out (absent optionals as
 * {@code null}), read back through the canonical constructor so the record's own checks apply. Field
 * names follow the record components. The password is stored in clear text, as {@code config/} holds
 * it: the journal is as sensitive as the config directory (it is created owner-only).
 */
final class RecipientCodec {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecipientCodec() {
    }

    static ObjectNode encode(Recipient r) {
        ObjectNode o = JSON.objectNode();
        o.put("id", r.id().toString());
        o.put("type", r.type().name());
        o.put("name", r.name());
        o.put("displayName", r.displayName());
        o.put("alias", r.alias());
        o.put("distinguishedName", r.distinguishedName());
        o.put("legacyExchangeDn", r.legacyExchangeDn());
        o.put("primarySmtpAddress", r.primarySmtpAddress().map(SmtpAddress::toString).orElse(null));
        o.set("emailAddresses", strings(r.emailAddresses(), SmtpAddress::toString));
        o.put("externalEmailAddress", r.externalEmailAddress().map(SmtpAddress::toString).orElse(null));
        o.set("account", r.account().map(RecipientCodec::account).orElse(null));
        o.put("hiddenFromAddressLists", r.hiddenFromAddressLists());
        o.put("messageCopyForSentAs", r.messageCopyForSentAs());
        o.put("messageCopyForSendOnBehalf", r.messageCopyForSendOnBehalf());
        o.set("grantSendOnBehalfTo", strings(r.grantSendOnBehalfTo(), RecipientId::toString));
        ArrayNode fullAccess = o.putArray("fullAccess");
        for (FullAccessEntry e : r.fullAccess()) {
            ObjectNode a = fullAccess.addObject();
            a.put("trustee", e.trustee().toString());
            a.put("control", e.control().name());
            a.put("inheritance", e.inheritance().name());
            a.put("autoMapping", e.autoMapping());
        }
        ArrayNode sendAs = o.putArray("sendAs");
        for (SendAsEntry e : r.sendAs()) {
            sendAs.addObject().put("trustee", e.trustee().toString()).put("control", e.control().name());
        }
        o.set("members", strings(r.members(), RecipientId::toString));
        o.set("owners", strings(r.owners(), RecipientId::toString));
        o.set("filter", r.filter().map(RecipientCodec::filter).orElse(null));
        ObjectNode attributes = o.putObject("attributes");
        r.attributes().values().forEach(attributes::put);
        return o;
    }

    private static ObjectNode account(Account a) {
        ObjectNode o = JSON.objectNode();
        o.put("userPrincipalName", a.userPrincipalName());
        o.put("samAccountName", a.samAccountName());
        o.put("password", a.password().map(Secret::reveal).orElse(null));
        o.put("linkedMasterAccount", a.linkedMasterAccount().orElse(null));
        return o;
    }

    private static ObjectNode filter(RecipientFilter f) {
        ObjectNode o = JSON.objectNode();
        o.set("included", strings(f.included().stream().sorted().toList(), Enum::name));
        ObjectNode conditions = o.putObject("conditions");
        f.conditions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(c -> conditions.set(c.getKey(), strings(c.getValue(), s -> s)));
        return o;
    }

    private static <T> ArrayNode strings(List<T> values, Function<T, String> text) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(v -> a.add(text.apply(v)));
        return a;
    }

    /** Reads a recipient back; throws {@link IllegalArgumentException} naming the field when malformed. */
    static Recipient decode(JsonNode o) {
        return new Recipient(
                RecipientId.parse(text(o, "id")),
                RecipientTypeDetails.byName(text(o, "type"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown type '" + o.path("type").asText() + "'")),
                text(o, "name"),
                text(o, "displayName"),
                text(o, "alias"),
                text(o, "distinguishedName"),
                text(o, "legacyExchangeDn"),
                optionalText(o, "primarySmtpAddress").map(SmtpAddress::parse),
                list(o, "emailAddresses", n -> SmtpAddress.parse(n.asText())),
                optionalText(o, "externalEmailAddress").map(SmtpAddress::parse),
                present(o, "account").map(RecipientCodec::decodeAccount),
                o.path("hiddenFromAddressLists").asBoolean(),
                o.path("messageCopyForSentAs").asBoolean(),
                o.path("messageCopyForSendOnBehalf").asBoolean(),
                list(o, "grantSendOnBehalfTo", n -> RecipientId.parse(n.asText())),
                list(o, "fullAccess", n -> new FullAccessEntry(RecipientId.parse(text(n, "trustee")),
                        AccessControl.valueOf(text(n, "control")), InheritanceType.valueOf(text(n, "inheritance")),
                        n.path("autoMapping").asBoolean())),
                list(o, "sendAs", n -> new SendAsEntry(RecipientId.parse(text(n, "trustee")),
                        AccessControl.valueOf(text(n, "control")))),
                list(o, "members", n -> RecipientId.parse(n.asText())),
                // Journals written before Microsoft 365 Groups have no owners field: path() reads it as empty.
                list(o, "owners", n -> RecipientId.parse(n.asText())),
                present(o, "filter").map(RecipientCodec::decodeFilter),
                new Attributes(stringMap(o.path("attributes"))));
    }

    private static Account decodeAccount(JsonNode a) {
        return new Account(text(a, "userPrincipalName"), text(a, "samAccountName"),
                optionalText(a, "password").map(Secret::of), optionalText(a, "linkedMasterAccount"));
    }

    private static RecipientFilter decodeFilter(JsonNode f) {
        Set<RecipientFilter.Included> included = EnumSet.noneOf(RecipientFilter.Included.class);
        list(f, "included", n -> RecipientFilter.Included.valueOf(n.asText())).forEach(included::add);
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        f.path("conditions").fields().forEachRemaining(e -> conditions.put(e.getKey(), list(e.getValue(), JsonNode::asText)));
        return new RecipientFilter(included, conditions);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not text");
        }
        return n.asText();
    }

    private static Optional<String> optionalText(JsonNode o, String field) {
        return present(o, field).map(JsonNode::asText);
    }

    private static Optional<JsonNode> present(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    private static <T> List<T> list(JsonNode o, String field, Function<JsonNode, T> item) {
        return list(o.path(field), item);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(item.apply(n)));
        return out;
    }
}
