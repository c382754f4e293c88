package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailStoreContract;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract for a memory-only store (built, not started: no sockets). */
class InMemoryGreenMailStoreTest implements MailStoreContract {
    private LiveDirectory live;
    private GreenMailStore store;

    @BeforeEach
    void open() {
        live = DemoDirectory.live();
        store = GreenMailStore.builder(live).build();
    }

    @AfterEach
    void close() {
        store.close();
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
