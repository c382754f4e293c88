package dev.behalf.policy.change;

import dev.behalf.policy.change.GrantEditor.Named;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.Surface;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one grant-editing API: the same entries for both surfaces, each surface's rules and words. */
class GrantEditorTest {
    private final Directory demo = DemoDirectory.load();

    private Recipient get(String identity) {
        return DemoDirectory.find(demo, identity);
    }

    private Named eac(String identity) {
        return Named.byDisplayName(get(identity));
    }

    private Named typed(String identity) {
        return new Named(get(identity), identity);
    }

    private static GrantEdit.Accepted accepted(GrantEdit edit) {
        return assertInstanceOf(GrantEdit.Accepted.class, edit);
    }

    private static GrantRefusal refused(GrantEdit edit) {
        return assertInstanceOf(GrantEdit.Refused.class, edit).refusal();
    }

    @Test
    void addingSendAsAppendsOneEntryAndIsOnePut() {
        GrantEdit.Accepted edit = accepted(GrantEditor.add(Surface.EAC, eac("terrya"), Grant.allow(Right.SendAs), eac("raymonds")));

        assertEquals(List.of(SendAsEntry.allow(get("raymonds").id())), edit.after().sendAs());
        assertEquals(List.of(), edit.warnings());
        assertEquals(Optional.of(new DirectoryChange.Put(edit.after())), edit.change());
        assertSame(get("terrya"), edit.before());
    }

    @Test
    void bothSurfacesMakeTheSameEntriesFromTheSameGrant() {
        for (Right right : Right.values()) {
            Grant grant = Grant.allow(right);
            Recipient byShell = accepted(GrantEditor.add(Surface.Shell, typed("terrya"), grant, typed("raymonds"))).after();
            Recipient byEac = accepted(GrantEditor.add(Surface.EAC, eac("terrya"), grant, eac("raymonds"))).after();
            assertEquals(byShell, byEac, right.toString());
        }
    }

    @Test
    void anEntryAlreadyThereIsAWarningInEachSurfacesWordsAndNoChange() {
        Grant sendAs = Grant.allow(Right.SendAs);
        GrantEdit.Accepted shell = accepted(GrantEditor.add(Surface.Shell, typed("James Alvord"), sendAs, typed("pilarp")));
        GrantEdit.Accepted eac = accepted(GrantEditor.add(Surface.EAC, eac("James Alvord"), sendAs, eac("pilarp")));

        assertFalse(shell.changed());
        assertEquals(Optional.empty(), shell.change());
        assertEquals(List.of(new GrantWarning.AlreadyPresent(Surface.Shell, Right.SendAs, typed("James Alvord"), typed("pilarp"))),
                shell.warnings());
        assertEquals("The appropriate access control entry is already present on the object \"James Alvord\" for account \"pilarp\".",
                shell.warnings().get(0).text());
        assertEquals("Pilar Pinilla already has Send As on James Alvord: the appropriate access control entry is already present"
                + " on the object.", eac.warnings().get(0).text());
    }

    @Test
    void removingAnEntryThatIsNotThereIsAWarningAndNoChange() {
        GrantEdit.Accepted shell = accepted(GrantEditor.remove(Surface.Shell, typed("ayla"), Grant.allow(Right.SendAs), typed("raymonds")));
        GrantEdit.Accepted eac = accepted(GrantEditor.remove(Surface.EAC, eac("ayla"), Grant.allow(Right.SendAs), eac("raymonds")));

        assertFalse(shell.changed());
        assertEquals("Can't remove the access control entry on the object \"ayla\" for account \"raymonds\" because the ACE"
                + " doesn't exist on the object.", shell.warnings().get(0).text());
        assertEquals("Raymond Sam has no Send As on Ayla Kol to remove.", eac.warnings().get(0).text());
    }

    @Test
    void theSurfaceChoosesTheColumnOfThePermissionTable() {
        // Send on Behalf on a shared mailbox: Shell only (spec §3).
        assertTrue(accepted(GrantEditor.add(Surface.Shell, typed("executives"), Grant.allow(Right.SendOnBehalf), typed("hollyh"))).changed());
        GrantRefusal refusal = refused(GrantEditor.add(Surface.EAC, eac("executives"), Grant.allow(Right.SendOnBehalf), eac("hollyh")));

        assertInstanceOf(GrantRefusal.NotOnSurface.class, refusal);
        assertTrue(refusal.text().startsWith("Send on Behalf can't be granted on a SharedMailbox to a UserMailbox in the EAC;"),
                refusal.text());
    }

    @Test
    void aShellRefusalNamesTheTargetTheTrusteeAndTheirTypes() {
        GrantRefusal refusal = refused(GrantEditor.add(Surface.Shell, typed("terrya"), Grant.allow(Right.SendAs), typed("buildsvc")));

        assertEquals("Can't grant Send As on 'Terry Adams' (UserMailbox) to 'Build Service' (User): Send As on a UserMailbox can't"
                + " be granted to a User in the Shell; delegates allowed there: UserMailbox, LinkedMailbox, MailUser,"
                + " MailUniversalSecurityGroup.", refusal.text());
    }

