package dev.behalf.policy.directory;

import dev.behalf.policy.change.Grant;
import dev.behalf.policy.change.GrantEdit;
import dev.behalf.policy.change.GrantEditor;
import dev.behalf.policy.config.ConfigProblem;
import dev.behalf.policy.config.InvalidConfigException;
import dev.behalf.policy.routing.Route;
import dev.behalf.policy.routing.Router;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Microsoft 365 Groups (GroupMailbox) in the directory: members and owners as the YAML gives them, who
 * may be their delegates, and where mail to one goes. The decisions on them are rows of
 * {@code seed/decisions.yaml} (the one rule for every target).
 */
class UnifiedGroupTest {
    private final Directory demo = DemoDirectory.load();

    private Recipient get(String identity) {
        return DemoDirectory.find(demo, identity);
    }

    @Test
    void theDemoGroupHasItsOwnerAmongItsMembers() {
        Recipient marketing = get("Marketing");
        assertEquals(RecipientTypeDetails.GroupMailbox, marketing.type());
        assertEquals("MailUniversalDistributionGroup", marketing.type().recipientType());
        assertEquals(List.of(get("felipea").id()), marketing.owners());
        assertEquals(List.of(get("raymonds").id(), get("estherv").id(), get("leeg").id(), get("felipea").id()), marketing.members(),
                "the YAML's members, then the owners not listed as members");
        assertEquals(List.of(get("raymonds").id()), marketing.grantSendOnBehalfTo());
        assertEquals(List.of(new SendAsEntry(get("estherv").id(), AccessControl.Allow)), marketing.sendAs());
    }

    @Test
    void mailToTheGroupReachesEveryMemberAndCapturesTheGuest() {
        Route route = Router.route(demo, SmtpAddress.parse("marketing@contoso.com"));
        Route.ToGroup group = assertInstanceOf(Route.ToGroup.class, route);
        assertEquals(List.of("Raymond Sam", "Esther Valle", "Felipe Apodaca"), group.mailboxes().stream().map(Recipient::name).toList());
        assertEquals(List.of(SmtpAddress.parse("lee.gu@fabrikam.com")), group.external());
    }

    @Test
    void onlyMailboxUsersAreDelegatesOfAGroupOnEverySurface() {
        for (Surface surface : Surface.values()) {
            for (Right right : List.of(Right.SendAs, Right.SendOnBehalf)) {
                for (RecipientTypeDetails trustee : RecipientTypeDetails.values()) {
                    boolean allowed = trustee == RecipientTypeDetails.UserMailbox || trustee == RecipientTypeDetails.LinkedMailbox;
                    assertEquals(allowed, PermissionTable.check(right, surface, RecipientTypeDetails.GroupMailbox, trustee).isEmpty(),
                            right + " to " + trustee + " in " + surface);
                }
            }
        }
        assertEquals(Optional.of("Send on Behalf on a GroupMailbox can't be granted to a MailUser in the Shell; delegates allowed there: "
                        + "UserMailbox, LinkedMailbox."),
                PermissionTable.check(Right.SendOnBehalf, Surface.Shell, RecipientTypeDetails.GroupMailbox, RecipientTypeDetails.MailUser));
    }

    @Test
    void fullAccessIsNotGrantedOnAGroupMailbox() {
        String refusal = PermissionTable.check(Right.FullAccess, Surface.Shell, RecipientTypeDetails.GroupMailbox,
                RecipientTypeDetails.UserMailbox).orElseThrow();
        assertTrue(refusal.startsWith("Full Access can't be granted on a GroupMailbox to a UserMailbox in the Shell;"), refusal);
    }

    @Test
    void aGroupIsRefusedAsDelegateByTheOneGrantEditor() {
        GrantEdit edit = GrantEditor.add(Surface.Shell, new GrantEditor.Named(get("Marketing"), "Marketing"),
                Grant.allow(Right.SendOnBehalf), new GrantEditor.Named(get("Helpdesk"), "Helpdesk"));
        GrantEdit.Refused refused = assertInstanceOf(GrantEdit.Refused.class, edit);
        assertEquals("Can't grant Send on Behalf on 'Marketing' (GroupMailbox) to 'Helpdesk' (MailUniversalSecurityGroup): "
                + "Send on Behalf on a GroupMailbox can't be granted to a MailUniversalSecurityGroup in the Shell; delegates allowed there: "
                + "UserMailbox, LinkedMailbox.", refused.refusal().text());
    }

    @Test
    void removingAnOwnerTakesItOutOfOwnersAndMembers() {
        Directory after = demo.apply(List.of(new DirectoryChange.Remove(get("felipea").id())));
        Recipient marketing = DemoDirectory.find(after, "Marketing");
        assertEquals(List.of(), marketing.owners());
        assertFalse(marketing.members().contains(get("felipea").id()));
    }

    @Test
    void anOwnerMustBeAMember() {
        Recipient marketing = get("Marketing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> marketing.toBuilder().owners(List.of(get("terrya").id())).build());
        assertTrue(e.getMessage().contains("only members can be owners of a group"), e.getMessage());
    }

    @Test
    void theYamlRefusesOwnersOfOtherKindsGroupsAsMembersAndGuestsAsOwners() {
        List<String> problems = problems("""
                recipients:
                  - { name: Team A, alias: teama, type: MailUniversalDistributionGroup, owners: [Terry Adams] }
                  - { name: Team B, alias: teamb, type: GroupMailbox, members: [Helpdesk] }
                  - { name: Team C, alias: teamc, type: GroupMailbox, owners: [Lee Gu] }
                  - { name: Team D, alias: teamd, type: MailUniversalDistributionGroup, members: [Marketing] }
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("recipients[0].owners") && p.contains("only a GroupMailbox")), problems.toString());
        assertEquals(1, problems.size(), "the first pass stops at the field problem: " + problems);
        List<String> links = problems("""
                recipients:
                  - { name: Team B, alias: teamb, type: GroupMailbox, members: [Helpdesk] }
                  - { name: Team C, alias: teamc, type: GroupMailbox, owners: [Lee Gu] }
                  - { name: Team D, alias: teamd, type: MailUniversalDistributionGroup, members: [Marketing] }
                """);
        assertTrue(links.stream().anyMatch(p -> p.contains("'Helpdesk' (MailUniversalSecurityGroup) can't be a member of the Microsoft 365 Group 'Team B'")),
                links.toString());
        assertTrue(links.stream().anyMatch(p -> p.contains("'Lee Gu' (MailUser) can't own 'Team C'")), links.toString());
        assertTrue(links.stream().anyMatch(p -> p.contains("the Microsoft 365 Group 'Marketing' can't be a member of 'Team D'")), links.toString());
    }

    private static List<String> problems(String yaml) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> DemoDirectory.with(yaml));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }
}
