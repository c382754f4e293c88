package dev.behalf.gateway.hardening;

import dev.behalf.policy.seed.Cast;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The directory the load and crash tests run on: {@code clients} user mailboxes {@code u00..}, and
 * {@code targets} mailboxes of each kind whose grants the shell toggles: {@code saK} (only Send As is
 * ever granted on them) and {@code obK} (only Send on Behalf). Client {@code i}'s grant slots are
 * Send As on {@code sa(i % targets)} and Send on Behalf on {@code ob(i % targets)}; nobody is ever
 * granted anything on {@code never}. No group exists, so a slot's bit alone decides its sends.
 */
record LoadCast(int clients, int targets) {
    static final String DOMAIN = "load.test";
    static final String PASSWORD = Cast.PASSWORD;

    /** What a client writes in From. */
    enum Kind { SELF, SEND_AS, ON_BEHALF, NEVER }

    String user(int client) {
        return String.format("u%02d", client);
    }

    String address(String alias) {
        return alias + "@" + DOMAIN;
    }

    String sendAsTarget(int client) {
        return "sa" + client % targets;
    }

    String onBehalfTarget(int client) {
        return "ob" + client % targets;
    }

    /** The header From of a message of this kind sent by {@code client}. */
    String from(int client, Kind kind) {
        return address(switch (kind) {
            case SELF -> user(client);
            case SEND_AS -> sendAsTarget(client);
            case ON_BEHALF -> onBehalfTarget(client);
            case NEVER -> "never";
        });
    }

    /** Each message goes to the next client's Inbox. */
    String recipient(int client) {
        return address(user((client + 1) % clients));
    }

    int slots() {
        return clients * 2;
    }

    static int sendAsSlot(int client) {
        return client * 2;
    }

    static int onBehalfSlot(int client) {
        return client * 2 + 1;
    }

    /** The cmdlet that sets a slot to {@code on}. */
    String command(int slot, boolean on) {
        int client = slot / 2;
        if (slot % 2 == 0) {
            return (on ? "Add" : "Remove") + "-RecipientPermission -Identity " + sendAsTarget(client) + " -Trustee "
                    + user(client) + " -AccessRights SendAs -Confirm:$false";
        }
        return "Set-Mailbox -Identity " + onBehalfTarget(client) + " -GrantSendOnBehalfTo @{" + (on ? "Add" : "Remove")
                + "=\"" + user(client) + "\"}";
    }

    /** The outcome the policy must reach for a send of {@code kind} by {@code client} under {@code grants}. */
    static String expected(int client, Kind kind, BitSet grants) {
        return switch (kind) {
            case SELF -> "Self";
            case SEND_AS -> grants.get(sendAsSlot(client)) ? "SendAs" : "Denied";
            case ON_BEHALF -> grants.get(onBehalfSlot(client)) ? "SendOnBehalf" : "Denied";
            case NEVER -> "Denied";
        };
    }

    /** The directory with the slots of {@code initial} granted (Send As entries, GrantSendOnBehalfTo lists). */
    String yaml(BitSet initial) {
        StringBuilder y = new StringBuilder("organization: { name: \"Load\", domain: \"" + DOMAIN + "\" }\n")
                .append("defaults: { password: \"" + PASSWORD + "\" }\n")
                .append("recipients:\n");
        for (int i = 0; i < clients; i++) {
            y.append("  - { name: \"User ").append(user(i)).append("\", alias: \"").append(user(i)).append("\", type: UserMailbox }\n");
        }
        for (int k = 0; k < targets; k++) {
            y.append("  - { name: \"Send As Target ").append(k).append("\", alias: \"sa").append(k).append("\", type: UserMailbox }\n");
            List<String> onBehalf = new ArrayList<>();
            for (int i = k; i < clients; i += targets) {
                if (initial.get(onBehalfSlot(i))) {
                    onBehalf.add("\"" + user(i) + "\"");
                }
            }
            y.append("  - { name: \"On Behalf Target ").append(k).append("\", alias: \"ob").append(k)
                    .append("\", type: UserMailbox, grantSendOnBehalfTo: [").append(String.join(", ", onBehalf)).append("] }\n");
        }
        y.append("  - { name: \"Never Granted\", alias: \"never\", type: UserMailbox }\n");
        y.append("grants:\n  fullAccess:\n  sendAs:\n");
        for (int i = 0; i < clients; i++) {
            if (initial.get(sendAsSlot(i))) {
                y.append("    - { identity: ").append(sendAsTarget(i)).append(", trustee: ").append(user(i)).append(" }\n");
            }
        }
        return y.toString();
    }

    /** Half the slots, chosen by {@code seed}. */
    BitSet randomGrants(long seed) {
        java.util.Random r = new java.util.Random(seed);
        BitSet b = new BitSet();
        for (int s = 0; s < slots(); s++) {
            b.set(s, r.nextBoolean());
        }
        return b;
    }

    /** Writes {@link #yaml} as {@code dir/directory.yaml}; returns {@code dir}. */
    Path writeConfig(Path dir, BitSet initial) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("directory.yaml"), yaml(initial));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
