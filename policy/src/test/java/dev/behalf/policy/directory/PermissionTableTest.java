package dev.behalf.policy.directory;

import dev.behalf.policy.seed.SeedPermissionTable;
import dev.behalf.policy.seed.SeedPermissionTable.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every cell of the seed's permission table against {@link PermissionTable#check} (spec §3). */
class PermissionTableTest {

    static List<Cell> cells() {
        return SeedPermissionTable.cells();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void permissionTableCellMatchesTheSeed(Cell cell) {
        Optional<String> refusal = PermissionTable.check(cell.right(), cell.surface(), cell.target(), cell.trustee());
        assertEquals(cell.accepted(), refusal.isEmpty(), () -> cell.id() + " but PermissionTable says "
                + refusal.map(r -> "refused: " + r).orElse("accepted"));
        refusal.ifPresent(message -> {
            // The first clause is the refusal; after ';' come the allowed types, which would match anything.
            String refused = message.substring(0, message.indexOf(';') < 0 ? message.length() : message.indexOf(';'));
            assertTrue(refused.startsWith(cell.right().label() + " "), () -> cell.id() + ": must name the right first: " + message);
            assertTrue(refused.contains(" a " + cell.target().name() + " "), () -> cell.id() + ": must name the target type: " + message);
            assertTrue(refused.contains(" to a " + cell.trustee().name() + " "), () -> cell.id() + ": must name the trustee type: " + message);
            assertTrue(refused.endsWith(" in " + cell.surface().label()), () -> cell.id() + ": must say where: " + message);
        });
    }

    @Test
    void theSeedTableHasEveryCell() {
        assertEquals(3 * 15 * 15 * 2, cells().size());
        assertEquals(15, RecipientTypeDetails.values().length);
    }

    @Test
    void dynamicDistributionGroupsAreNeverTrustees() {
        for (Right right : Right.values()) {
            for (Surface surface : Surface.values()) {
                assertTrue(!PermissionTable.trustees(right, surface).contains(RecipientTypeDetails.DynamicDistributionGroup),
                        right + " in " + surface);
            }
        }
    }

    @Test
    void refusalOfATargetTypeReadsAsOneSentence() {
        assertEquals(Optional.of("Send As can't be granted on a DiscoveryMailbox to a UserMailbox in the Shell; targets allowed there: "
                        + "UserMailbox, LinkedMailbox, RoomMailbox, EquipmentMailbox, SharedMailbox, MailUniversalDistributionGroup, "
                        + "MailUniversalSecurityGroup, DynamicDistributionGroup, GroupMailbox."),
                PermissionTable.check(Right.SendAs, Surface.Shell, RecipientTypeDetails.DiscoveryMailbox, RecipientTypeDetails.UserMailbox));
    }

    @Test
    void refusalOfATrusteeTypeReadsAsOneSentence() {
        assertEquals(Optional.of("Send As on a SharedMailbox can't be granted to a MailUniversalDistributionGroup in the Shell; "
                        + "delegates allowed there: UserMailbox, LinkedMailbox, MailUser, MailUniversalSecurityGroup."),
                PermissionTable.check(Right.SendAs, Surface.Shell, RecipientTypeDetails.SharedMailbox,
                        RecipientTypeDetails.MailUniversalDistributionGroup));
    }
}
