package dev.behalf.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs each decision record as JSON to one URL ({@code --webhook URL}), as the API's
 * {@code GET /api/decisions/{id}} shows it.
 *
 * <p>Never in the way of SMTP: {@link #offer} only puts the record in a bounded queue, and when the
 * queue is full (a slow or dead receiver) the record is dropped and counted. One sender thread
 * serialises and posts, each request bounded by {@code timeout}. A post that fails (no connection,
 * a timeout, a non-2xx answer) is counted and not retried: a receiver that needs every decision
 * reads {@code /api/decisions}. Thread-safe.
 */
public final class Webhook implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Webhook.class);

    private final URI target;
    private final ObjectMapper json;
    private final Duration timeout;
    private final BlockingQueue<DecisionRecord> queue;
    private final HttpClient http;
    private final Thread sender;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean failing;

    /**
     * @param capacity how many records may wait for the receiver; beyond, new ones are dropped
     * @param timeout  connect and response timeout of one post
     */
    public Webhook(URI target, ObjectMapper json, int capacity, Duration timeout) {
        this.target = Objects.requireNonNull(target, "target");
        if ((!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) || target.getHost() == null) {
            throw new IllegalArgumentException("--webhook takes an http:// or https:// URL with a host, not '" + target + "'");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("webhook queue capacity must be at least 1: " + capacity);
        }
        this.json = json;
        this.timeout = timeout;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.sender = new Thread(this::run, "behalf-webhook");
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues the record for posting; never blocks. False (and counted as dropped) when the queue is full. */
    public boolean offer(DecisionRecord record) {
        if (queue.offer(record)) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    public URI target() {
        return target;
    }

    /** Records the receiver answered 2xx to. */
    public long delivered() {
        return delivered.get();
    }

    /** Posts that failed: no connection, a timeout or a non-2xx answer. */
    public long failed() {
        return failed.get();
    }

    /** Records never posted because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            DecisionRecord record;
            try {
                record = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            post(record);
        }
    }

    private void post(DecisionRecord record) {
        try {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Behalf")
                    .header("X-Behalf-Event", "decision")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(record)))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                delivered.incrementAndGet();
                if (failing) {
                    failing = false;
                    log.info("webhook {} answers again", target);
                }
            } else {
                failure("answered " + status);
            }
        } catch (JsonProcessingException e) {
            failure("can't write the record as JSON: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // A RuntimeException too: the sender thread must outlive any one record.
            failure(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logged once when the receiver starts failing, not for every record. */
    private void failure(String why) {
        failed.incrementAndGet();
        if (!failing) {
            failing = true;
            log.warn("webhook {} failed ({}); decision records are not reaching it (counted in behalf_webhook_posts_total)", target, why);
        }
    }

    /** Stops the sender; records still queued are not posted. */
    @Override
    public void close() {
        sender.interrupt();
        try {
            sender.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
