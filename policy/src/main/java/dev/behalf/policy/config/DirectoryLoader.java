package dev.behalf.policy.config;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Attributes;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryProblem;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.PermissionTable;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientFilter;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Secret;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.directory.Surface;
import dev.behalf.policy.identity.Resolution;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the YAML directory in {@code config/}: every {@code *.yaml} / {@code *.yml} file, in name
 * order, merged. Identities in references (members, grants) are resolved with the same rules as the
 * cmdlets (spec §2). Any problem refuses the whole load with file, line and field
 * ({@link InvalidConfigException}); a partly loaded directory is never returned.
 *
 * <pre>{@code
 * Directory d = DirectoryLoader.load(Path.of("config"));
 * }</pre>
 */
public final class DirectoryLoader {
    static final Set<String> TOP = orderedSet("organization", "defaults", "recipients", "grants");
    static final Set<String> ORGANIZATION = orderedSet("name", "domain", "acceptedDomains");
    static final Set<String> DEFAULTS = orderedSet("password");
    static final Set<String> RECIPIENT = orderedSet("name", "type", "alias", "displayName", "guid",
            "primarySmtpAddress", "emailAddresses", "externalEmailAddress", "userPrincipalName", "samAccountName",
            "password", "linkedMasterAccount", "distinguishedName", "hiddenFromAddressListsEnabled",
            "messageCopyForSentAsEnabled", "messageCopyForSendOnBehalfEnabled", "grantSendOnBehalfTo", "members",
            "includedRecipients", "conditions", "attributes");
    static final Set<String> GRANTS = orderedSet("fullAccess", "sendAs");
    static final Set<String> GRANT = orderedSet("identity", "user", "trustee", "deny", "inheritanceType", "autoMapping");

    private DirectoryLoader() {
    }

