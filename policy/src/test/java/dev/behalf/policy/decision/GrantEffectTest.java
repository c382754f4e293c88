package dev.behalf.policy.decision;

import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.config.InvalidConfigException;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;
import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.seed.DemoDirectory;
import dev.behalf.policy.seed.SeedPermissionTable;
import dev.behalf.policy.seed.SeedPermissionTable.Cell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.behalf.policy.directory.RecipientTypeDetails.ArbitrationMailbox;
import static dev.behalf.policy.directory.RecipientTypeDetails.DiscoveryMailbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Shell column of the seed table, made real: every accepted cell is granted in a small directory
 * (a Target, a Trustee and, for a group trustee, a Member) and shown to be <em>effective</em>; every
 * refused cell is refused by the config loader with the right, the target type and the trustee type.
 */
class GrantEffectTest {

    static List<Cell> acceptedShellCells() {
        return SeedPermissionTable.cells().stream().filter(c -> c.surface() == Surface.Shell && c.accepted()).toList();
    }

    static List<Cell> refusedShellCells() {
        return SeedPermissionTable.cells().stream().filter(c -> c.surface() == Surface.Shell && !c.accepted()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedShellCells")
    void acceptedShellGrantIsEffective(Cell cell) {
        String yaml = cellDirectory(cell, Optional.empty());
        Directory d = load(yaml);
        Recipient target = DemoDirectory.find(d, "Target");
        Recipient trustee = DemoDirectory.find(d, "Trustee");
        boolean viaGroup = trustee.type().isGroup();
        // A group trustee acts through its member; an individual trustee signs in itself.
        Recipient sender = viaGroup ? DemoDirectory.find(d, "Member") : trustee;
        List<String> via = viaGroup ? List.of("Trustee") : List.of();
        SendAttempt attempt = SendAttempt.of(sender.id(), target.primarySmtpAddress().orElseThrow());
        Decision decision = DelegationPolicy.decide(d, attempt);
        String context = cell.id() + "\n directory:\n" + yaml + " attempt: " + sender.name() + " sends From "
                + attempt.from() + "\n decision: " + decision.outcome() + " because " + decision.because();
        if (cell.right() == Right.FullAccess) {
            boolean hidden = cell.target() == ArbitrationMailbox || cell.target() == DiscoveryMailbox;
            Optional<MailboxAccess.Grant> open = MailboxAccess.canOpen(d, sender.id(), target.id());
            if (hidden) {
                // Seed: "If you assign the Full Access permission to a mailbox that's hidden from address
                // lists, the delegate won't be able to open the mailbox."
                assertTrue(open.isEmpty(), context + "\n a hidden mailbox must not open");
                assertEquals(Because.Reason.HIDDEN_FROM, decision.because().reason(), context);
                assertFullAccessOpensOnceUnhidden(cell, sender.name());
            } else {
                MailboxAccess.Grant grant = open.orElseThrow(() -> new AssertionError(context + "\n canOpen is empty"));
                assertEquals(Optional.of("Trustee"), grant.trustee(), context);
                assertEquals(via, grant.viaGroup(), context);
                // Groups never auto-map (spec §8); a direct grant defaults to AutoMapping $true.
                assertEquals(!viaGroup, grant.autoMapped(), context);
                assertEquals(Because.Reason.FULL_ACCESS_ONLY, decision.because().reason(), context);
                assertEquals(Optional.of("Trustee"), decision.because().trustee(), context);
                assertEquals(via, decision.because().viaGroups(), context);
            }
            // Full Access alone never sends (spec §4 step 5).
            Decision.Denied denied = assertInstanceOf(Decision.Denied.class, decision, context);
            assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender",
                    denied.reply(Dialect.EXCHANGE_ONLINE).toString(), context);
            return;
        }
        Outcome expected = cell.right() == Right.SendAs ? Outcome.SendAs : Outcome.SendOnBehalf;
        assertEquals(expected, decision.outcome(), context);
        assertEquals(expected == Outcome.SendAs ? Because.Reason.SEND_AS : Because.Reason.SEND_ON_BEHALF,
                decision.because().reason(), context);
        assertEquals(Optional.of("Target"), decision.because().target(), context);
        assertEquals(Optional.of("Trustee"), decision.because().trustee(), context);
        assertEquals(via, decision.because().viaGroups(), context);
        // Send As and Send on Behalf don't open the mailbox (seed: "Doesn't allow the delegate to read").
        assertTrue(MailboxAccess.canOpen(d, sender.id(), target.id()).isEmpty(), context);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedShellCells")
    void refusedShellGrantIsRefusedByTheLoader(Cell cell) {
        String yaml = cellDirectory(cell, Optional.empty());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(yaml), cell.id() + "\n" + yaml);
        String message = e.getMessage();
        assertTrue(message.contains(cell.right().label()) && message.contains(" a " + cell.target().name() + " ")
                        && message.contains(" to a " + cell.trustee().name() + " "),
                () -> cell.id() + ": the refusal must name the right, the target type and the trustee type:\n" + message);
        assertTrue(message.matches("(?s).*cell\\.yaml:\\d+ .*"), () -> cell.id() + ": the refusal must name file and line:\n" + message);
    }

    private static void assertFullAccessOpensOnceUnhidden(Cell cell, String senderName) {
        String yaml = cellDirectory(cell, Optional.of(false));
        Directory d = load(yaml);
        Recipient sender = DemoDirectory.find(d, senderName);
        Recipient target = DemoDirectory.find(d, "Target");
        assertTrue(MailboxAccess.canOpen(d, sender.id(), target.id()).isPresent(),
                cell.id() + ": with HiddenFromAddressListsEnabled $false the grant opens the mailbox\n" + yaml);
        Decision decision = DelegationPolicy.decide(d, SendAttempt.of(sender.id(), target.primarySmtpAddress().orElseThrow()));
        assertEquals(Because.Reason.FULL_ACCESS_ONLY, decision.because().reason(), cell.id() + "\n" + yaml);
    }

    private static Directory load(String yaml) {
        return DirectoryLoader.parse(Map.of("cell.yaml", yaml));
    }

    /** A directory holding a Target of the cell's target type, a Trustee of its trustee type, and the grant. */
    static String cellDirectory(Cell cell, Optional<Boolean> targetHidden) {
        StringBuilder y = new StringBuilder("""
                organization: { name: Contoso, domain: contoso.com }
                defaults: { password: P@ssw0rd }
                recipients:
                  - { name: Member, type: UserMailbox }
                """);
        y.append("  - { name: Target, type: ").append(cell.target()).append(extras(cell.target(), "target"));
        targetHidden.ifPresent(h -> y.append(", hiddenFromAddressListsEnabled: ").append(h));
        if (cell.right() == Right.SendOnBehalf) {
            y.append(", grantSendOnBehalfTo: [Trustee]");
        }
        y.append(" }\n");
        y.append("  - { name: Trustee, type: ").append(cell.trustee()).append(extras(cell.trustee(), "trustee"));
        if (cell.trustee().hasMembers()) {
            y.append(", members: [Member]");
        }
        y.append(" }\n");
        if (cell.right() == Right.FullAccess) {
            y.append("grants:\n  fullAccess:\n    - { identity: Target, user: Trustee }\n");
        } else if (cell.right() == Right.SendAs) {
            y.append("grants:\n  sendAs:\n    - { identity: Target, trustee: Trustee }\n");
        }
        return y.toString();
    }

    private static String extras(RecipientTypeDetails type, String alias) {
        return ", alias: " + alias + switch (type) {
            case MailUser -> ", externalEmailAddress: " + alias + "@fabrikam.com";
            case LinkedMailbox -> ", linkedMasterAccount: FABRIKAM\\" + alias;
            case DynamicDistributionGroup -> ", includedRecipients: [MailboxUsers]";
            default -> "";
        };
    }
}
