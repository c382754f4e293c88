package dev.behalf.gateway.app;

import dev.behalf.gateway.audit.DecisionFile;
import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.audit.Webhook;
import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.gateway.http.ApiRoutes;
import dev.behalf.gateway.http.FaultRoutes;
import dev.behalf.gateway.http.AutodiscoverRoutes;
import dev.behalf.gateway.http.GraphRoutes;
import dev.behalf.gateway.http.HttpServer;
import dev.behalf.gateway.http.OAuthRoutes;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.ResetRoutes;
import dev.behalf.gateway.http.Router;
import dev.behalf.gateway.http.ShellRoutes;
import dev.behalf.gateway.http.admin.AdminRoutes;
import dev.behalf.gateway.http.ui.WebUi;
import dev.behalf.gateway.smtp.SubmissionServer;
import dev.behalf.gateway.smtp.SubmissionSettings;
import dev.behalf.gateway.smtp.TlsContexts;
import dev.behalf.mailstore.MailStore;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.config.DirectoryLoader;
import dev.behalf.policy.directory.Directory;
import dev.behalf.shell.Shell;
import dev.behalf.policy.oauth.IdentityPlatform;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.signin.SignInEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A started Behalf: its bound ports and the live directory, store and decision log behind them.
 * {@link #close()} stops every listener (HTTP first, store last). Thread-safe.
 */
public final class RunningBehalf implements AutoCloseable {
    /** Waits for a start-up thread (each ends on its own: a preload, a bind with its timeout), keeping an interrupt for later. */
    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RunningBehalf.class);
    private static final Logger signInLog = LoggerFactory.getLogger("dev.behalf.signin");

    private final BehalfOptions options;
    private final Directory declared;
    private final LiveDirectory directory;
    private final StoreRuntime store;
    private final DecisionLog decisions;
    private final Shell shell;
    private final FaultRules faults;
    private final Ports ports;
    private final Deque<AutoCloseable> closing;

    private RunningBehalf(BehalfOptions options, Directory declared, LiveDirectory directory, StoreRuntime store,
                          DecisionLog decisions, Shell shell, FaultRules faults, Ports ports, Deque<AutoCloseable> closing) {
        this.options = options;
        this.declared = declared;
        this.directory = directory;
        this.store = store;
        this.decisions = decisions;
        this.shell = shell;
        this.faults = faults;
        this.ports = ports;
        this.closing = closing;
    }

    static RunningBehalf start(BehalfOptions options, List<Plugin> plugins) {
        long started = System.nanoTime();
        if (options.exposed() && options.adminToken().isEmpty()) {
            throw new IllegalArgumentException("binding to " + options.bindAddress().getHostAddress()
                    + " makes the admin API reachable from other machines; pass --admin-token TOKEN (or bind 127.0.0.1)");
        }
        // Netty's classes (a sixth of a start) load on a second thread while this one reads the directory and
        // starts the store and SMTP, none of which touches Netty; joined before the first class of ours that does,
        // so no class is initialised by both at once. On a busy machine there is no core to lend and this costs a
        // little; on a quiet one it saves about a tenth of the start (docs/benchmarks.md).
        Thread preload = HttpServer.preloadInBackground();
        Directory declared = options.directory().orElseGet(() -> DirectoryLoader.load(options.configDir()));
        Deque<AutoCloseable> closing = new ArrayDeque<>();
        try {
            StoreRuntime store = StoreRuntime.open(options, declared);
            closing.push(store);
            LiveDirectory directory = store.directory();
            store.signIn().subscribe(RunningBehalf::logSignIn);
            DecisionLog decisions = new DecisionLog(options.decisionLogCapacity());
            if (store.dataDir().isPresent()) {
                closing.push(DecisionFile.open(store.dataDir().get().decisions(), decisions, Json.mapper(), options.decisionLogCapacity()));
            }
            Optional<Webhook> webhook = options.webhook()
                    .map(url -> new Webhook(url, Json.mapper(), options.webhookQueue(), options.webhookTimeout()));
            if (webhook.isPresent()) {
                closing.push(webhook.get());
                decisions.subscribe(webhook.get()::offer);
            }
            Supplier<SSLContext> tls = options.tlsKeystore().isPresent()
                    ? () -> TlsContexts.fromKeystore(options.tlsKeystore().get(), options.tlsKeystorePassword().orElse("").toCharArray())
                    : () -> TlsContexts.selfSigned(options.hostName());
            FaultRules faults = new FaultRules(options.faults());
            SubmissionServer smtp = SubmissionServer.builder().faults(faults)
                    .directory(directory).store(store.mail()).decisions(decisions)
                    .settings(new SubmissionSettings(options.hostName(), options.dialect(), options.maxMessageSize(),
                            options.maxRecipients(), options.enforceEnvelope(), SubmissionSettings.defaults(options.hostName()).limits()))
                    .bindAddress(options.bindAddress()).port(options.smtpPort()).smtpsPort(options.smtpsPort())
                    .tls(tls).requireTls(options.exposed() && !options.allowPlainAuth())
                    .idleTimeout(options.idleTimeout())
                    .sessionTimeout(options.sessionTimeout())
                    .signIn(store.signIn())
                    .maxConnections(options.clientLimits().maxConnections())
                    .maxConnectionsPerIp(options.clientLimits().maxConnectionsPerIp())
                    .build();
            smtp.start();
            closing.push(smtp);
            Ports[] portsHolder = new Ports[1];
            join(preload);
            Router router = new Router();
            new ApiRoutes(directory, store.mail(), decisions, () -> portsHolder[0].asMap()).install(router);
            new FaultRoutes(faults).install(router);
            new AutodiscoverRoutes(directory, store.signIn(), () -> portsHolder[0].asMap(), clientHost(options)).install(router);
            new OAuthRoutes(store.identity(), store.signIn(), () -> portsHolder[0].asMap(), clientHost(options)).install(router);
            new GraphRoutes(directory, store.signIn(), smtp.messages()).install(router);
            new WebUi(directory, store.mail(), decisions).install(router);
            new AdminRoutes(directory, options.dialect(), options.hostName()).install(router);
            Shell shell = new Shell(directory);
            new ShellRoutes(shell).install(router);
            RunningBehalf[] self = new RunningBehalf[1];
            new ResetRoutes(() -> self[0].reset(), directory).install(router);
            Plugin.Context pluginContext = new Plugin.Context(options, router, directory, store.mail(), decisions, store.signIn(), webhook);
            for (Plugin plugin : plugins) {
                closing.push(plugin.install(pluginContext));
            }
            HttpServer http = HttpServer.builder().bindAddress(options.bindAddress()).port(options.httpPort())
                    .hostName(options.hostName()).adminToken(options.adminToken()).router(router).start();
            closing.push(http);
            Ports ports = new Ports(smtp.port(), smtp.smtpsPort(), store.imapPort(), store.pop3Port(), http.port());
            portsHolder[0] = ports;
            log.info("Behalf ready in {} ms: SMTP {}{}, IMAP {}, POP3 {}, HTTP http://{}:{}/ ({} recipients, {})",
                    (System.nanoTime() - started) / 1_000_000, ports.smtp(),
                    ports.smtps().isPresent() ? ", SMTPS " + ports.smtps().getAsInt() : "", ports.imap(), ports.pop3(),
                    options.bindAddress().getHostAddress(), ports.http(), directory.current().size(),
                    options.dataDir().map(d -> "data in " + d).orElse("in memory"));
            self[0] = new RunningBehalf(options, declared, directory, store, decisions, shell, faults, ports, closing);
            return self[0];
        } catch (RuntimeException e) {
            closeAll(closing);
            throw e;
        }
    }

    /** One line per sign-in, on any surface; a warning when the throttle held it. */
    private static void logSignIn(SignInEvent e) {
        if (e.waited().isZero()) {
            signInLog.info("{}", e.describe());
        } else {
            signInLog.warn("{}", e.describe());
        }
    }

    /**
     * The server name Autodiscover and autoconfig hand to clients: a configured {@code --hostname}, else
     * the bound address (for the wildcard, the default name). Never the request's Host, which the caller wrote.
     */
    private static String clientHost(BehalfOptions options) {
        boolean named = !options.hostName().equalsIgnoreCase("localhost");
        return named || options.bindAddress().isAnyLocalAddress() ? options.hostName() : options.bindAddress().getHostAddress();
    }

    public Ports ports() {
        return ports;
    }

    public BehalfOptions options() {
        return options;
    }

    public LiveDirectory directory() {
        return directory;
    }

    public MailStore store() {
        return store.mail();
    }

    /**
     * Who decides every sign-in (SMTP, IMAP, POP3, Autodiscover); {@link SignIn#subscribe} it to observe each
     * decision (surface, login form, result), as metrics and decision records do.
     */
    /** The mock identity platform (tests mint tokens with it: expired, other audiences). */
    public IdentityPlatform identity() {
        return store.identity();
    }

    public SignIn signIn() {
        return store.signIn();
    }

    public DecisionLog decisions() {
        return decisions;
    }

    /** The cmdlet shell over this server's directory (the one behind {@code POST /api/shell}). */
    public Shell shell() {
        return shell;
    }

    /** The fault rules the SMTP stages consult (the ones behind {@code /api/faults}). */
    public FaultRules faults() {
        return faults;
    }

    /** Back to the declared state: the directory as loaded, the declared fault rules, no mail, no decision records. */
    public void reset() {
        directory.resetTo(declared, "reset");
        faults.reset();
        store.mail().purgeAll();
        decisions.clear();
    }

    @Override
    public void close() {
        closeAll(closing);
        log.info("Behalf stopped");
    }

    private static void closeAll(Deque<AutoCloseable> closing) {
        while (!closing.isEmpty()) {
            AutoCloseable c = closing.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
