package dev.behalf.policy.config;

import dev.behalf.policy.directory.AppRegistration;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryProblem;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.PermissionTable;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.Surface;
import dev.behalf.policy.identity.Resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the model into a directory in two passes: objects first, then references between them (no lambdas: {@link RecipientReader} says why). */
final class Assembly {
    private final ConfigModel model;
    private final List<ConfigProblem> problems;
    private final Map<RecipientId, ConfigModel.RecipientSpec> specs = new HashMap<>();
    private final Map<RecipientId, List<ConfigModel.GrantSpec>> fullAccessSpecs = new HashMap<>();
    private final Map<RecipientId, List<ConfigModel.GrantSpec>> sendAsSpecs = new HashMap<>();

    Assembly(ConfigModel model, List<ConfigProblem> problems) {
        this.model = model;
        this.problems = problems;
    }

    Directory build() {
        Organization org = model.organization;
        List<Recipient> plain = new ArrayList<>();
        for (ConfigModel.RecipientSpec spec : model.recipients) {
            if (!spec.hasPassword() && model.defaultPassword != null) {
                spec.builder().password(model.defaultPassword);
            }
            try {
                Recipient r = spec.builder().build(org);
                ConfigModel.RecipientSpec first = specs.putIfAbsent(r.id(), spec);
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
        Directory objects = directory(org, plain);
        Map<RecipientId, Recipient.Builder> linked = new LinkedHashMap<>();
        for (Recipient r : objects.recipients()) {
            ConfigModel.RecipientSpec spec = specs.get(r.id());
            List<RecipientId> owners = resolveAll(objects, spec.owners(), spec);
            // An owner is a member too, as New-UnifiedGroup -Owner makes it: owners need not be listed twice.
            List<RecipientId> members = new ArrayList<>(resolveAll(objects, spec.members(), spec));
            for (RecipientId owner : owners) {
                if (!members.contains(owner)) {
                    members.add(owner);
                }
            }
            linked.put(r.id(), r.toBuilder()
                    .members(members)
                    .owners(owners)
                    .grantSendOnBehalfTo(resolveAll(objects, spec.sendOnBehalf(), spec)));
        }
        Map<RecipientId, List<FullAccessEntry>> fullAccess = new HashMap<>();
        Map<RecipientId, List<SendAsEntry>> sendAs = new HashMap<>();
        for (ConfigModel.GrantSpec g : model.grants) {
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
                listOf(fullAccess, t).add(new FullAccessEntry(trustee.get().id(), g.control(), g.inheritance(), g.autoMapping()));
                listOf(fullAccessSpecs, t).add(g);
            } else {
                listOf(sendAs, t).add(new SendAsEntry(trustee.get().id(), g.control()));
                listOf(sendAsSpecs, t).add(g);
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
                ConfigModel.RecipientSpec spec = specs.get(e.getKey());
                problems.add(new ConfigProblem(spec.file(), spec.line(), spec.path(), ex.getMessage()));
            }
        }
        fail();
        Directory withoutApps = directory(org, complete);
        List<AppRegistration> apps = new ArrayList<>();
        for (ConfigModel.AppSpec a : model.apps) {
            List<RecipientId> fa = new ArrayList<>();
            for (YamlReader.Located ref : a.fullAccess()) {
                Optional<Recipient> r = resolve(withoutApps, ref, a.file());
                if (r.isPresent() && r.get().type().hasMailbox()) {
                    fa.add(r.get().id());
                } else if (r.isPresent()) {
                    problems.add(new ConfigProblem(a.file(), ref.line(), ref.field(), "Full Access is set on mailboxes, not on a " + r.get().type()));
                }
            }
            List<RecipientId> sa = new ArrayList<>();
            for (YamlReader.Located ref : a.sendAs()) {
                Optional<Recipient> r = resolve(withoutApps, ref, a.file());
                if (r.isPresent()) {
                    sa.add(r.get().id());
                }
            }
            try {
                apps.add(new AppRegistration(a.appId(), a.objectId(), a.displayName(), a.clientSecret(),
                        a.permissions().orElse(AppRegistration.union()), fa, sa));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(a.file(), a.line(), a.path(), e.getMessage()));
            }
        }
        fail();
        if (apps.isEmpty()) {
            return withoutApps;
        }
        try {
            return Directory.of(org, complete, apps);
        } catch (InvalidDirectoryException e) {
            for (DirectoryProblem p : e.problems()) {
                problems.add(new ConfigProblem("config", 0, "apps." + p.field(), p.message()));
            }
            throw new InvalidConfigException(problems);
        }
    }

    /** {@link Directory#of(Organization, List)}, its invariants' problems mapped back to the YAML. */
    private Directory directory(Organization org, List<Recipient> recipients) {
        try {
            return Directory.of(org, recipients);
        } catch (InvalidDirectoryException e) {
            for (DirectoryProblem p : e.problems()) {
                problems.add(locate(p));
            }
            throw new InvalidConfigException(problems);
        }
    }

    /** Maps a directory invariant back to the YAML that caused it. */
    private ConfigProblem locate(DirectoryProblem p) {
        ConfigModel.RecipientSpec spec = p.recipient().map(specs::get).orElse(null);
        if (spec == null) {
            return new ConfigProblem("config", 0, p.field(), p.message());
        }
        Optional<ConfigModel.GrantSpec> grant = grantFor(p);
        if (grant.isPresent()) {
            return new ConfigProblem(grant.get().file(), grant.get().line(), grant.get().path(), p.message());
        }
        return new ConfigProblem(spec.file(), spec.line(), spec.path() + "." + p.field(), p.message());
    }

    private Optional<ConfigModel.GrantSpec> grantFor(DirectoryProblem p) {
        Map<RecipientId, List<ConfigModel.GrantSpec>> index = p.field().startsWith("fullAccess[") ? fullAccessSpecs
                : p.field().startsWith("sendAs[") ? sendAsSpecs : null;
        if (index == null) {
            return Optional.empty();
        }
        int open = p.field().indexOf('[');
        int close = p.field().indexOf(']');
        List<ConfigModel.GrantSpec> list = index.getOrDefault(p.recipient().orElseThrow(), List.of());
        int i = Integer.parseInt(p.field().substring(open + 1, close));
        return i < list.size() ? Optional.of(list.get(i)) : Optional.empty();
    }

    private List<RecipientId> resolveAll(Directory d, List<YamlReader.Located> refs, ConfigModel.RecipientSpec spec) {
        List<RecipientId> out = new ArrayList<>();
        for (YamlReader.Located ref : refs) {
            Optional<Recipient> r = resolve(d, ref, spec.file());
            if (r.isPresent()) {
                out.add(r.get().id());
            }
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

    private static <T> List<T> listOf(Map<RecipientId, List<T>> lists, RecipientId key) {
        List<T> list = lists.get(key);
        if (list == null) {
            list = new ArrayList<>();
            lists.put(key, list);
        }
        return list;
    }

    private void fail() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }
}
