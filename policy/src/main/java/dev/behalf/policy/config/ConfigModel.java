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
    final List<AppSpec> apps = new ArrayList<>();

    /** One app registration as written; {@code permissions} empty means every mail permission. */
    record AppSpec(String file, int line, String path, String displayName, String appId, String objectId,
                   java.util.Optional<Secret> clientSecret, java.util.Optional<java.util.Set<String>> permissions,
                   List<YamlReader.Located> fullAccess, List<YamlReader.Located> sendAs) {
    }

    /** One recipient as written, with where it was written and its unresolved references. */
    record RecipientSpec(String file, int line, String path, Recipient.Builder builder, List<YamlReader.Located> members,
                         List<YamlReader.Located> owners, List<YamlReader.Located> sendOnBehalf, boolean hasPassword) {
    }

    /** One Full Access or Send As grant as written. */
    record GrantSpec(Right right, String file, int line, String path, YamlReader.Located identity,
                     YamlReader.Located trustee, AccessControl control, InheritanceType inheritance, boolean autoMapping) {
    }
}
