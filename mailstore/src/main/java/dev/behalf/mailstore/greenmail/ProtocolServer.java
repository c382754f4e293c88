package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;
import dev.behalf.policy.signin.ConnectionCaps;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One of GreenMail's listening servers with Behalf's connection handler: GreenMail's accept loop,
 * bind (port 0 works; {@link #getPort()} reports the bound port) and shutdown, our protocol front end.
 * GreenMail's own {@code ImapServer} is final and builds its handler itself, hence this subclass.
 *
 * <p>GreenMail starts a thread for every connection it accepts, without limit. Here each connection must
 * first get a slot from the listener's {@link ConnectionCaps}; one that doesn't hears the protocol's refusal
 * on the accept thread (a line into a fresh socket's send buffer, which never blocks) and is closed, so
 * one client can neither take every slot nor make the server start threads without end.
 */
final class ProtocolServer extends AbstractServer {
    private final Function<Socket, ProtocolHandler> connections;
    private final ConnectionCaps caps;
    private final Refusals refusals;
    /** The slot of the connection being handed over; touched by the accept thread only. */
    private ConnectionCaps.Admitted admitted;

    /** What a refused connection hears, per cap (a greeting-time {@code * BYE} or {@code -ERR}). */
    record Refusals(String total, String perClient) {
        static final Refusals IMAP = new Refusals("* BYE Connection queue full",
                "* BYE [LIMIT] Maximum number of connections from IP exceeded (--max-connections-per-ip=%d)");
        static final Refusals POP3 = new Refusals("-ERR Connection queue full",
                "-ERR [IN-USE] Maximum number of connections from IP exceeded (--max-connections-per-ip=%d)");

        String line(ConnectionCaps.Refused r) {
            return r.perClient() ? String.format(perClient, r.limit()) : total;
        }
    }

    ProtocolServer(ServerSetup setup, Managers managers, ConnectionCaps caps, Refusals refusals,
                   Function<Socket, ProtocolHandler> connections) {
        super(setup, managers);
        this.connections = connections;
        this.caps = caps;
        this.refusals = refusals;
        // A failed bind ends this thread with an exception GreenMail has already logged and start() reports.
        setUncaughtExceptionHandler((thread, e) -> log.debug("{} stopped: {}", thread.getName(), e.toString()));
    }

    @Override
    protected void handleClientSocket(Socket clientSocket) throws SocketException {
        ConnectionCaps.Admission admission = caps.admit(clientSocket.getInetAddress());
        if (admission instanceof ConnectionCaps.Refused refused) {
            refuse(clientSocket, refusals.line(refused));
            return;
        }
        admitted = (ConnectionCaps.Admitted) admission;
        try {
            super.handleClientSocket(clientSocket);
        } catch (SocketException | RuntimeException e) {
            admitted.close();
            throw e;
        } finally {
            admitted = null;
        }
    }

    private void refuse(Socket socket, String line) {
        log.warn("refused a {} connection from {}: {}", getName(), socket.getInetAddress().getHostAddress(), line);
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            log.debug("could not tell {} it was refused: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        // GreenMail writes and flushes a reply a line at a time (untagged lines, then the tagged one). With
        // Nagle's algorithm on, every line after the first waits for the client's delayed ACK (40 ms on
        // Linux), so even a NOOP took over 40 ms; the bytes sent are the same either way.
        try {
            clientSocket.setTcpNoDelay(true);
        } catch (SocketException e) {
            log.debug("TCP_NODELAY not set for {}: {}", clientSocket.getRemoteSocketAddress(), e.toString());
        }
        ProtocolHandler handler = connections.apply(clientSocket);
        ConnectionCaps.Admitted slot = admitted;
        return new ProtocolHandler() {
            @Override
            public void run() {
                try {
                    handler.run();
                } finally {
                    slot.close();
                }
            }

            @Override
            public void close() {
                handler.close();
            }
        };
    }
}
