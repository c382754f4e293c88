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

/** Everything read from the config files, before references are resolved. */
final class ConfigModel {
    Organization organization;
    Secret defaultPassword;
    final List<RecipientSpec> recipients = new ArrayList<>();
    final List<GrantSpec> grants = new ArrayList<>();

    /** One recipient as written, with where it was written and its unresolved references. */
    record RecipientSpec(String file, int line, String path, Recipient.Builder builder, List<YamlReader.Located> members,
                         List<YamlReader.Located> sendOnBehalf, boolean hasPassword) {
    }

    /** One Full Access or Send As grant as written. */
    record GrantSpec(Right right, String file, int line, String path, YamlReader.Located identity,
                     YamlReader.Located trustee, AccessControl control, InheritanceType inheritance, boolean autoMapping) {
    }
}
