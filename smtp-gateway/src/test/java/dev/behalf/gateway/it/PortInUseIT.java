package dev.behalf.gateway.it;

import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A port another process holds fails the start with the port in its message, and leaves nothing of this
 * Behalf listening: the listeners started before the failing one are closed again.
 */
class PortInUseIT {

    private static ServerSocket occupy() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** The port is free again: nothing of the failed start holds it. */
    private static void assertFree(int port) throws IOException {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, s.getLocalPort());
        }
    }

    @Test
    void anSmtpPortInUseFailsTheStartAndFreesHttpImapAndPop3() throws IOException {
        int http;
        int imap;
        int pop3;
        try (ServerSocket a = occupy(); ServerSocket b = occupy(); ServerSocket c = occupy()) {
            http = a.getLocalPort();
            imap = b.getLocalPort();
            pop3 = c.getLocalPort();
        }
        try (ServerSocket held = occupy()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                try (RunningBehalf b = Behalf.builder().directory(DemoDirectory.load()).smtpPort(held.getLocalPort())
                        .imapPort(imap).pop3Port(pop3).httpPort(http).start()) {
                    throw new AssertionError("started on a port in use");
                }
            });
            assertTrue(e.getMessage().startsWith("could not listen for SMTP on 127.0.0.1:" + held.getLocalPort() + " ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("is the port in use? Choose another, or 0 for any free port"), e.getMessage());
        }
        assertFree(http);
        assertFree(imap);
        assertFree(pop3);
    }

    @Test
    void anHttpPortInUseFailsTheStartAndFreesSmtp() throws IOException {
        int smtp;
        try (ServerSocket a = occupy()) {
            smtp = a.getLocalPort();
        }
        try (ServerSocket held = occupy()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                try (RunningBehalf b = Behalf.builder().directory(DemoDirectory.load()).allPortsEphemeral().smtpPort(smtp)
                        .httpPort(held.getLocalPort()).start()) {
                    throw new AssertionError("started on a port in use");
                }
            });
            assertTrue(e.getMessage().startsWith("could not listen for HTTP on 127.0.0.1:" + held.getLocalPort() + " ("), e.getMessage());
        }
        assertFree(smtp);
    }

    @Test
    void anImapPortInUseReadsTheSame() throws IOException {
        try (ServerSocket held = occupy()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                try (RunningBehalf b = Behalf.builder().directory(DemoDirectory.load()).allPortsEphemeral()
                        .imapPort(held.getLocalPort()).start()) {
                    throw new AssertionError("started on a port in use");
                }
            });
            assertEquals("could not listen for IMAP on 127.0.0.1:" + held.getLocalPort()
                    + "; is the port in use? Choose another, or 0 for any free port", e.getMessage());
        }
    }
}
