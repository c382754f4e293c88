package dev.behalf.policy.seed;

import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed's permission table ({@code seed/permission-table.yaml}) expanded to every cell:
 * right × target type × trustee type × surface, each accepted or refused.
 */
public final class SeedPermissionTable {
    private static final String FILE = "permission-table.yaml";

    private SeedPermissionTable() {
    }

    /** One cell of the table. */
    public record Cell(Right right, Surface surface, RecipientTypeDetails target, RecipientTypeDetails trustee,
                       boolean accepted) {
        public String id() {
            return right + " on " + target + " to " + trustee + " in " + surface + ": " + (accepted ? "accepted" : "refused");
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /**
     * Every cell: 3 rights × 15 × 15 types × 2 surfaces. The Microsoft 365 Groups row (not the seed's) gives its
     * targets their own delegates, on both surfaces.
     */
    public static List<Cell> cells() {
        Map<String, Object> rights = SeedFile.section(FILE, "rights");
        Map<String, Object> categories = SeedFile.section(FILE, "categories");
        Row groups = new Row(SeedFile.section(FILE, "microsoft365Groups"));
        Set<RecipientTypeDetails> groupTargets = types(categories, groups.texts("targets"));
        Set<RecipientTypeDetails> groupTrustees = types(categories, groups.texts("trustees"));
        List<Cell> cells = new ArrayList<>();
        for (Right right : Right.values()) {
            Row columns = new Row(cast(rights.get(right.name())));
            for (Surface surface : Surface.values()) {
                Set<RecipientTypeDetails> targets = types(categories, columns.texts("targetsEac"));
                Set<RecipientTypeDetails> trustees = types(categories, columns.texts("trusteesEac"));
                if (surface == Surface.Shell) {
                    targets.addAll(types(categories, columns.texts("targetsShell")));
                    trustees.addAll(types(categories, columns.texts("trusteesShell")));
                }
                boolean onGroups = groups.texts("rights").contains(right.name());
                for (RecipientTypeDetails target : RecipientTypeDetails.values()) {
                    boolean groupTarget = groupTargets.contains(target);
                    for (RecipientTypeDetails trustee : RecipientTypeDetails.values()) {
                        boolean accepted = groupTarget ? onGroups && groupTrustees.contains(trustee)
                                : targets.contains(target) && trustees.contains(trustee);
                        cells.add(new Cell(right, surface, target, trustee, accepted));
                    }
                }
            }
        }
        return cells;
    }

    private static Set<RecipientTypeDetails> types(Map<String, Object> categories, List<String> phrases) {
        Set<RecipientTypeDetails> out = EnumSet.noneOf(RecipientTypeDetails.class);
        for (String phrase : phrases) {
            Object mapped = categories.get(phrase);
            if (mapped == null) {
                throw new IllegalArgumentException("seed/" + FILE + ": category '" + phrase + "' is not mapped to types");
            }
            for (Object t : (List<?>) mapped) {
                out.add(RecipientTypeDetails.valueOf(String.valueOf(t)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
