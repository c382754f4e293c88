package dev.behalf.gateway.metrics;

import dev.behalf.gateway.app.Plugin;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.audit.Webhook;
import dev.behalf.gateway.http.Response;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.policy.signin.SignInDecision;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /metrics} in Prometheus' text format, kept by Micrometer's Prometheus registry:
 *
 * <ul>
 *   <li>{@code behalf_submissions_total{outcome,surface}}: every decision record by outcome (Self, SendAs,
 *       SendOnBehalf, Denied, Rejected) and where it was submitted ({@code smtp}, {@code graph});</li>
 *   <li>{@code behalf_refusals_total{code}}: refused submissions by the reply's enhanced status code (5.7.60, 5.3.4, ...);</li>
 *   <li>{@code behalf_deliveries_total{box}}: stored copies, into a directory {@code mailbox} or an {@code external} capture;</li>
 *   <li>{@code behalf_sign_ins_total{surface,result}}: sign-in attempts by surface (smtp, ...) and {@code success}/{@code failure};</li>
 *   <li>{@code behalf_store_messages}, {@code behalf_store_bytes}: what the store holds, counted at each scrape;</li>
 *   <li>{@code behalf_webhook_posts_total{result}} with {@code --webhook}: delivered, failed, dropped.</li>
 * </ul>
 *
 * With an admin token, {@code /metrics} needs it like the API does.
 */
public final class PrometheusMetrics implements Plugin {
    /** The enhanced status code of an SMTP reply line: {@code 550 5.7.60 SMTP; ...} -> {@code 5.7.60}. */
    private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Override
    public AutoCloseable install(Context context) {
        StoreSize size = new StoreSize(context.store());
        Optional<Webhook> webhook = context.webhook();
        Tallies tallies = new Tallies();
        // The registry is made by the first scrape, not here and not by the first event: Micrometer's and
        // Prometheus' classes (about 130, with some 40 lambdas) stay off the start and off the SMTP threads, where
        // initialising them in the first message made the JIT compile their class spinning during the load. Events
        // count in Tallies, plain JDK counters; the registry reads them at each scrape. Meters holds every
        // Micrometer type, so nothing here loads one.
        Lazy meters = new Lazy(() -> new Meters(size, webhook, tallies));
        context.decisions().subscribe(record -> tallies.decision(record));
        context.signIn().subscribe(attempt -> tallies.signIns.add(attempt.surface().name().toLowerCase(java.util.Locale.ROOT),
                attempt.decision() instanceof SignInDecision.Accepted ? "success" : "failure"));
        context.store().subscribe(event -> {
            if (event instanceof StoreEvent.Delivered d) {
                tallies.deliveries.add(d.mailbox() instanceof MailboxKey.External ? "external" : "mailbox");
            }
        });
        context.router().get("/metrics", request -> {
            size.refresh();
            return Response.text(HttpResponseStatus.OK, TEXT_FORMAT, meters.get().scrape());
        });
        return meters;
    }

    /** The one {@link Meters} of a Behalf, made on first use; closing closes its registry if it was made. */
    private static final class Lazy implements AutoCloseable {
        private final Supplier<Object> make;
        private volatile Object made;

        Lazy(Supplier<Object> make) {
            this.make = make;
        }

        Meters get() {
            Object m = made;
            if (m == null) {
                synchronized (this) {
                    m = made;
                    if (m == null) {
                        made = m = make.get();
                    }
                }
            }
            return (Meters) m;
        }

        @Override
        public void close() {
            Object m = made;
            if (m != null) {
                ((Meters) m).close();
            }
        }
    }

    /** The registry and what registers on it. */
    private static final class Meters {
        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        private final Tallies tallies;

