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

/** Parses one recipient mapping into a builder, reporting every bad field. */
final class RecipientReader {
    private RecipientReader() {
    }

    static void read(YamlReader yaml, Node node, String path, ConfigModel model) {
        yaml.mapping(node, path, ModelReader.RECIPIENT).ifPresent(m -> {
            Optional<String> name = m.containsKey("name") ? yaml.string(m.get("name"), path + ".name") : Optional.empty();
            Optional<String> typeText = m.containsKey("type") ? yaml.string(m.get("type"), path + ".type") : Optional.empty();
            if (!m.containsKey("name")) {
                yaml.problem(node, path + ".name", "missing: every recipient needs a name");
            }
            if (!m.containsKey("type")) {
                yaml.problem(node, path + ".type", "missing: one of " + List.of(RecipientTypeDetails.values()));
            }
            Optional<RecipientTypeDetails> type = typeText.flatMap(RecipientTypeDetails::byName);
            if (typeText.isPresent() && type.isEmpty()) {
                yaml.problem(m.get("type"), path + ".type", "'" + typeText.get() + "' is not a RecipientTypeDetails; one of "
                        + List.of(RecipientTypeDetails.values()));
            }
            if (name.isEmpty() || type.isEmpty()) {
                return;
            }
            int before = countProblems(yaml);
            Recipient.Builder b = Recipient.builder(type.get(), name.get());
            str(yaml, m, path, "alias").ifPresent(b::alias);
            str(yaml, m, path, "displayName").ifPresent(b::displayName);
            str(yaml, m, path, "distinguishedName").ifPresent(b::distinguishedName);
            str(yaml, m, path, "userPrincipalName").ifPresent(b::userPrincipalName);
            str(yaml, m, path, "samAccountName").ifPresent(b::samAccountName);
            str(yaml, m, path, "linkedMasterAccount").ifPresent(b::linkedMasterAccount);
            str(yaml, m, path, "password").ifPresent(p -> b.password(Secret.of(p)));
            str(yaml, m, path, "guid").ifPresent(g -> {
                try {
                    b.id(RecipientId.parse(g.replace("{", "").replace("}", "")));
                } catch (IllegalArgumentException e) {
                    yaml.problem(m.get("guid"), path + ".guid", "'" + g + "' is not a Guid");
                }
            });
            address(yaml, m, path, "primarySmtpAddress").ifPresent(b::primarySmtpAddress);
            address(yaml, m, path, "externalEmailAddress").ifPresent(b::externalEmailAddress);
            if (m.containsKey("emailAddresses")) {
                List<SmtpAddress> proxies = new ArrayList<>();
                for (YamlReader.Located l : yaml.strings(m.get("emailAddresses"), path + ".emailAddresses")) {
                    String v = l.value().regionMatches(true, 0, "smtp:", 0, 5) ? l.value().substring(5) : l.value();
                    SmtpAddress.tryParse(v).ifPresentOrElse(proxies::add,
                            () -> yaml.problem(l.line(), l.field(), "'" + l.value() + "' is not an SMTP address"));
                }
                b.emailAddresses(proxies);
            }
            flag(yaml, m, path, "hiddenFromAddressListsEnabled").ifPresent(b::hiddenFromAddressLists);
            flag(yaml, m, path, "messageCopyForSentAsEnabled").ifPresent(b::messageCopyForSentAs);
            flag(yaml, m, path, "messageCopyForSendOnBehalfEnabled").ifPresent(b::messageCopyForSendOnBehalf);
            if (m.containsKey("attributes")) {
                b.attributes(attributes(yaml, m.get("attributes"), path + ".attributes"));
            }
            readFilter(yaml, node, m, path, type.get()).ifPresent(b::filter);
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
        });
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
        yaml.mapping(node, path, new LinkedHashSet<>(Attributes.NAMES)).ifPresent(a ->
                a.forEach((k, v) -> yaml.string(v, path + "." + k).ifPresent(s -> values.put(k, s))));
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
                RecipientFilter.Included.byName(l.value()).ifPresentOrElse(included::add,
                        () -> yaml.problem(l.line(), l.field(), "'" + l.value() + "' is not one of "
                                + List.of(RecipientFilter.Included.values())));
            }
        } else {
            yaml.problem(node, path + ".includedRecipients", "missing: a dynamic distribution group needs includedRecipients");
            return Optional.empty();
        }
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        if (m.containsKey("conditions")) {
            String cpath = path + ".conditions";
            yaml.mapping(m.get("conditions"), cpath, new LinkedHashSet<>(Attributes.NAMES)).ifPresent(c ->
                    c.forEach((k, v) -> conditions.put(k, yaml.strings(v, cpath + "." + k).stream()
                            .map(YamlReader.Located::value).toList())));
        }
        if (included.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipientFilter(included, conditions));
    }
}
