package dev.behalf.policy.config;

import dev.behalf.policy.directory.Attributes;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientFilter;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Secret;
import dev.behalf.policy.directory.SmtpAddress;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one recipient mapping into a builder, reporting every bad field. Written without lambdas, as the
 * rest of the loader: each is an invokedynamic linked, and a class spun, the first time it runs, and a
 * start runs each once; linking them was half of loading the demo directory (docs/benchmarks.md).
 */
final class RecipientReader {
    private RecipientReader() {
    }

    static void read(YamlReader yaml, Node node, String path, ConfigModel model) {
        Optional<Map<String, Node>> mapping = yaml.mapping(node, path, ModelReader.RECIPIENT);
        if (mapping.isEmpty()) {
            return;
        }
        Map<String, Node> m = mapping.get();
        Optional<String> name = str(yaml, m, path, "name");
        Optional<String> typeText = str(yaml, m, path, "type");
        if (!m.containsKey("name")) {
            yaml.problem(node, path + ".name", "missing: every recipient needs a name");
        }
        if (!m.containsKey("type")) {
            yaml.problem(node, path + ".type", "missing: one of " + List.of(RecipientTypeDetails.values()));
        }
        Optional<RecipientTypeDetails> type = typeText.isPresent() ? RecipientTypeDetails.byName(typeText.get()) : Optional.empty();
        if (typeText.isPresent() && type.isEmpty()) {
            yaml.problem(m.get("type"), path + ".type", "'" + typeText.get() + "' is not a RecipientTypeDetails; one of "
                    + List.of(RecipientTypeDetails.values()));
        }
        if (name.isEmpty() || type.isEmpty()) {
            return;
        }
        int before = countProblems(yaml);
        Recipient.Builder b = Recipient.builder(type.get(), name.get());
        for (String key : TEXT_FIELDS) {
            Optional<String> text = str(yaml, m, path, key);
            if (text.isPresent()) {
                setText(b, key, text.get());
            }
        }
        Optional<String> guid = str(yaml, m, path, "guid");
        if (guid.isPresent()) {
            String g = guid.get();
            try {
                b.id(RecipientId.parse(g.replace("{", "").replace("}", "")));
            } catch (IllegalArgumentException e) {
                yaml.problem(m.get("guid"), path + ".guid", "'" + g + "' is not a Guid");
            }
        }
        Optional<SmtpAddress> address = address(yaml, m, path, "primarySmtpAddress");
        if (address.isPresent()) {
            b.primarySmtpAddress(address.get());
        }
        address = address(yaml, m, path, "externalEmailAddress");
        if (address.isPresent()) {
            b.externalEmailAddress(address.get());
        }
        if (m.containsKey("emailAddresses")) {
            List<SmtpAddress> proxies = new ArrayList<>();
            for (YamlReader.Located l : yaml.strings(m.get("emailAddresses"), path + ".emailAddresses")) {
                String v = l.value().regionMatches(true, 0, "smtp:", 0, 5) ? l.value().substring(5) : l.value();
                Optional<SmtpAddress> proxy = SmtpAddress.tryParse(v);
                if (proxy.isPresent()) {
                    proxies.add(proxy.get());
                } else {
                    yaml.problem(l.line(), l.field(), "'" + l.value() + "' is not an SMTP address");
                }
            }
            b.emailAddresses(proxies);
        }
        for (String key : FLAGS) {
            Optional<Boolean> flag = flag(yaml, m, path, key);
            if (flag.isPresent()) {
                setFlag(b, key, flag.get());
            }
        }
        if (m.containsKey("attributes")) {
            b.attributes(attributes(yaml, m.get("attributes"), path + ".attributes"));
        }
        Optional<RecipientFilter> filter = readFilter(yaml, node, m, path, type.get());
        if (filter.isPresent()) {
            b.filter(filter.get());
        }
        List<YamlReader.Located> members = m.containsKey("members")
                ? yaml.strings(m.get("members"), path + ".members") : List.of();
        List<YamlReader.Located> owners = List.of();
        if (m.containsKey("owners")) {
            if (type.get().hasOwners()) {
                owners = yaml.strings(m.get("owners"), path + ".owners");
            } else {
                yaml.problem(m.get("owners"), path + ".owners", "only a GroupMailbox (Microsoft 365 Group) has owners");
            }
        }
        List<YamlReader.Located> onBehalf = m.containsKey("grantSendOnBehalfTo")
                ? yaml.strings(m.get("grantSendOnBehalfTo"), path + ".grantSendOnBehalfTo") : List.of();
        if (countProblems(yaml) == before) {
            model.recipients.add(new ConfigModel.RecipientSpec(yaml.file(), YamlReader.line(node), path, b, members, owners, onBehalf,
                    m.containsKey("password")));
        }
    }

