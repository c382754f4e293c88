package dev.behalf.gateway.app;

import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.mailstore.greenmail.GreenMailStore;
import dev.behalf.policy.change.ChangeJournal;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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

    private StoreRuntime(Optional<DataDir> dataDir, LiveDirectory directory, GreenMailStore store) {
        this.dataDir = dataDir;
        this.directory = directory;
        this.store = store;
    }

    static StoreRuntime open(BehalfOptions options, Directory declared) {
        Optional<DataDir> dataDir = options.dataDir().map(DataDir::open);
        try {
            Directory current = declared;
            ChangeJournal journal = ChangeJournal.none();
            if (dataDir.isPresent()) {
                int changes = dataDir.get().journal().readAll().size();
                current = dataDir.get().journal().replay(declared);
                if (changes > 0) {
                    log.info("replayed {} directory change(s) from {}", changes, options.dataDir().get());
                }
                journal = dataDir.get().journal();
            }
            LiveDirectory live = new LiveDirectory(current, journal);
            GreenMailStore store = GreenMailStore.builder(live)
                    .bindAddress(options.bindAddress())
                    .imapPort(options.imapPort())
                    .pop3Port(options.pop3Port())
                    .dataDir(dataDir)
                    .clientSocketTimeout(Duration.ofMinutes(30))
                    .build()
                    .start();
            return new StoreRuntime(dataDir, live, store);
        } catch (RuntimeException e) {
            dataDir.ifPresent(DataDir::close);
            throw e;
        }
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
