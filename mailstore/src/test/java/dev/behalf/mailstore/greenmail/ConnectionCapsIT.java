package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IMAP and POP3 hold at most 3 connections here, 2 from one address (issue 12.7): one client can't take
 * every slot, a refused connection hears why, and a slot frees when a connection ends. Clients come from
 * 127.0.0.1, .2, .3 and .4 (Linux routes all of 127/8 to loopback).
 */
class ConnectionCapsIT {
    private GreenMailStore store;

    @BeforeEach
    void start() {
        store = GreenMailStore.builder(DemoDirectory.live()).imapPort(0).pop3Port(0).maxConnections(3).maxConnectionsPerIp(2).build().start();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static InetAddress local(int last) throws IOException {
        return InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) last});
    }

    /** Connects from 127.0.0.{last} and returns the greeting line. */
    private static Transcript connect(int port, int last) throws IOException {
        return new Transcript(port, local(last));
    }

    private void capsHold(int port, String ready, String perIp, String total) throws Exception {
        List<Transcript> open = new ArrayList<>();
        try {
            open.add(connect(port, 1));
            open.add(connect(port, 1));
            open.forEach(t -> assertTrue(t.greeting.startsWith(ready), t.greeting));
            try (Transcript third = connect(port, 1)) {
                assertEquals(perIp, third.greeting);
                assertTrue(third.closedByServer());
            }
            open.add(connect(port, 2));
            assertTrue(open.get(2).greeting.startsWith(ready), "another address still gets in: " + open.get(2).greeting);
            try (Transcript fourth = connect(port, 3)) {
                assertEquals(total, fourth.greeting);
                assertTrue(fourth.closedByServer());
            }
            open.remove(0).close();
            // The slot is given back when the server's connection thread ends: poll, bounded.
            String greeting = "";
            for (int attempt = 0; attempt < 200 && !greeting.startsWith(ready); attempt++) {
                try (Transcript again = connect(port, 4)) {
                    greeting = again.greeting;
                }
            }
            assertTrue(greeting.startsWith(ready), greeting);
        } finally {
            for (Transcript t : open) {
                t.close();
            }
        }
    }

    @Test
    void imapCapsConnectionsInAllAndPerAddress() throws Exception {
        capsHold(store.imapPort(), "* OK ",
                "* BYE [LIMIT] Maximum number of connections from IP exceeded (--max-connections-per-ip=2)",
                "* BYE Connection queue full");
    }

    @Test
    void pop3CapsConnectionsInAllAndPerAddress() throws Exception {
        capsHold(store.pop3Port(), "+OK ",
                "-ERR [IN-USE] Maximum number of connections from IP exceeded (--max-connections-per-ip=2)",
                "-ERR Connection queue full");
    }
}
