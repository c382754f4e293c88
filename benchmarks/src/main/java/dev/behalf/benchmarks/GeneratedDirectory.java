package dev.behalf.benchmarks;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.Organization;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Secret;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic directory of {@code mailboxes} user mailboxes and {@code LEVELS × groupsPerLevel}
 * mail-enabled security groups nested {@link #LEVELS} deep, with grants on every mailbox.
 *
 * <p>Shape (deterministic, no randomness):
 * <ul>
 *   <li>mailbox {@code i} is a member of level-1 group {@code i / (mailboxes / groupsPerLevel)};</li>
 *   <li>level {@code k+1} group {@code j} has members level-{@code k} groups {@code j} and {@code j+1}, so a
 *       mailbox belongs to 1+2+3+4+5 = 15 groups and reaches level-5 group {@code j-4} only through a path of five;</li>
 *   <li>mailbox {@code i} carries Send As for mailbox {@code i+1} and for level-5 group {@link #sendAsGroup},
 *       GrantSendOnBehalfTo mailbox {@code i+2} and level-5 group {@link #onBehalfGroup}, and every tenth mailbox
 *       Full Access for a level-3 group.</li>
 * </ul>
 * The same directory is available as objects ({@link #recipients()}) and as YAML for the loader ({@link #yaml()}).
 */
public final class GeneratedDirectory {
    public static final int LEVELS = 5;
    public static final Organization ORGANIZATION = new Organization("Contoso", "contoso.com", List.of("contoso.com"));

    private final int mailboxes;
    private final int groupsPerLevel;

    public GeneratedDirectory(int mailboxes, int groupsPerLevel) {
        if (mailboxes % groupsPerLevel != 0) {
            throw new IllegalArgumentException("mailboxes (" + mailboxes + ") must be a multiple of groupsPerLevel (" + groupsPerLevel + ")");
        }
        this.mailboxes = mailboxes;
        this.groupsPerLevel = groupsPerLevel;
    }

    /** 100,000 mailboxes and 10,000 groups (2,000 per level, five levels). */
    public static GeneratedDirectory standard() {
        return new GeneratedDirectory(100_000, 2_000);
    }

    public int mailboxes() {
        return mailboxes;
    }

    public int groups() {
        return LEVELS * groupsPerLevel;
    }

    public static String mailboxAlias(int i) {
        return "user" + i;
    }

    public static String groupAlias(int level, int j) {
        return "g" + level + "x" + j;
    }

    public static SmtpAddress mailboxAddress(int i) {
        return new SmtpAddress(mailboxAlias(i), "contoso.com");
    }

    /** The level-1 group mailbox {@code i} belongs to. */
    public int levelOneGroupOf(int i) {
        return i / (mailboxes / groupsPerLevel);
    }

    /** A mailbox of level-1 group {@code j}. */
    public int firstMailboxOf(int j) {
        return j * (mailboxes / groupsPerLevel);
    }

    /** The level-5 group that holds Send As on mailbox {@code i}. */
    public int sendAsGroup(int i) {
        return (int) ((i * 7L) % groupsPerLevel);
    }

    /** The level-5 group in mailbox {@code i}'s GrantSendOnBehalfTo. */
    public int onBehalfGroup(int i) {
        return (int) ((i * 13L) % groupsPerLevel);
    }

    /** A mailbox that reaches level-5 group {@code g} only through five nested groups. */
    public int memberFiveDeepOf(int g) {
        return firstMailboxOf(Math.floorMod(g + LEVELS - 1, groupsPerLevel));
    }

    private static RecipientId mailboxId(int i) {
        return RecipientId.forName("User " + i);
    }

    private static RecipientId groupId(int level, int j) {
        return RecipientId.forName("Group " + level + "-" + j);
    }

    /** Every object, grants included, ready for {@link Directory#of}. */
    public List<Recipient> recipients() {
        Secret password = Secret.of("P@ssw0rd");
        List<Recipient> out = new ArrayList<>(mailboxes + groups());
        for (int i = 0; i < mailboxes; i++) {
            Recipient.Builder b = Recipient.builder(RecipientTypeDetails.UserMailbox, "User " + i)
                    .alias(mailboxAlias(i)).password(password)
                    .sendAs(List.of(SendAsEntry.allow(mailboxId((i + 1) % mailboxes)),
                            SendAsEntry.allow(groupId(LEVELS, sendAsGroup(i)))))
                    .grantSendOnBehalfTo(List.of(mailboxId((i + 2) % mailboxes), groupId(LEVELS, onBehalfGroup(i))));
            if (i % 10 == 0) {
                b.fullAccess(List.of(FullAccessEntry.allow(groupId(3, (i / 10) % groupsPerLevel))));
            }
            out.add(b.build(ORGANIZATION));
        }
        for (int level = 1; level <= LEVELS; level++) {
            for (int j = 0; j < groupsPerLevel; j++) {
                out.add(Recipient.builder(RecipientTypeDetails.MailUniversalSecurityGroup, "Group " + level + "-" + j)
                        .alias(groupAlias(level, j)).members(groupMembers(level, j)).build(ORGANIZATION));
            }
        }
        return out;
    }

    private List<RecipientId> groupMembers(int level, int j) {
        if (level == 1) {
            int per = mailboxes / groupsPerLevel;
            List<RecipientId> members = new ArrayList<>(per);
            for (int i = j * per; i < (j + 1) * per; i++) {
                members.add(mailboxId(i));
            }
            return members;
        }
        return List.of(groupId(level - 1, j), groupId(level - 1, (j + 1) % groupsPerLevel));
    }

    public Directory directory() {
        return Directory.of(ORGANIZATION, recipients());
    }

    /** The same directory as a {@code config/directory.yaml} text (references by alias, as an admin would write). */
    public String yaml() {
        StringBuilder y = new StringBuilder(64 * (mailboxes + groups()) + 96 * mailboxes);
        y.append("organization: { name: Contoso, domain: contoso.com }\ndefaults: { password: P@ssw0rd }\nrecipients:\n");
        for (int i = 0; i < mailboxes; i++) {
            y.append("  - { name: User ").append(i).append(", alias: ").append(mailboxAlias(i))
                    .append(", type: UserMailbox, grantSendOnBehalfTo: [").append(mailboxAlias((i + 2) % mailboxes))
                    .append(", ").append(groupAlias(LEVELS, onBehalfGroup(i))).append("] }\n");
        }
        int per = mailboxes / groupsPerLevel;
        for (int level = 1; level <= LEVELS; level++) {
            for (int j = 0; j < groupsPerLevel; j++) {
                y.append("  - { name: Group ").append(level).append('-').append(j).append(", alias: ").append(groupAlias(level, j))
                        .append(", type: MailUniversalSecurityGroup, members: [");
                if (level == 1) {
                    for (int i = j * per; i < (j + 1) * per; i++) {
                        y.append(i == j * per ? "" : ", ").append(mailboxAlias(i));
                    }
                } else {
                    y.append(groupAlias(level - 1, j)).append(", ").append(groupAlias(level - 1, (j + 1) % groupsPerLevel));
                }
                y.append("] }\n");
            }
        }
        y.append("grants:\n  sendAs:\n");
        for (int i = 0; i < mailboxes; i++) {
            y.append("    - { identity: ").append(mailboxAlias(i)).append(", trustee: ").append(mailboxAlias((i + 1) % mailboxes)).append(" }\n");
            y.append("    - { identity: ").append(mailboxAlias(i)).append(", trustee: ").append(groupAlias(LEVELS, sendAsGroup(i))).append(" }\n");
        }
        y.append("  fullAccess:\n");
        for (int i = 0; i < mailboxes; i += 10) {
            y.append("    - { identity: ").append(mailboxAlias(i)).append(", user: ").append(groupAlias(3, (i / 10) % groupsPerLevel)).append(" }\n");
        }
        return y.toString();
    }
}
