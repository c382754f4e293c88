package dev.behalf.mailstore.greenmail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Real clients against a started store: Angus IMAP/POP3 stores and raw protocol transcripts. */
final class Clients {
    private Clients() {
    }

    static Properties imapProperties(int port) {
        Properties p = new Properties();
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", String.valueOf(port));
        p.setProperty("mail.imap.connectiontimeout", "10000");
        p.setProperty("mail.imap.timeout", "10000");
        return p;
    }

    static Properties pop3Properties(int port) {
        Properties p = new Properties();
        p.setProperty("mail.pop3.host", "127.0.0.1");
        p.setProperty("mail.pop3.port", String.valueOf(port));
        p.setProperty("mail.pop3.connectiontimeout", "10000");
        p.setProperty("mail.pop3.timeout", "10000");
        return p;
    }

    /** Connects with Angus; AUTHENTICATE PLAIN by default (the server advertises AUTH=PLAIN). */
    static Store imap(GreenMailStore store, String user, String password) throws MessagingException {
        return connect(imapProperties(store.imapPort()), "imap", user, password);
    }

    /** Connects with Angus using the IMAP LOGIN command. */
    static Store imapLogin(GreenMailStore store, String user, String password) throws MessagingException {
        Properties p = imapProperties(store.imapPort());
        p.setProperty("mail.imap.auth.plain.disable", "true");
        return connect(p, "imap", user, password);
    }

    static Store connect(Properties p, String protocol, String user, String password) throws MessagingException {
        Store s = Session.getInstance(p).getStore(protocol);
        s.connect(user, password);
        return s;
    }

    /** A line-oriented conversation with a server, for byte-exact replies. */
    static final class Transcript implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        final String greeting;

        Transcript(int port) throws IOException {
            this(port, InetAddress.getLoopbackAddress());
        }

        /** Connects from {@code local} (any 127.x.y.z works on Linux), so a test can be several clients. */
        Transcript(int port, InetAddress local) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port, local, 0);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            greeting = in.readLine();
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String line() throws IOException {
            return in.readLine();
        }

        /** Exact bytes, as given. */
        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Whether the server has closed the connection (nothing more to read). */
        boolean closedByServer() throws IOException {
            return in.readLine() == null;
        }

        /** Sends an IMAP command and returns every reply line up to and including the tagged one. */
        List<String> imap(String tag, String command) throws IOException {
            send(tag + " " + command);
            List<String> lines = new ArrayList<>();
            String l;
            do {
                l = in.readLine();
                if (l == null) {
                    throw new IOException("connection closed after " + lines);
                }
                lines.add(l);
            } while (!l.startsWith(tag + " "));
            return lines;
        }

        /** The last (tagged) line of an IMAP exchange. */
        String tagged(String tag, String command) throws IOException {
            List<String> lines = imap(tag, command);
            return lines.get(lines.size() - 1);
        }

        String pop3(String command) throws IOException {
            send(command);
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
