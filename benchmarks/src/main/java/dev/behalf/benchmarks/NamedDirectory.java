package dev.behalf.benchmarks;

/**
 * A directory written the way an admin writes one by hand, the shape issue 12 found quadratic: user
 * mailboxes, shared mailboxes, groups with member lists, and a {@code grants:} section, every
 * reference by display name ({@code Person 17}, {@code Team 3}) rather than by alias.
 *
 * <p>Of {@code size} objects, 70% are user mailboxes, 10% shared mailboxes with one
 * GrantSendOnBehalfTo each, 20% groups of up to 20 members; each shared mailbox has one Full Access
 * and one Send As grant (to a group) in the {@code grants:} section. Deterministic.
 */
public final class NamedDirectory {
    private final int users;
    private final int shared;
    private final int groups;

    public NamedDirectory(int size) {
        if (size < 10) {
            throw new IllegalArgumentException("size must be at least 10, was " + size);
        }
        users = size * 7 / 10;
        shared = size / 10;
        groups = size - users - shared;
    }

    public int size() {
        return users + shared + groups;
    }

    public String yaml() {
        StringBuilder y = new StringBuilder(90 * size() + 600 * groups);
        y.append("organization: { name: Contoso, domain: contoso.com }\ndefaults: { password: P@ssw0rd }\nrecipients:\n");
        for (int i = 0; i < users; i++) {
            y.append("  - { name: Person ").append(i).append(", alias: p").append(i).append(", type: UserMailbox }\n");
        }
        for (int i = 0; i < shared; i++) {
            y.append("  - { name: Shared Box ").append(i).append(", alias: sb").append(i)
                    .append(", type: SharedMailbox, grantSendOnBehalfTo: [Person ").append((i * 3) % users).append("] }\n");
        }
        int per = Math.max(1, Math.min(20, users / groups));
        for (int g = 0; g < groups; g++) {
            y.append("  - { name: Team ").append(g).append(", alias: t").append(g).append(", type: MailUniversalSecurityGroup, members: [");
            for (int k = 0; k < per; k++) {
                y.append(k == 0 ? "" : ", ").append("Person ").append((g * per + k) % users);
            }
            y.append("] }\n");
        }
        y.append("grants:\n  fullAccess:\n");
        for (int i = 0; i < shared; i++) {
            y.append("    - { identity: Shared Box ").append(i).append(", user: Person ").append((i * 5) % users).append(" }\n");
        }
        y.append("  sendAs:\n");
        for (int i = 0; i < shared; i++) {
            y.append("    - { identity: Shared Box ").append(i).append(", trustee: Team ").append(i % groups).append(" }\n");
        }
        return y.toString();
    }
}
