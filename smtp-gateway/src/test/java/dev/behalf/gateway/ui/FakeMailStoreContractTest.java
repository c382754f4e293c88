package dev.behalf.gateway.ui;

import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailStoreContract;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;

/**
 * The route tests' fake is held to what every store does, as the real store is: a route test that
 * passes over the fake then says something about the real store too.
 */
class FakeMailStoreContractTest implements MailStoreContract {
    private final FakeMailStore store = new FakeMailStore(DemoDirectory.live());

    @Override
    public MailStore testee() {
        return store;
    }

    @Override
    public LiveDirectory directory() {
        return store.directory();
    }
}