    /** Loads every YAML file of {@code configDir}; throws {@link InvalidConfigException} listing all problems. */
    public static Directory load(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            throw new InvalidConfigException(List.of(new ConfigProblem(configDir.toString(), 0, "",
                    "no such directory; pass --config DIR pointing at a folder with directory.yaml")));
        }
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(configDir)) {
            for (Path p : list.filter(DirectoryLoader::isYaml).sorted().toList()) {
                files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + configDir, e);
        }
        if (files.isEmpty()) {
            throw new InvalidConfigException(List.of(new ConfigProblem(configDir.toString(), 0, "",
                    "no *.yaml file here; a directory needs at least an organization and recipients")));
        }
        return parse(files);
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    /** Parses YAML texts keyed by file name (used for error messages), merged in the given order. */
    public static Directory parse(Map<String, String> files) {
        List<ConfigProblem> problems = new ArrayList<>();
        Model model = new Model();
        for (Map.Entry<String, String> f : files.entrySet()) {
            YamlReader yaml = new YamlReader(f.getKey(), problems);
            yaml.parse(f.getValue()).ifPresent(root -> readFile(yaml, root, model));
        }
        if (model.organization == null && problems.isEmpty()) {
            String where = files.keySet().stream().findFirst().orElse("config");
            problems.add(new ConfigProblem(where, 0, "organization", "missing: say at least 'organization: {name: Contoso, domain: contoso.com}'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new Assembly(model, problems).build();
    }

    /** Everything read from the files, before references are resolved. */
    static final class Model {
        Organization organization;
        Secret defaultPassword;
        final List<RecipientSpec> recipients = new ArrayList<>();
        final List<GrantSpec> grants = new ArrayList<>();
    }

    record RecipientSpec(String file, int line, String path, Recipient.Builder builder, List<YamlReader.Located> members,
                         List<YamlReader.Located> sendOnBehalf, boolean hasPassword) {
    }

    record GrantSpec(Right right, String file, int line, String path, YamlReader.Located identity,
                     YamlReader.Located trustee, AccessControl control, InheritanceType inheritance, boolean autoMapping) {
    }

    private static void readFile(YamlReader yaml, Node root, Model model) {
        yaml.mapping(root, "", TOP).ifPresent(top -> {
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
                yaml.mapping(defaults, "defaults", DEFAULTS).ifPresent(d -> {
                    if (d.get("password") != null) {
                        yaml.string(d.get("password"), "defaults.password").ifPresent(p -> model.defaultPassword = Secret.of(p));
                    }
                });
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
                yaml.mapping(grants, "grants", GRANTS).ifPresent(g -> {
                    readGrants(yaml, g.get("fullAccess"), Right.FullAccess, "grants.fullAccess", model);
                    readGrants(yaml, g.get("sendAs"), Right.SendAs, "grants.sendAs", model);
                });
            }
        });
    }

    private static void readOrganization(YamlReader yaml, Node node, Model model) {
        yaml.mapping(node, "organization", ORGANIZATION).ifPresent(o -> {
            Optional<String> name = o.containsKey("name") ? yaml.string(o.get("name"), "organization.name") : Optional.empty();
            Optional<String> domain = o.containsKey("domain") ? yaml.string(o.get("domain"), "organization.domain") : Optional.empty();
            if (name.isEmpty() && !o.containsKey("name")) {
                yaml.problem(node, "organization.name", "missing (e.g. Contoso)");
            }
            if (domain.isEmpty() && !o.containsKey("domain")) {
                yaml.problem(node, "organization.domain", "missing (e.g. contoso.com)");
            }
            List<String> accepted = o.containsKey("acceptedDomains")
                    ? yaml.strings(o.get("acceptedDomains"), "organization.acceptedDomains").stream().map(YamlReader.Located::value).toList()
                    : List.of();
            if (name.isPresent() && domain.isPresent()) {
                try {
                    model.organization = new Organization(name.get(), domain.get(), accepted);
                } catch (IllegalArgumentException e) {
                    yaml.problem(node, "organization", e.getMessage());
                }
            }
        });
    }

    private static void readGrants(YamlReader yaml, Node node, Right right, String path, Model model) {
        if (node == null) {
            return;
        }
        List<Node> items = yaml.list(node, path);
        for (int i = 0; i < items.size(); i++) {
            String p = path + "[" + i + "]";
            Node item = items.get(i);
            yaml.mapping(item, p, GRANT).ifPresent(g -> {
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
                    Optional<InheritanceType> t = v.flatMap(InheritanceType::byName);
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
                    model.grants.add(new GrantSpec(right, yaml.file(), YamlReader.line(item), p, identity.get(), trustee.get(),
                            deny ? AccessControl.Deny : AccessControl.Allow, inheritance, autoMapping));
                }
            });
        }
    }

    private static Optional<YamlReader.Located> located(YamlReader yaml, Node node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        return yaml.string(node, field).map(v -> new YamlReader.Located(v, YamlReader.line(node), field));
    }

    static Set<String> orderedSet(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    /** Turns the model into a directory in two passes: objects first, then references between them. */
    private static final class Assembly {
        private final Model model;
        private final List<ConfigProblem> problems;
        private final Map<RecipientId, RecipientSpec> specs = new HashMap<>();
        private final Map<RecipientId, List<GrantSpec>> fullAccessSpecs = new HashMap<>();
        private final Map<RecipientId, List<GrantSpec>> sendAsSpecs = new HashMap<>();

        Assembly(Model model, List<ConfigProblem> problems) {
            this.model = model;
            this.problems = problems;
        }

        Directory build() {
            Organization org = model.organization;
            List<Recipient> plain = new ArrayList<>();
            for (RecipientSpec spec : model.recipients) {
                if (!spec.hasPassword() && model.defaultPassword != null) {
                    spec.builder().password(model.defaultPassword);
                }
                try {
                    Recipient r = spec.builder().build(org);
                    RecipientSpec first = specs.putIfAbsent(r.id(), spec);
                    if (first != null) {
                        String where = first.file().equals(spec.file()) ? "line " + first.line() : first.file() + ":" + first.line();
                        problems.add(new ConfigProblem(spec.file(), spec.line(), spec.path() + ".name",
                                "'" + r.name() + "' is defined twice (also at " + where + ")"));
                        continue;
                    }
                    plain.add(r);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    problems.add(new ConfigProblem(spec.file(), spec.line(), spec.path(), e.getMessage()));
                }
            }
            fail();
            Directory objects = directory(() -> Directory.of(org, plain));
            Map<RecipientId, Recipient.Builder> linked = new LinkedHashMap<>();
            for (Recipient r : objects.recipients()) {
                RecipientSpec spec = specs.get(r.id());
                linked.put(r.id(), r.toBuilder()
                        .members(resolveAll(objects, spec.members(), spec))
                        .grantSendOnBehalfTo(resolveAll(objects, spec.sendOnBehalf(), spec)));
            }
            Map<RecipientId, List<FullAccessEntry>> fullAccess = new HashMap<>();
            Map<RecipientId, List<SendAsEntry>> sendAs = new HashMap<>();
            for (GrantSpec g : model.grants) {
                Optional<Recipient> target = resolve(objects, g.identity(), g.file());
                Optional<Recipient> trustee = resolve(objects, g.trustee(), g.file());
                if (target.isEmpty() || trustee.isEmpty()) {
                    continue;
                }
                Optional<String> refused = PermissionTable.check(g.right(), Surface.Shell, target.get().type(), trustee.get().type());
                if (refused.isPresent()) {
                    problems.add(new ConfigProblem(g.file(), g.line(), g.path(), refused.get()));
                    continue;
                }
                RecipientId t = target.get().id();
                if (g.right() == Right.FullAccess) {
                    fullAccess.computeIfAbsent(t, k -> new ArrayList<>()).add(
                            new FullAccessEntry(trustee.get().id(), g.control(), g.inheritance(), g.autoMapping()));
                    fullAccessSpecs.computeIfAbsent(t, k -> new ArrayList<>()).add(g);
                } else {
                    sendAs.computeIfAbsent(t, k -> new ArrayList<>()).add(new SendAsEntry(trustee.get().id(), g.control()));
                    sendAsSpecs.computeIfAbsent(t, k -> new ArrayList<>()).add(g);
                }
            }
            fail();
            List<Recipient> complete = new ArrayList<>();
            for (Map.Entry<RecipientId, Recipient.Builder> e : linked.entrySet()) {
                Recipient.Builder b = e.getValue()
                        .fullAccess(fullAccess.getOrDefault(e.getKey(), List.of()))
                        .sendAs(sendAs.getOrDefault(e.getKey(), List.of()));
                try {
                    complete.add(b.build());
                } catch (IllegalArgumentException ex) {
                    RecipientSpec spec = specs.get(e.getKey());
                    problems.add(new ConfigProblem(spec.file(), spec.line(), spec.path(), ex.getMessage()));
                }
            }
            fail();
            return directory(() -> Directory.of(org, complete));
        }

        private Directory directory(java.util.function.Supplier<Directory> make) {
            try {
                return make.get();
            } catch (InvalidDirectoryException e) {
                for (DirectoryProblem p : e.problems()) {
                    problems.add(locate(p));
                }
                throw new InvalidConfigException(problems);
            }
        }

        /** Maps a directory invariant back to the YAML that caused it. */
        private ConfigProblem locate(DirectoryProblem p) {
            RecipientSpec spec = p.recipient().map(specs::get).orElse(null);
            if (spec == null) {
                return new ConfigProblem("config", 0, p.field(), p.message());
            }
            Optional<GrantSpec> grant = grantFor(p);
            if (grant.isPresent()) {
                return new ConfigProblem(grant.get().file(), grant.get().line(), grant.get().path(), p.message());
            }
            return new ConfigProblem(spec.file(), spec.line(), spec.path() + "." + p.field(), p.message());
        }

        private Optional<GrantSpec> grantFor(DirectoryProblem p) {
            Map<RecipientId, List<GrantSpec>> index = p.field().startsWith("fullAccess[") ? fullAccessSpecs
                    : p.field().startsWith("sendAs[") ? sendAsSpecs : null;
            if (index == null) {
                return Optional.empty();
            }
            int open = p.field().indexOf('[');
            int close = p.field().indexOf(']');
            List<GrantSpec> list = index.getOrDefault(p.recipient().orElseThrow(), List.of());
            int i = Integer.parseInt(p.field().substring(open + 1, close));
            return i < list.size() ? Optional.of(list.get(i)) : Optional.empty();
        }

        private List<RecipientId> resolveAll(Directory d, List<YamlReader.Located> refs, RecipientSpec spec) {
            List<RecipientId> out = new ArrayList<>();
            for (YamlReader.Located ref : refs) {
                resolve(d, ref, spec.file()).ifPresent(r -> out.add(r.id()));
            }
            return out;
        }

        private Optional<Recipient> resolve(Directory d, YamlReader.Located ref, String file) {
            Resolution res = d.resolve(ref.value());
            if (res instanceof Resolution.Found f) {
                return Optional.of(f.recipient());
            }
            if (res instanceof Resolution.Ambiguous a) {
                problems.add(new ConfigProblem(file, ref.line(), ref.field(), "'" + ref.value() + "' matches several recipients: "
                        + a.matches().stream().map(Recipient::name).toList() + "; use a Name or SMTP address"));
            } else {
                problems.add(new ConfigProblem(file, ref.line(), ref.field(), "'" + ref.value()
                        + "' matches no recipient; tried Name, Alias, DistinguishedName, SMTP address, Guid, "
                        + "SamAccountName, UserPrincipalName, DisplayName" + Suggestions.didYouMean(d, ref.value())));
            }
            return Optional.empty();
        }

        private void fail() {
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
        }
    }

    /** Parses one recipient mapping into a builder, reporting every bad field. */
    private static final class RecipientReader {
        static void read(YamlReader yaml, Node node, String path, Model model) {
            yaml.mapping(node, path, RECIPIENT).ifPresent(m -> {
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
                List<YamlReader.Located> onBehalf = m.containsKey("grantSendOnBehalfTo")
                        ? yaml.strings(m.get("grantSendOnBehalfTo"), path + ".grantSendOnBehalfTo") : List.of();
                if (countProblems(yaml) == before) {
                    model.recipients.add(new RecipientSpec(yaml.file(), YamlReader.line(node), path, b, members, onBehalf,
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
}
