package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.seed.DemoDirectory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link CrashIT} kills: delivers, deletes and changes the directory in a loop, printing a
 * line after each call returns (that is, after it was acknowledged). Lines end with " ." so the parent
 * can tell a line cut by the kill from a complete one.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String run = args[1];
        PrintStream out = System.out;
        DataDir data = DataDir.open(dir);
        LiveDirectory live = new LiveDirectory(data.journal().replay(DemoDirectory.load()), data.journal());
        GreenMailStore store = GreenMailStore.builder(live).dataDir(data).build();
        MailboxKey ayla = Demo.mailbox(live, "ayla");
        MailboxKey terry = Demo.mailbox(live, "terrya");
        MailboxKey jim = Demo.mailbox(live, "jimh");
        out.println("ready .");
        out.flush();
        MessageSummary previous = null;
        for (int i = 0; ; i++) {
            String subject = run + "-" + i;
            List<MessageSummary> s = store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", subject),
                    Placement.inbox(ayla), Placement.sentItems(terry), Placement.inbox(jim)));
            out.println("ack " + subject + " " + s.get(0).id() + " " + s.get(1).id() + " " + s.get(2).id() + " .");
            out.flush();
            if (i % 4 == 3) {
                out.println("deleting " + previous.id() + " .");
                out.flush();
                store.delete(previous.id());
                out.println("del " + previous.id() + " .");
                out.flush();
            }
            if (i % 3 == 0) {
                Recipient t = DemoDirectory.find(live.current(), "terrya");
                DemoDirectory.put(live, t.toBuilder().attributes(t.attributes().with("CustomAttribute1", subject)).build(), "crash test " + subject);
                out.println("jack " + subject + " .");
                out.flush();
            }
            previous = s.get(0);
        }
    }
}
