package dev.behalf.gateway.smtp;

import dev.behalf.policy.signin.SaslExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets an AUTH line be as long as RFC 4954 §4 allows (12,288 octets) on the plain SMTP port, where
 * SubEthaSMTP reads every line through a reader with a fixed 998-character limit ({@code CRLFTerminatedReader},
 * not configurable). An XOAUTH2 response carries a JWT of 1.5 to 3 KB, so without this no OAuth2 client could
 * sign in: Jakarta Mail and Python's smtplib send it as the initial response of {@code AUTH XOAUTH2}.
 *
 * <p>Before SubEthaSMTP sees the bytes, an {@code AUTH} command line (or a response line of its exchange:
 * one for PLAIN and XOAUTH2 without an initial response, LOGIN's username and password, as {@link SaslExchange}
 * steps them) too long for SubEthaSMTP (998 characters or more: its reader refuses a line once it holds 998) has its SASL
 * response replaced by {@link #MARKER} and kept here for the connection; {@link DirectoryAuthenticator} takes it
 * back. Only the sign-in phase is touched: once the client sends a line that SubEthaSMTP runs as {@code MAIL},
 * {@code STARTTLS} (whose TLS bytes must pass untouched), {@code DATA} or {@code BDAT} (which command a line is,
 * and its words, are {@link SmtpCommandLine}'s, SubEthaSMTP's own rule), the stream is passed through as it is.
 * Longer lines, and every other line, are left to
 * SubEthaSMTP's own limit. After STARTTLS the TLS socket's decrypted input is filtered the same way
 * ({@link #afterStartTls}), and so is every connection of the implicit-TLS port ({@link #tlsServerSocket}).
 */
final class LongAuthLines {
    /** Not base64, so a client that sends it itself gets an unreadable response, not someone else's. */
    static final String MARKER = "*behalf-long-auth-response*";
    /** The characters at which SubEthaSMTP's {@code CRLFTerminatedReader} refuses a line. */
    static final int SUBETHA_LIMIT = 998;
    static final int AUTH_LIMIT = 12288;

    private final Map<SocketAddress, String> kept = new ConcurrentHashMap<>();

    /** An unbound server socket whose connections filter their input as described; SubEthaSMTP binds it. */
    ServerSocket serverSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                // Without an impl of its own, as ServerSocket.accept() makes its sockets: a Socket made with one has it
                // replaced by the accepted connection's, after an option copy that throws and catches a SocketException.
                Socket s = new Socket((SocketImpl) null) {
                    private InputStream in;

                    @Override
                    public synchronized InputStream getInputStream() throws IOException {
                        if (in == null) {
                            in = new Filter(super.getInputStream(), getRemoteSocketAddress());
                        }
                        return in;
                    }

                    @Override
                    public synchronized void close() throws IOException {
                        kept.remove(getRemoteSocketAddress());
                        super.close();
                    }
                };
                implAccept(s);
                return s;
            }
        };
    }

    /** The TLS socket of a STARTTLS on the plain port, its decrypted input filtered as the plain one was. */
    javax.net.ssl.SSLSocket afterStartTls(javax.net.ssl.SSLSocket tls) {
        SocketAddress client = tls.getRemoteSocketAddress();
        return new FilteredSslSocket(tls, in -> new Filter(in, client), () -> kept.remove(client));
    }

    /**
     * An unbound server socket for the implicit-TLS port: each connection is TLS from its first byte (the
     * handshake runs on the session's first read, as an {@code SSLServerSocket}'s do), filtered as above.
     */
    ServerSocket tlsServerSocket(javax.net.ssl.SSLContext context) throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket plain = new Socket((SocketImpl) null) {
                };
                implAccept(plain);
                try {
                    InetSocketAddress remote = (InetSocketAddress) plain.getRemoteSocketAddress();
                    javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                            .createSocket(plain, remote.getHostString(), remote.getPort(), true);
                    tls.setUseClientMode(false);
                    return afterStartTls(tls);
                } catch (IOException | RuntimeException e) {
                    plain.close();
                    throw e;
                }
            }
        };
    }

    /** The exchange still open after {@code step}: one that asked for another line. */
    private static SaslExchange open(SaslExchange exchange, SaslExchange.Step step) {
        return step instanceof SaslExchange.Challenge ? exchange : null;
    }

    /** The response a line carried, when SubEthaSMTP got the marker in its place. */
    String restore(InetSocketAddress client, String response) {
        if (!response.strip().equals(MARKER)) {
            return response;
        }
        return Optional.ofNullable(kept.remove(client)).orElse(response);
    }

    /**
     * Buffered, because the sign-in phase reads to line ends: unbuffered, that is a system call per byte of EHLO
     * and AUTH. Bytes read ahead (a pipelining client's next commands) stay in this buffer, which every later
     * read, TLS's included, goes through. Its own buffer, not a {@code BufferedInputStream}: that one's
     * {@code read(byte[], int, int)} asks the socket's {@code available()} (an {@code ioctl}) after every read
     * that fills less than asked, which was five system calls per message of the session's reads.
     *
     * <p>Lines are found by scanning the buffer, not a byte at a time through a method and a
     * {@code ByteArrayOutputStream}: that reading was the JIT's largest work on a new connection's path (2.4 s of
     * C2 time over 12,000 connections, {@code bench/jit-compiles.sh}, three compiles each with the socket's read
     * inlined), more than all of bare SubEthaSMTP's.
     */
    private final class Filter extends InputStream {
        private static final byte[] NONE = new byte[0];

        private final InputStream in;
        private final SocketAddress client;
        private byte[] ahead = new byte[4096];
        private int aheadPos;
        private int aheadEnd;
        private final byte[] one = new byte[1];
        private boolean passThrough;
        /** The SASL exchange the next line answers, stepped as the authenticator steps it; null when none is open. */
        private SaslExchange exchange;
        private byte[] pending = NONE;
        private int pos;

        Filter(InputStream in, SocketAddress client) {
            this.in = in;
            this.client = client;
        }

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (pos < pending.length) {
                return fromPending(b, off, len);
            }
            if (passThrough) {
                if (aheadPos < aheadEnd) {
                    int n = Math.min(len, aheadEnd - aheadPos);
                    System.arraycopy(ahead, aheadPos, b, off, n);
                    aheadPos += n;
                    return n;
                }
                return in.read(b, off, len);
            }
            return readSigningIn(b, off, len);
        }

        /**
         * One line at a time while signing in: the commands are short, and a client waits for each reply. A method
         * of its own so that the JIT's compile of {@link #read(byte[], int, int)}, which every DATA byte goes
         * through, is only the pass-through above; and it does not call {@code read} again (the JIT inlined that
         * recursion, the socket's read path with it, twice over).
         */
        private int readSigningIn(byte[] b, int off, int len) throws IOException {
            int end = lineEnd();
            if (end == aheadPos) {
                return -1;
            }
            byte[] raw = java.util.Arrays.copyOfRange(ahead, aheadPos, end);
            aheadPos = end;
            if (raw[raw.length - 1] != '\n') {
                // Past even AUTH's limit (or the end of the stream): SubEthaSMTP refuses it and ends the session,
                // and no later fragment of the line may be taken for a command here.
                passThrough = true;
                pending = raw;
            } else {
                pending = rewrite(raw);
            }
            pos = 0;
            return fromPending(b, off, len);
        }

        private int fromPending(byte[] b, int off, int len) {
            int n = Math.min(len, pending.length - pos);
            System.arraycopy(pending, pos, b, off, n);
            pos += n;
            return n;
        }

        /**
         * Where the line at {@code aheadPos} ends in the buffer (after its LF), reading more as needed; where the
         * bytes end instead when the stream ends first or the line passes {@code AUTH_LIMIT + 2} octets without one.
         */
        private int lineEnd() throws IOException {
            int i = aheadPos;
            while (true) {
                while (i < aheadEnd) {
                    if (ahead[i++] == '\n' || i - aheadPos > AUTH_LIMIT + 2) {
                        return i;
                    }
                }
                if (aheadEnd == ahead.length) {
                    if (aheadPos > 0) {
                        int held = aheadEnd - aheadPos;
                        System.arraycopy(ahead, aheadPos, ahead, 0, held);
                        i -= aheadPos;
                        aheadPos = 0;
                        aheadEnd = held;
                    } else {
                        // At most 16 KiB: a line is handed over once it passes AUTH_LIMIT + 2 octets.
                        ahead = java.util.Arrays.copyOf(ahead, ahead.length * 2);
                    }
                }
                int n = in.read(ahead, aheadEnd, ahead.length - aheadEnd);
                if (n <= 0) {
                    return i;
                }
                aheadEnd += n;
            }
        }

        /** What is held here, else the socket's estimate (STARTTLS refuses a client that sent more after it). */
        @Override
        public int available() throws IOException {
            int held = (pending.length - pos) + (aheadEnd - aheadPos);
            return held > 0 ? held : in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private byte[] rewrite(byte[] raw) {
            // The line (always whole here: it ends in LF) as SubEthaSMTP will read it: UTF-8, without its line end.
            int end = raw.length - (raw.length > 1 && raw[raw.length - 2] == '\r' ? 2 : 1);
            String body = new String(raw, 0, end, StandardCharsets.UTF_8);
            String command = SmtpCommandLine.command(body);
            SaslExchange answering = exchange;
            exchange = null;
            if (command.equals("MAIL") || command.equals("STARTTLS") || command.equals("DATA") || command.equals("BDAT")) {
                passThrough = true;
                return raw;
            }
            boolean long_ = body.length() >= SUBETHA_LIMIT && end <= AUTH_LIMIT;
            if (answering != null) {
                // A response: LOGIN's username is followed by its password, so which lines are responses is the
                // exchange's to say (the authenticator runs the same one, SaslExchange, on the same lines).
                exchange = open(answering, answering.respond(body));
                if (long_) {
                    kept.put(client, body.strip());
                    return (MARKER + "\r\n").getBytes(StandardCharsets.US_ASCII);
                }
                return raw;
            }
            if (command.equals("AUTH")) {
                String[] words = SmtpCommandLine.words(body);
                SaslExchange started = words[1] == null ? null : SaslExchange.start(words[1]).orElse(null);
                if (started != null) {
                    exchange = open(started, started.initial(Optional.ofNullable(words[2])));
                }
                if (long_ && words[2] != null) {
                    kept.put(client, words[2]);
                    return ("AUTH " + words[1] + " " + MARKER + "\r\n").getBytes(StandardCharsets.UTF_8);
                }
                return raw;
            }
            return raw;
        }
    }
}
