package dev.behalf.policy.config;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Secret;

import java.util.ArrayList;
import java.util.List;

/** Everything read from the config files, before references are resolved. */
final class ConfigModel {
    Organization organization;
    Secret defaultPassword;
    final List<RecipientSpec> recipients = new ArrayList<>();
    final List<GrantSpec> grants = new ArrayList<>();

    /** One recipient as written, with where it was written and its unresolved references. */
    record RecipientSpec(String file, int line, String path, Recipient.Builder builder, List<YamlReader.Located> members,
                         List<YamlReader.Located> owners, List<YamlReader.Located> sendOnBehalf, boolean hasPassword) {
    }

    /** One Full Access or Send As grant as written. */
    record GrantSpec(Right right, String file, int line, String path, YamlReader.Located identity,
                     YamlReader.Located trustee, AccessControl control, InheritanceType inheritance, boolean autoMapping) {
    }
}
