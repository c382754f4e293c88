package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;

import java.net.Socket;
import java.net.SocketException;
import java.util.function.Function;

/**
 * One of GreenMail's listening servers with Behalf's connection handler: GreenMail's accept loop,
 * bind (port 0 works; {@link #getPort()} reports the bound port) and shutdown, our protocol front end.
 * GreenMail's own {@code ImapServer} is final and builds its handler itself, hence this subclass.
 */
final class ProtocolServer extends AbstractServer {
    private final Function<Socket, ProtocolHandler> connections;

    ProtocolServer(ServerSetup setup, Managers managers, Function<Socket, ProtocolHandler> connections) {
        super(setup, managers);
        this.connections = connections;
        // A failed bind ends this thread with an exception GreenMail has already logged and start() reports.
        setUncaughtExceptionHandler((thread, e) -> log.debug("{} stopped: {}", thread.getName(), e.toString()));
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
        return connections.apply(clientSocket);
    }
}
