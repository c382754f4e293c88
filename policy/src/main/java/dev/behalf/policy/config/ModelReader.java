package dev.behalf.policy.config;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Secret;
import org.yaml.snakeyaml.nodes.Node;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the YAML node tree of one config file into the {@link ConfigModel}, reporting every bad field (no lambdas: {@link RecipientReader} says why). */
final class ModelReader {
    static final Set<String> TOP = orderedSet("organization", "defaults", "recipients", "grants", "apps");
    static final Set<String> APP = orderedSet("displayName", "appId", "objectId", "clientSecret", "permissions", "fullAccess", "sendAs");
    static final Set<String> ORGANIZATION = orderedSet("name", "domain", "acceptedDomains");
    static final Set<String> DEFAULTS = orderedSet("password");
    static final Set<String> RECIPIENT = orderedSet("name", "type", "alias", "displayName", "guid",
            "primarySmtpAddress", "emailAddresses", "externalEmailAddress", "userPrincipalName", "samAccountName",
            "password", "linkedMasterAccount", "distinguishedName", "hiddenFromAddressListsEnabled",
            "messageCopyForSentAsEnabled", "messageCopyForSendOnBehalfEnabled", "grantSendOnBehalfTo", "members", "owners",
            "includedRecipients", "conditions", "attributes");
    static final Set<String> GRANTS = orderedSet("fullAccess", "sendAs");
    static final Set<String> GRANT = orderedSet("identity", "user", "trustee", "deny", "inheritanceType", "autoMapping");

    private ModelReader() {
    }