        Meters(StoreSize size, Optional<Webhook> webhook, Tallies tallies) {
            this.tallies = tallies;
            Gauge.builder("behalf.store.messages", size, StoreSize::messages).description("Messages in the store, every folder")
                    .register(registry);
            Gauge.builder("behalf.store.bytes", size, StoreSize::bytes).baseUnit("bytes").description("Size of the stored messages")
                    .register(registry);
            webhook.ifPresent(w -> {
                webhookCounter(w, "delivered", Webhook::delivered);
                webhookCounter(w, "failed", Webhook::failed);
                webhookCounter(w, "dropped", Webhook::dropped);
            });
        }

        /** The registry's text, after registering a counter for every tag value counted since the last scrape. */
        synchronized String scrape() {
            for (Tally t : tallies.all) {
                for (Map.Entry<List<String>, LongAdder> e : t.counts.entrySet()) {
                    if (t.registered.add(e.getKey())) {
                        FunctionCounter.Builder<LongAdder> b = FunctionCounter.builder(t.name, e.getValue(), LongAdder::doubleValue)
                                .description(t.description);
                        for (int i = 0; i < t.tags.length; i++) {
                            b.tag(t.tags[i], e.getKey().get(i));
                        }
                        b.register(registry);
                    }
                }
            }
            return registry.scrape();
        }

        void close() {
            registry.close();
        }

        private void webhookCounter(Webhook webhook, String result, java.util.function.ToDoubleFunction<Webhook> count) {
            FunctionCounter.builder("behalf.webhook.posts", webhook, count)
                    .description("Decision records posted to --webhook: delivered, failed, or dropped because the queue was full")
                    .tag("result", result).register(registry);
        }
    }

    /** Behalf's counts, kept without Micrometer: what each scrape hands the registry. */
    private static final class Tallies {
        final Tally submissions = new Tally("behalf.submissions", "Submission attempts, by the decision's outcome and surface",
                "outcome", "surface");
        final Tally refusals = new Tally("behalf.refusals", "Refused submissions, by the reply's enhanced status code", "code");
        final Tally signIns = new Tally("behalf.sign.ins", "Sign-in attempts, by surface and result", "surface", "result");
        final Tally deliveries = new Tally("behalf.deliveries", "Copies stored, into directory mailboxes or external captures", "box");
        final List<Tally> all = List.of(submissions, refusals, signIns, deliveries);

        void decision(DecisionRecord record) {
            submissions.add(record.outcome(), record.surface().toLowerCase(java.util.Locale.ROOT));
            if (!record.accepted()) {
                refusals.add(enhancedCode(record));
            }
        }
    }

    /** One counter's counts by tag values; {@code registered} holds the values the registry already reads. */
    private static final class Tally {
        final String name;
        final String description;
        final String[] tags;
        final ConcurrentHashMap<List<String>, LongAdder> counts = new ConcurrentHashMap<>();
        final Set<List<String>> registered = ConcurrentHashMap.newKeySet();

        Tally(String name, String description, String... tags) {
            this.name = name;
            this.description = description;
            this.tags = tags;
        }

        void add(String... values) {
            List<String> key = List.of(values);
            LongAdder count = counts.get(key);
            if (count == null) {
                count = counts.computeIfAbsent(key, k -> new LongAdder());
            }
            count.increment();
        }
    }

    static String enhancedCode(DecisionRecord record) {
        Matcher m = ENHANCED.matcher(record.reply());
        return m.find() ? m.group(1) : "none";
    }

    /**
     * The store's size, counted once per scrape from what {@link MailStore} lists, so it is right
     * however mail left (API, IMAP expunge, purge) without a second count to keep in step.
     */
    private static final class StoreSize {
        private final MailStore store;
        private volatile long messages;
        private volatile long bytes;

        StoreSize(MailStore store) {
            this.store = store;
        }

        synchronized void refresh() {
            long m = 0;
            long b = 0;
            for (MailboxSummary box : store.mailboxes()) {
                for (MailboxSummary.FolderSummary folder : box.folders()) {
                    for (MessageSummary message : store.list(box.key(), folder.name())) {
                        m++;
                        b += message.size();
                    }
                }
            }
            messages = m;
            bytes = b;
        }

        double messages() {
            return messages;
        }

        double bytes() {
            return bytes;
        }
    }
}
