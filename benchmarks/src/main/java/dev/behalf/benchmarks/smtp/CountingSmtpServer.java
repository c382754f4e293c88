package dev.behalf.benchmarks.smtp;

import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of the SMTP load benchmark: a bare SubEthaSMTP server that accepts any AUTH PLAIN or
 * LOGIN, drains each message's DATA and only counts it. Nothing is parsed, checked or stored, so its
 * rate is the ceiling for any server built on SubEthaSMTP on this machine.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.behalf.benchmarks.smtp.CountingSmtpServer [port]}
 * (default 0: a free port). Binds 127.0.0.1 and prints {@code listening on 127.0.0.1:PORT}; on
 * SIGTERM it prints {@code accepted N} and stops.
 */
public final class CountingSmtpServer {
    private CountingSmtpServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        AtomicLong accepted = new AtomicLong();
        SMTPServer server = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .softwareName("counting")
                .maxConnections(1000)
                .insertReceivedHeaders(false)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> { }))
                .messageHandlerFactory(context -> new Counter(accepted))
                .build();
        server.start();
        System.out.println("listening on 127.0.0.1:" + server.getPortAllocated());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            System.out.println("accepted " + accepted.get());
            stopped.countDown();
        }));
        stopped.await();
    }

    /** One transaction: drain DATA, count it. */
    private static final class Counter implements MessageHandler {
        private final AtomicLong accepted;

        Counter(AtomicLong accepted) {
            this.accepted = accepted;
        }

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) {
        }

        @Override
        public String data(InputStream data) throws IOException {
            byte[] buf = new byte[8192];
            while (data.read(buf) != -1) {
                // drained, not kept
            }
            accepted.incrementAndGet();
            return null;
        }

        @Override
        public void done() {
        }
    }
}