    static Set<String> orderedSet(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    static void readFile(YamlReader yaml, Node root, ConfigModel model) {
        Optional<Map<String, Node>> mapping = yaml.mapping(root, "", TOP);
        if (mapping.isEmpty()) {
            return;
        }
        Map<String, Node> top = mapping.get();
        Node org = top.get("organization");
        if (org != null) {
            if (model.organization != null) {
                yaml.problem(org, "organization", "the organization is already defined in another file");
            } else {
                readOrganization(yaml, org, model);
            }
        }
        Node defaults = top.get("defaults");
        if (defaults != null) {
            Optional<Map<String, Node>> d = yaml.mapping(defaults, "defaults", DEFAULTS);
            if (d.isPresent() && d.get().get("password") != null) {
                Optional<String> password = yaml.string(d.get().get("password"), "defaults.password");
                if (password.isPresent()) {
                    model.defaultPassword = Secret.of(password.get());
                }
            }
        }
        Node recipients = top.get("recipients");
        if (recipients != null) {
            if (model.organization == null) {
                yaml.problem(recipients, "recipients", "the organization must come before recipients");
                return;
            }
            List<Node> items = yaml.list(recipients, "recipients");
            for (int i = 0; i < items.size(); i++) {
                RecipientReader.read(yaml, items.get(i), "recipients[" + i + "]", model);
            }
        }
        Node grants = top.get("grants");
        if (grants != null) {
            Optional<Map<String, Node>> g = yaml.mapping(grants, "grants", GRANTS);
            if (g.isPresent()) {
                readGrants(yaml, g.get().get("fullAccess"), Right.FullAccess, "grants.fullAccess", model);
                readGrants(yaml, g.get().get("sendAs"), Right.SendAs, "grants.sendAs", model);
            }
        }
        Node apps = top.get("apps");
        if (apps != null) {
            List<Node> items = yaml.list(apps, "apps");
            for (int i = 0; i < items.size(); i++) {
                readApp(yaml, items.get(i), "apps[" + i + "]", model);
            }
        }
    }

    private static void readOrganization(YamlReader yaml, Node node, ConfigModel model) {
        Optional<Map<String, Node>> mapping = yaml.mapping(node, "organization", ORGANIZATION);
        if (mapping.isEmpty()) {
            return;
        }
        Map<String, Node> o = mapping.get();
        Optional<String> name = o.containsKey("name") ? yaml.string(o.get("name"), "organization.name") : Optional.empty();
        Optional<String> domain = o.containsKey("domain") ? yaml.string(o.get("domain"), "organization.domain") : Optional.empty();
        if (name.isEmpty() && !o.containsKey("name")) {
            yaml.problem(node, "organization.name", "missing (e.g. Contoso)");
        }
        if (domain.isEmpty() && !o.containsKey("domain")) {
            yaml.problem(node, "organization.domain", "missing (e.g. contoso.com)");
        }
        List<String> accepted = o.containsKey("acceptedDomains")
                ? YamlReader.values(yaml.strings(o.get("acceptedDomains"), "organization.acceptedDomains"))
                : List.of();
        if (name.isPresent() && domain.isPresent()) {
            try {
                model.organization = new Organization(name.get(), domain.get(), accepted);
            } catch (IllegalArgumentException e) {
                yaml.problem(node, "organization", e.getMessage());
            }
        }
    }

    private static void readGrants(YamlReader yaml, Node node, Right right, String path, ConfigModel model) {
        if (node == null) {
            return;
        }
        List<Node> items = yaml.list(node, path);
        for (int i = 0; i < items.size(); i++) {
            String p = path + "[" + i + "]";
            Node item = items.get(i);
            Optional<Map<String, Node>> mapping = yaml.mapping(item, p, GRANT);
            if (mapping.isPresent()) {
                Map<String, Node> g = mapping.get();
                Optional<YamlReader.Located> identity = located(yaml, g.get("identity"), p + ".identity");
                Node trusteeNode = g.containsKey("user") ? g.get("user") : g.get("trustee");
                String trusteeField = p + (g.containsKey("user") ? ".user" : ".trustee");
                Optional<YamlReader.Located> trustee = located(yaml, trusteeNode, trusteeField);
                if (g.get("identity") == null) {
                    yaml.problem(item, p + ".identity", "missing: the mailbox or group the right is on");
                }
                if (trusteeNode == null) {
                    yaml.problem(item, p + ".user", "missing: the delegate (user or trustee)");
                }
                boolean deny = g.containsKey("deny") && yaml.bool(g.get("deny"), p + ".deny").orElse(false);
                boolean autoMapping = !g.containsKey("autoMapping") || yaml.bool(g.get("autoMapping"), p + ".autoMapping").orElse(true);
                InheritanceType inheritance = InheritanceType.All;
                if (g.containsKey("inheritanceType")) {
                    Optional<String> v = yaml.string(g.get("inheritanceType"), p + ".inheritanceType");
                    Optional<InheritanceType> t = v.isPresent() ? InheritanceType.byName(v.get()) : Optional.empty();
                    if (v.isPresent() && t.isEmpty()) {
                        yaml.problem(g.get("inheritanceType"), p + ".inheritanceType", "'" + v.get()
                                + "' is not one of " + List.of(InheritanceType.values()));
                    }
                    inheritance = t.orElse(InheritanceType.All);
                }
                if (right == Right.SendAs && (g.containsKey("autoMapping") || g.containsKey("inheritanceType"))) {
                    yaml.problem(item, p, "autoMapping and inheritanceType belong to fullAccess grants");
                }
                if (identity.isPresent() && trustee.isPresent()) {
                    model.grants.add(new ConfigModel.GrantSpec(right, yaml.file(), YamlReader.line(item), p, identity.get(), trustee.get(),
                            deny ? AccessControl.Deny : AccessControl.Allow, inheritance, autoMapping));
                }
            }
        }
    }

    /** An app registration: the fields of Entra's app and Exchange's service principal, and the mailboxes it may use. */
    private static void readApp(YamlReader yaml, Node item, String p, ConfigModel model) {
        Optional<Map<String, Node>> mapping = yaml.mapping(item, p, APP);
        if (mapping.isEmpty()) {
            return;
        }
        Map<String, Node> a = mapping.get();
        Optional<String> name = a.containsKey("displayName") ? yaml.string(a.get("displayName"), p + ".displayName") : Optional.empty();
        Optional<String> appId = a.containsKey("appId") ? yaml.string(a.get("appId"), p + ".appId") : Optional.empty();
        Optional<String> objectId = a.containsKey("objectId") ? yaml.string(a.get("objectId"), p + ".objectId") : Optional.empty();
        for (String f : List.of("displayName", "appId", "objectId")) {
            if (!a.containsKey(f)) {
                yaml.problem(item, p + "." + f, "missing" + (f.equals("displayName") ? " (e.g. Contoso Mailer)" : " (a GUID)"));
            }
        }
        Optional<String> secretText = a.containsKey("clientSecret")
                ? yaml.string(a.get("clientSecret"), p + ".clientSecret") : Optional.empty();
        Optional<Secret> secret = secretText.isPresent() ? Optional.of(Secret.of(secretText.get())) : Optional.empty();
        Optional<Set<String>> permissions = a.containsKey("permissions")
                ? Optional.of(new LinkedHashSet<>(YamlReader.values(yaml.strings(a.get("permissions"), p + ".permissions"))))
                : Optional.empty();
        List<YamlReader.Located> fullAccess = a.containsKey("fullAccess") ? yaml.strings(a.get("fullAccess"), p + ".fullAccess") : List.of();
        List<YamlReader.Located> sendAs = a.containsKey("sendAs") ? yaml.strings(a.get("sendAs"), p + ".sendAs") : List.of();
        if (name.isPresent() && appId.isPresent() && objectId.isPresent()) {
            model.apps.add(new ConfigModel.AppSpec(yaml.file(), YamlReader.line(item), p, name.get(), appId.get(), objectId.get(), secret,
                    permissions, fullAccess, sendAs));
        }
    }

    private static Optional<YamlReader.Located> located(YamlReader yaml, Node node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        Optional<String> v = yaml.string(node, field);
        return v.isPresent() ? Optional.of(new YamlReader.Located(v.get(), YamlReader.line(node), field)) : Optional.empty();
    }
}