    @Test
    void inTheEacAMailboxCantBeItsOwnDelegateInTheShellItCan() {
        GrantRefusal refusal = refused(GrantEditor.add(Surface.EAC, eac("terrya"), Grant.allow(Right.SendAs), eac("terrya")));

        assertEquals(new GrantRefusal.OwnDelegate(eac("terrya")), refusal);
        assertEquals("Terry Adams can't be its own delegate", refusal.text());
        assertTrue(accepted(GrantEditor.add(Surface.Shell, typed("terrya"), Grant.allow(Right.SendAs), typed("terrya"))).changed());
    }

    @Test
    void removingInTheEacNeedsATargetTypeTheEacOffersTheRightOn() {
        Directory withShellGrant = DemoDirectory.grantSendOnBehalf(demo, "executives", List.of("hollyh"));
        Named executives = Named.byDisplayName(DemoDirectory.find(withShellGrant, "executives"));
        Named holly = Named.byDisplayName(DemoDirectory.find(withShellGrant, "hollyh"));

        GrantRefusal refusal = refused(GrantEditor.remove(Surface.EAC, executives, Grant.allow(Right.SendOnBehalf), holly));
        assertTrue(refusal.text().startsWith("Send on Behalf can't be granted on a SharedMailbox"), refusal.text());
        GrantEdit.Accepted shell = accepted(GrantEditor.remove(Surface.Shell, executives, Grant.allow(Right.SendOnBehalf), holly));
        assertEquals(List.of(), shell.after().grantSendOnBehalfTo());
    }

    @Test
    void anAllowNextToADenyWarnsInTheEacOnly() {
        Recipient yan = get("yanli");
        Recipient karen = get("karent");
        Recipient denied = yan.toBuilder().sendAs(List.of(new SendAsEntry(karen.id(), AccessControl.Deny))).build();
        Named target = Named.byDisplayName(denied);
        Named trustee = Named.byDisplayName(karen);

        GrantEdit.Accepted eac = accepted(GrantEditor.add(Surface.EAC, target, Grant.allow(Right.SendAs), trustee));
        assertEquals(List.of("A Deny entry for Karen Toh on Yan Li still refuses Send As (Deny beats Allow); remove it in the Shell."),
                eac.warnings().stream().map(GrantWarning::text).toList());
        assertEquals(List.of(), accepted(GrantEditor.add(Surface.Shell, target, Grant.allow(Right.SendAs), trustee)).warnings());
    }

    @Test
    void aDenyEntryIsItsOwnEntryBesideAnAllow() {
        GrantEdit.Accepted edit = accepted(GrantEditor.add(Surface.Shell, typed("James Alvord"),
                Grant.of(Right.SendAs, AccessControl.Deny), typed("pilarp")));

        assertEquals(List.of(SendAsEntry.allow(get("pilarp").id()), new SendAsEntry(get("pilarp").id(), AccessControl.Deny)),
                edit.after().sendAs());
        GrantEdit.Accepted removed = accepted(GrantEditor.remove(Surface.Shell, new Named(edit.after(), "James Alvord"),
                Grant.of(Right.SendAs, AccessControl.Deny), typed("pilarp")));
        assertEquals(List.of(SendAsEntry.allow(get("pilarp").id())), removed.after().sendAs());
    }

    @Test
    void reAddingFullAccessChangesOnlyAnAutoMappingThatWasGiven() {
        Grant fullAccess = Grant.allow(Right.FullAccess);
        assertFalse(accepted(GrantEditor.add(Surface.Shell, typed("ayla"), fullAccess, typed("jimh"))).changed());
        assertFalse(accepted(GrantEditor.add(Surface.Shell, typed("ayla"), fullAccess.autoMapping(true), typed("jimh"))).changed());

        GrantEdit.Accepted off = accepted(GrantEditor.add(Surface.Shell, typed("ayla"), fullAccess.autoMapping(false), typed("jimh")));
        assertEquals(List.of(new FullAccessEntry(get("jimh").id(), AccessControl.Allow, InheritanceType.All, false)), off.after().fullAccess());
        assertEquals(List.of(), off.warnings());
    }

    @Test
    void removingFullAccessWithoutAnInheritanceRemovesEveryInheritance() {
        Recipient ayla = get("ayla");
        Recipient two = ayla.toBuilder().fullAccess(List.of(FullAccessEntry.allow(get("jimh").id()),
                new FullAccessEntry(get("jimh").id(), AccessControl.Allow, InheritanceType.None, true))).build();

        GrantEdit.Accepted only = accepted(GrantEditor.remove(Surface.Shell, new Named(two, "ayla"),
                Grant.allow(Right.FullAccess).inheritance(InheritanceType.None), typed("jimh")));
        assertEquals(List.of(FullAccessEntry.allow(get("jimh").id())), only.after().fullAccess());
        GrantEdit.Accepted all = accepted(GrantEditor.remove(Surface.Shell, new Named(two, "ayla"), Grant.allow(Right.FullAccess), typed("jimh")));
        assertEquals(List.of(), all.after().fullAccess());
    }

    @Test
    void aGrantRefusesFieldsItsRightDoesNotHave() {
        assertThrows(IllegalArgumentException.class, () -> Grant.of(Right.SendOnBehalf, AccessControl.Deny));
        assertThrows(IllegalArgumentException.class, () -> Grant.allow(Right.SendAs).inheritance(InheritanceType.All));
        assertThrows(IllegalArgumentException.class, () -> Grant.allow(Right.SendOnBehalf).autoMapping(false));
    }
}
