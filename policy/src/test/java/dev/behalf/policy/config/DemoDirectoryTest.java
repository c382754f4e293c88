package dev.behalf.policy.config;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.identity.Resolution;
import dev.behalf.policy.routing.Route;
import dev.behalf.policy.routing.Router;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class DemoDirectoryTest {
    static final Path CONFIG = DemoDirectory.CONFIG;

    @Test
    void demoDirectoryHasEveryRecipientTypeOfTheSeedTable() {
        Directory d = DirectoryLoader.load(CONFIG);
        Set<RecipientTypeDetails> types = d.recipients().stream().map(Recipient::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecipientTypeDetails.class)));
        assertEquals(EnumSet.allOf(RecipientTypeDetails.class), types);
    }

    @Test
    void everyMailEnabledObjectHasAliasAtContosoAsPrimaryAddress() {
        Directory d = DirectoryLoader.load(CONFIG);
        for (Recipient r : d.recipients()) {
            if (r.type().isMailEnabled()) {
                assertEquals(new SmtpAddress(r.alias(), "contoso.com"), r.primarySmtpAddress().orElseThrow(), r.name());
            }
        }
    }

    @Test
    void accountsThatCanSignInHaveTheDocumentedPassword() {
        Directory d = DirectoryLoader.load(CONFIG);
        for (Recipient r : d.recipients()) {
            if (r.type().canSignIn()) {
                assertTrue(r.account().orElseThrow().password().orElseThrow().matches("P@ssw0rd"), r.name());
            } else {
                assertFalse(r.canSignIn(), r.name() + " must not sign in");
            }
        }
    }

    @Test
    void systemMailboxesAreHiddenAndEveryoneElseIsNot() {
        Directory d = DirectoryLoader.load(CONFIG);
        Recipient discovery = found(d, "DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}");
        assertTrue(discovery.hiddenFromAddressLists());
        assertEquals(RecipientTypeDetails.DiscoveryMailbox, discovery.type());
        assertFalse(found(d, "Terry Adams").hiddenFromAddressLists());
    }

    @Test
    void allEmployeesReachesEveryUserMailboxAndNothingElse() {
        Directory d = DirectoryLoader.load(CONFIG);
        Route route = Router.route(d, SmtpAddress.parse("allemployees@contoso.com"));
        Route.ToGroup group = assertInstanceOf(Route.ToGroup.class, route);
        Set<String> reached = group.mailboxes().stream().map(Recipient::alias).collect(Collectors.toSet());
        Set<String> users = d.recipients().stream().filter(r -> r.type() == RecipientTypeDetails.UserMailbox)
                .map(Recipient::alias).collect(Collectors.toSet());
        assertEquals(15, users.size());
        assertEquals(users, reached);
    }

    private static Recipient found(Directory d, String identity) {
        return assertInstanceOf(Resolution.Found.class, d.resolve(identity)).recipient();
    }
}
