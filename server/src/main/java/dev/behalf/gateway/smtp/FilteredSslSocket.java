package dev.behalf.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.function.UnaryOperator;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The TLS socket STARTTLS makes, with its decrypted input passed through a filter: {@link LongAuthLines}
 * must see AUTH lines after STARTTLS too, and SubEthaSMTP takes the socket as an {@code SSLSocket} (it
 * calls {@code startHandshake} and {@code getSession} on it), so the filter can only be put in by wrapping
 * one. Everything else is the wrapped socket's: a {@code Socket} method not overridden here would answer
 * for this unconnected shell instead.
 */
final class FilteredSslSocket extends SSLSocket {
    private final SSLSocket tls;
    private final UnaryOperator<InputStream> filter;
    private final Runnable onClose;
    private InputStream in;

    FilteredSslSocket(SSLSocket tls, UnaryOperator<InputStream> filter, Runnable onClose) {
        this.tls = tls;
        this.filter = filter;
        this.onClose = onClose;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = filter.apply(tls.getInputStream());
        }
        return in;
    }

    @Override public OutputStream getOutputStream() throws IOException { return tls.getOutputStream(); }
    @Override public void close() throws IOException { onClose.run(); tls.close(); }
    @Override public boolean isClosed() { return tls.isClosed(); }
    @Override public boolean isConnected() { return tls.isConnected(); }
    @Override public boolean isBound() { return tls.isBound(); }
    @Override public boolean isInputShutdown() { return tls.isInputShutdown(); }
    @Override public boolean isOutputShutdown() { return tls.isOutputShutdown(); }
    @Override public void shutdownInput() throws IOException { tls.shutdownInput(); }
    @Override public void shutdownOutput() throws IOException { tls.shutdownOutput(); }
    @Override public InetAddress getInetAddress() { return tls.getInetAddress(); }
    @Override public InetAddress getLocalAddress() { return tls.getLocalAddress(); }
    @Override public int getPort() { return tls.getPort(); }
    @Override public int getLocalPort() { return tls.getLocalPort(); }
    @Override public SocketAddress getRemoteSocketAddress() { return tls.getRemoteSocketAddress(); }
    @Override public SocketAddress getLocalSocketAddress() { return tls.getLocalSocketAddress(); }
    @Override public void setSoTimeout(int timeout) throws SocketException { tls.setSoTimeout(timeout); }
    @Override public int getSoTimeout() throws SocketException { return tls.getSoTimeout(); }
    @Override public void setTcpNoDelay(boolean on) throws SocketException { tls.setTcpNoDelay(on); }
    @Override public boolean getTcpNoDelay() throws SocketException { return tls.getTcpNoDelay(); }
    @Override public void setKeepAlive(boolean on) throws SocketException { tls.setKeepAlive(on); }
    @Override public boolean getKeepAlive() throws SocketException { return tls.getKeepAlive(); }
    @Override public void setSoLinger(boolean on, int linger) throws SocketException { tls.setSoLinger(on, linger); }
    @Override public int getSoLinger() throws SocketException { return tls.getSoLinger(); }
    @Override public String toString() { return tls.toString(); }

    @Override public String[] getSupportedCipherSuites() { return tls.getSupportedCipherSuites(); }
    @Override public String[] getEnabledCipherSuites() { return tls.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { tls.setEnabledCipherSuites(suites); }
    @Override public String[] getSupportedProtocols() { return tls.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return tls.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] protocols) { tls.setEnabledProtocols(protocols); }
    @Override public SSLSession getSession() { return tls.getSession(); }
    @Override public SSLSession getHandshakeSession() { return tls.getHandshakeSession(); }
    @Override public void addHandshakeCompletedListener(HandshakeCompletedListener l) { tls.addHandshakeCompletedListener(l); }
    @Override public void removeHandshakeCompletedListener(HandshakeCompletedListener l) { tls.removeHandshakeCompletedListener(l); }
    @Override public void startHandshake() throws IOException { tls.startHandshake(); }
    @Override public void setUseClientMode(boolean mode) { tls.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return tls.getUseClientMode(); }
    @Override public void setNeedClientAuth(boolean need) { tls.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return tls.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { tls.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return tls.getWantClientAuth(); }
    @Override public void setEnableSessionCreation(boolean flag) { tls.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return tls.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return tls.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters params) { tls.setSSLParameters(params); }
    @Override public String getApplicationProtocol() { return tls.getApplicationProtocol(); }
    @Override public String getHandshakeApplicationProtocol() { return tls.getHandshakeApplicationProtocol(); }
}
