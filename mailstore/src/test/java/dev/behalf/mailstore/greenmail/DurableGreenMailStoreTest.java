package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailStoreContract;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract for a store under a data dir (built, not started: no sockets). */
class DurableGreenMailStoreTest implements MailStoreContract {
    @TempDir
    Path dir;
    private DataDir data;
    private LiveDirectory live;
    private GreenMailStore store;

    @BeforeEach
    void open() {
        data = DataDir.open(dir);
        live = DemoDirectory.live();
        store = GreenMailStore.builder(live).dataDir(data).build();
    }

    @AfterEach
    void close() {
        store.close();
        data.close();
    }

    @Override
    public MailStore testee() {
        return store;
    }

    @Override
    public LiveDirectory directory() {
        return live;
    }
}
