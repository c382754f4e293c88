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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /metrics} in Prometheus' text format, kept by Micrometer's Prometheus registry:
 *
 * <ul>
 *   <li>{@code behalf_submissions_total{outcome}}: every decision record by outcome (Self, SendAs,
 *       SendOnBehalf, Denied, Rejected);</li>
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
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        // Each counter is registered once per tag value and kept: Counter.builder(...).register per event built a
        // meter id and looked it up in the registry on the SMTP thread, three times a message (JFR: 2.4% of the CPU).
        Counters submissions = new Counters(outcome -> Counter.builder("behalf.submissions")
                .description("Submission attempts, by the decision's outcome").tag("outcome", outcome).register(registry));
        Counters refusals = new Counters(code -> Counter.builder("behalf.refusals")
                .description("Refused submissions, by the reply's enhanced status code").tag("code", code).register(registry));
        context.decisions().subscribe(record -> {
            submissions.of(record.outcome()).increment();
            if (!record.accepted()) {
                refusals.of(enhancedCode(record)).increment();
            }
        });
        Counters signIns = new Counters(surfaceAndResult -> {
            String[] parts = surfaceAndResult.split(" ", 2);
            return Counter.builder("behalf.sign.ins").description("Sign-in attempts, by surface and result")
                    .tag("surface", parts[0]).tag("result", parts[1]).register(registry);
        });
        context.signIn().subscribe(attempt -> signIns.of(attempt.surface().name().toLowerCase(java.util.Locale.ROOT) + " "
                + (attempt.decision() instanceof SignInDecision.Accepted ? "success" : "failure")).increment());
        Counters deliveries = new Counters(box -> Counter.builder("behalf.deliveries")
                .description("Copies stored, into directory mailboxes or external captures").tag("box", box).register(registry));
        context.store().subscribe(event -> {
            if (event instanceof StoreEvent.Delivered d) {
                deliveries.of(d.message().mailbox() instanceof MailboxKey.External ? "external" : "mailbox").increment();
            }
        });
        StoreSize size = new StoreSize(context.store());
        Gauge.builder("behalf.store.messages", size, StoreSize::messages).description("Messages in the store, every folder")
                .register(registry);
        Gauge.builder("behalf.store.bytes", size, StoreSize::bytes).baseUnit("bytes").description("Size of the stored messages")
                .register(registry);
        context.webhook().ifPresent(webhook -> {
            webhookCounter(registry, webhook, "delivered", Webhook::delivered);
            webhookCounter(registry, webhook, "failed", Webhook::failed);
            webhookCounter(registry, webhook, "dropped", Webhook::dropped);
        });

        context.router().get("/metrics", request -> {
            size.refresh();
            return Response.text(HttpResponseStatus.OK, TEXT_FORMAT, registry.scrape());
        });
        return registry::close;
    }

    private static void webhookCounter(PrometheusMeterRegistry registry, Webhook webhook, String result,
                                       java.util.function.ToDoubleFunction<Webhook> count) {
        FunctionCounter.builder("behalf.webhook.posts", webhook, count)
                .description("Decision records posted to --webhook: delivered, failed, or dropped because the queue was full")
                .tag("result", result).register(registry);
    }

    /** One counter per tag value, registered on first use. */
    private static final class Counters {
        private final java.util.concurrent.ConcurrentHashMap<String, Counter> byTag = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.function.Function<String, Counter> register;

        Counters(java.util.function.Function<String, Counter> register) {
            this.register = register;
        }

        Counter of(String tag) {
            Counter c = byTag.get(tag);
            return c != null ? c : byTag.computeIfAbsent(tag, register);
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