    /** The text fields a recipient may set, in the order their problems are reported. */
    private static final List<String> TEXT_FIELDS = List.of("alias", "displayName", "distinguishedName", "userPrincipalName",
            "samAccountName", "linkedMasterAccount", "password");
    private static final List<String> FLAGS = List.of("hiddenFromAddressListsEnabled", "messageCopyForSentAsEnabled",
            "messageCopyForSendOnBehalfEnabled");

    private static void setText(Recipient.Builder b, String key, String value) {
        switch (key) {
            case "alias" -> b.alias(value);
            case "displayName" -> b.displayName(value);
            case "distinguishedName" -> b.distinguishedName(value);
            case "userPrincipalName" -> b.userPrincipalName(value);
            case "samAccountName" -> b.samAccountName(value);
            case "linkedMasterAccount" -> b.linkedMasterAccount(value);
            case "password" -> b.password(Secret.of(value));
            default -> throw new IllegalArgumentException("not a text field: " + key);
        }
    }

    private static void setFlag(Recipient.Builder b, String key, boolean value) {
        switch (key) {
            case "hiddenFromAddressListsEnabled" -> b.hiddenFromAddressLists(value);
            case "messageCopyForSentAsEnabled" -> b.messageCopyForSentAs(value);
            case "messageCopyForSendOnBehalfEnabled" -> b.messageCopyForSendOnBehalf(value);
            default -> throw new IllegalArgumentException("not a flag: " + key);
        }
    }

    private static int countProblems(YamlReader yaml) {
        return yaml.problemCount();
    }

    private static Optional<String> str(YamlReader yaml, Map<String, Node> m, String path, String key) {
        return m.containsKey(key) ? yaml.string(m.get(key), path + "." + key) : Optional.empty();
    }

    private static Optional<Boolean> flag(YamlReader yaml, Map<String, Node> m, String path, String key) {
        return m.containsKey(key) ? yaml.bool(m.get(key), path + "." + key) : Optional.empty();
    }

    private static Optional<SmtpAddress> address(YamlReader yaml, Map<String, Node> m, String path, String key) {
        Optional<String> text = str(yaml, m, path, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<SmtpAddress> a = SmtpAddress.tryParse(text.get());
        if (a.isEmpty()) {
            yaml.problem(m.get(key), path + "." + key, "'" + text.get() + "' is not an SMTP address (local@domain)");
        }
        return a;
    }

    private static Attributes attributes(YamlReader yaml, Node node, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<Map<String, Node>> mapping = yaml.mapping(node, path, new LinkedHashSet<>(Attributes.NAMES));
        if (mapping.isPresent()) {
            for (Map.Entry<String, Node> e : mapping.get().entrySet()) {
                Optional<String> value = yaml.string(e.getValue(), path + "." + e.getKey());
                if (value.isPresent()) {
                    values.put(e.getKey(), value.get());
                }
            }
        }
        return new Attributes(values);
    }

    private static Optional<RecipientFilter> readFilter(YamlReader yaml, Node node, Map<String, Node> m, String path,
                                                       RecipientTypeDetails type) {
        boolean dynamic = type == RecipientTypeDetails.DynamicDistributionGroup;
        if (!dynamic) {
            for (String key : List.of("includedRecipients", "conditions")) {
                if (m.containsKey(key)) {
                    yaml.problem(m.get(key), path + "." + key, "only a DynamicDistributionGroup has " + key);
                }
            }
            return Optional.empty();
        }
        Set<RecipientFilter.Included> included = EnumSet.noneOf(RecipientFilter.Included.class);
        if (m.containsKey("includedRecipients")) {
            for (YamlReader.Located l : yaml.strings(m.get("includedRecipients"), path + ".includedRecipients")) {
                Optional<RecipientFilter.Included> kind = RecipientFilter.Included.byName(l.value());
                if (kind.isPresent()) {
                    included.add(kind.get());
                } else {
                    yaml.problem(l.line(), l.field(), "'" + l.value() + "' is not one of " + List.of(RecipientFilter.Included.values()));
                }
            }
        } else {
            yaml.problem(node, path + ".includedRecipients", "missing: a dynamic distribution group needs includedRecipients");
            return Optional.empty();
        }
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        if (m.containsKey("conditions")) {
            String cpath = path + ".conditions";
            Optional<Map<String, Node>> mapping = yaml.mapping(m.get("conditions"), cpath, new LinkedHashSet<>(Attributes.NAMES));
            if (mapping.isPresent()) {
                for (Map.Entry<String, Node> e : mapping.get().entrySet()) {
                    conditions.put(e.getKey(), YamlReader.values(yaml.strings(e.getValue(), cpath + "." + e.getKey())));
                }
            }
        }
        if (included.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipientFilter(included, conditions));
    }
}
