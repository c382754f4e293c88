package dev.behalf.shell.internal.language;

import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.shell.DemoShell;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The working copy one command line runs against. */
class ExecutionContextTest {
    private final DemoShell demo = new DemoShell();

    @Test
    void aLineTouchingOneRecipientTwiceJournalsItsFinalStateOnce() {
        ExecutionContext context = new ExecutionContext(demo.directory(), prompt -> true);
        Recipient sean = demo.get("seanc");
        Recipient last = sean.toBuilder().displayName("Sean B").build();

        context.put(sean.toBuilder().displayName("Sean A").build());
        context.put(demo.get("hollyh").toBuilder().displayName("Holly").build());
        context.put(last);

        assertEquals(2, context.changes().size());
        assertEquals(new DirectoryChange.Put(last), context.changes().get(0));
        assertEquals("Sean B", context.directory().require(sean.id()).displayName());
    }
}
