package dev.behalf.gateway.junit;

import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.Directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A directory declared in a test: the bundled demo directory, a YAML folder, or a fluent list of
 * recipients and grants. The fluent form is written out as the same YAML the config loader reads,
 * so identities resolve and errors read exactly as they do for {@code config/}.
 *
 * <pre>{@code
 * DirectorySpec.organization("contoso.com")
 *     .userMailbox("terrya", "Terry Adams")
 *     .userMailbox("raymonds", "Raymond Sam")
 *     .sharedMailbox("helpdesk", "Helpdesk Tickets")
 *     .grantSendAs("helpdesk", "raymonds")
 * }</pre>
 */
public final class DirectorySpec {
    /** Copied from the repository's {@code config/} by the build (junit5/pom.xml). */
    private static final String DEMO_RESOURCE = "/dev/behalf/gateway/junit/demo/directory.yaml";

    private final Supplier<Directory> source;
    private final String domain;
    private final String password;
    private final List<Entry> recipients = new ArrayList<>();
    private final List<String> fullAccess = new ArrayList<>();
    private final List<String> sendAs = new ArrayList<>();
    private final Map<String, List<String>> sendOnBehalf = new LinkedHashMap<>();

    private DirectorySpec(Supplier<Directory> source, String domain, String password) {
        this.source = source;
        this.domain = domain;
        this.password = password;
    }

    /**
     * The Contoso demo directory, {@code config/directory.yaml} of the repository, bundled in this jar
     * at build time: a test outside the repository gets it too, whatever its working directory.
     */
    public static DirectorySpec demo() {
        return new DirectorySpec(() -> DirectoryLoader.parse(Map.of("demo directory.yaml", demoYaml())), null, null);
    }

    /** Every YAML file of a config folder. */
    public static DirectorySpec yaml(Path configDir) {
        return new DirectorySpec(() -> DirectoryLoader.load(configDir), null, null);
    }

    /** An empty organization to fill fluently; accounts get the password {@code P@ssw0rd}. */
    public static DirectorySpec organization(String domain) {
        return organization(domain, "P@ssw0rd");
    }

    public static DirectorySpec organization(String domain, String password) {
        DirectorySpec[] self = new DirectorySpec[1];
        self[0] = new DirectorySpec(() -> self[0].buildFluent(), domain, password);
        return self[0];
    }

    public DirectorySpec userMailbox(String alias, String name) {
        return recipient("UserMailbox", alias, name, List.of());
    }

    public DirectorySpec sharedMailbox(String alias, String name) {
        return recipient("SharedMailbox", alias, name, List.of());
    }

    public DirectorySpec roomMailbox(String alias, String name) {
        return recipient("RoomMailbox", alias, name, List.of());
    }

    public DirectorySpec mailUser(String alias, String name, String externalAddress) {
        fluent();
        recipients.add(new Entry("MailUser", alias, name, List.of(), ", externalEmailAddress: " + q(externalAddress)));
        return this;
    }

    /** A mail-enabled security group with these members (identities). */
    public DirectorySpec securityGroup(String alias, String name, String... members) {
        return recipient("MailUniversalSecurityGroup", alias, name, List.of(members));
    }

    public DirectorySpec distributionGroup(String alias, String name, String... members) {
        return recipient("MailUniversalDistributionGroup", alias, name, List.of(members));
    }

    /** Send As on {@code target} for {@code trustee} (identities). */
    public DirectorySpec grantSendAs(String target, String trustee) {
        fluent();
        sendAs.add("    - { identity: " + q(target) + ", trustee: " + q(trustee) + " }");
        return this;
    }

    /** Adds {@code trustee} to {@code target}'s GrantSendOnBehalfTo. */
    public DirectorySpec grantSendOnBehalf(String target, String trustee) {
        fluent();
        sendOnBehalf.computeIfAbsent(target, k -> new ArrayList<>()).add(trustee);
        return this;
    }

    /** Full Access on the mailbox {@code target} for {@code trustee}; auto-mapped or not. */
    public DirectorySpec grantFullAccess(String target, String trustee, boolean autoMapping) {
        fluent();
        fullAccess.add("    - { identity: " + q(target) + ", user: " + q(trustee) + ", autoMapping: " + autoMapping + " }");
        return this;
    }

    /** Builds the directory; throws {@link dev.behalf.policy.config.InvalidConfigException} when invalid. */
    public Directory build() {
        return source.get();
    }

    private DirectorySpec recipient(String type, String alias, String name, List<String> members) {
        fluent();
        recipients.add(new Entry(type, alias, name, members, ""));
        return this;
    }

    /** One declared recipient, rendered as a YAML flow mapping at build time. */
    private record Entry(String type, String alias, String name, List<String> members, String extra) {
        String yaml(List<String> onBehalf) {
            StringBuilder sb = new StringBuilder("  - { name: ").append(q(name)).append(", alias: ").append(q(alias))
                    .append(", type: ").append(type).append(extra);
            if (!members.isEmpty()) {
                sb.append(", members: ").append(list(members));
            }
            if (!onBehalf.isEmpty()) {
                sb.append(", grantSendOnBehalfTo: ").append(list(onBehalf));
            }
            return sb.append(" }").toString();
        }
    }

    private Directory buildFluent() {
        StringBuilder yaml = new StringBuilder()
                .append("organization: { name: ").append(q(domain.split("\\.")[0])).append(", domain: ").append(q(domain)).append(" }\n")
                .append("defaults: { password: ").append(q(password)).append(" }\n")
                .append("recipients:\n");
        for (Entry r : recipients) {
            List<String> onBehalf = new ArrayList<>(sendOnBehalf.getOrDefault(r.alias(), List.of()));
            onBehalf.addAll(sendOnBehalf.getOrDefault(r.name(), List.of()));
            yaml.append(r.yaml(onBehalf)).append('\n');
        }
        for (String target : sendOnBehalf.keySet()) {
            if (recipients.stream().noneMatch(r -> r.alias().equals(target) || r.name().equals(target))) {
                throw new IllegalArgumentException("grantSendOnBehalf: no recipient declared with alias or name '" + target + "'");
            }
        }
        yaml.append("grants:\n  fullAccess:\n");
        fullAccess.forEach(l -> yaml.append(l).append('\n'));
        yaml.append("  sendAs:\n");
        sendAs.forEach(l -> yaml.append(l).append('\n'));
        return DirectoryLoader.parse(Map.of("(DirectorySpec)", yaml.toString()));
    }

    private void fluent() {
        if (domain == null) {
            throw new IllegalStateException("add recipients and grants to DirectorySpec.organization(...), not to a YAML directory; "
                    + "use behalf.shell(...) to change a loaded one");
        }
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(DirectorySpec::q).toList()) + "]";
    }

    /** A YAML double-quoted scalar. */
    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String demoYaml() {
        try (InputStream in = DirectorySpec.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_RESOURCE + " is missing from behalf-junit5's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DEMO_RESOURCE, e);
        }
    }
}
