package dev.behalf.gateway.app;

import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.mailstore.greenmail.GreenMailStore;
import dev.behalf.mailstore.greenmail.InputLimits;
import dev.behalf.policy.change.ChangeJournal;
import dev.behalf.policy.change.ChangeSet;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.oauth.IdentityPlatform;
import dev.behalf.policy.signin.SignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The persistent side of a Behalf: the data dir (if any), the live directory replayed from its
 * journal, and the GreenMail store serving IMAP and POP3.
 */
final class StoreRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreRuntime.class);

    private final Optional<DataDir> dataDir;
    private final LiveDirectory directory;
    private final GreenMailStore store;
    private final SignIn signIn;
    private final IdentityPlatform identity;

    private StoreRuntime(Optional<DataDir> dataDir, LiveDirectory directory, GreenMailStore store, SignIn signIn, IdentityPlatform identity) {
        this.identity = identity;
        this.dataDir = dataDir;
        this.directory = directory;
        this.store = store;
        this.signIn = signIn;
    }

    static StoreRuntime open(BehalfOptions options, Directory declared) {
        Optional<DataDir> dataDir = options.dataDir().map(DataDir::open);
        try {
            Directory current = declared;
            ChangeJournal journal = ChangeJournal.none();
            List<ChangeSet> recorded = List.of();
            if (dataDir.isPresent()) {
                recorded = dataDir.get().journal().readAll();
                current = dataDir.get().journal().replay(declared);
                if (!recorded.isEmpty()) {
                    log.info("replayed {} directory change(s) from {}", recorded.size(), options.dataDir().get());
                }
                journal = dataDir.get().journal();
            }
            LiveDirectory live = new LiveDirectory(current, journal, options.clock(), options.propagationDelay());
            // Grant changes journaled with a time still to come wait for it again.
            live.restorePending(declared, recorded);
            // One for every surface, so the throttle counts guesses on SMTP, IMAP, POP3 and Autodiscover together.
            IdentityPlatform identity = new IdentityPlatform(live::inForce, options.clock(), IdentityPlatform.DEFAULT_LIFETIME);
            SignIn signIn = SignIn.builder(live::inForce).throttle(options.clientLimits().signInThrottle()).tokens(identity)
                    .basicAuth(options.basicAuth()).build();
            GreenMailStore store = GreenMailStore.builder(live)
                    .signIn(signIn)
                    .maxConnections(options.clientLimits().maxConnections())
                    .maxConnectionsPerIp(options.clientLimits().maxConnectionsPerIp())
                    .inputLimits(new InputLimits(InputLimits.DEFAULTS.beforeSignIn(), InputLimits.DEFAULTS.afterSignIn(),
                            options.maxMessageSize()))
                    .bindAddress(options.bindAddress())
                    .imapPort(options.imapPort())
                    .pop3Port(options.pop3Port())
                    .dataDir(dataDir)
                    .clientSocketTimeout(Duration.ofMinutes(30))
                    .build()
                    .start();
            return new StoreRuntime(dataDir, live, store, signIn, identity);
        } catch (RuntimeException e) {
            dataDir.ifPresent(DataDir::close);
            throw e;
        }
    }

    /** The mock identity platform whose tokens the sign-in takes. */
    IdentityPlatform identity() {
        return identity;
    }

    /** Who decides every sign-in of this Behalf. */
    SignIn signIn() {
        return signIn;
    }

    Optional<DataDir> dataDir() {
        return dataDir;
    }

    LiveDirectory directory() {
        return directory;
    }

    MailStore mail() {
        return store;
    }

    int imapPort() {
        return store.imapPort();
    }

    int pop3Port() {
        return store.pop3Port();
    }

    @Override
    public void close() {
        store.close();
        dataDir.ifPresent(DataDir::close);
    }
}
