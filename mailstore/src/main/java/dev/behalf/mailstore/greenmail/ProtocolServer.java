package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;

import java.net.Socket;
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
        return connections.apply(clientSocket);
    }
}
