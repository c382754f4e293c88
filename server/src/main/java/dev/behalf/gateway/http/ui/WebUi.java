package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.http.Router;
import dev.behalf.mailstore.MailStore;
import dev.behalf.policy.change.LiveDirectory;

/**
 * The web UI's mail viewer on a running Behalf: the static single page, the viewer's JSON reads,
 * sandboxed message HTML and the live event stream. Built once per server; subscribes to the store,
 * the decision log and the directory on construction. The admin pages' API is
 * {@link dev.behalf.gateway.http.admin.AdminRoutes}.
 *
 * <pre>{@code
 * new WebUi(directory, store, decisions).install(router);
 * }</pre>
 */
public final class WebUi {
    private final MessageHtml html;
    private final MailViewRoutes viewer;
    private final LiveEvents events;

    public WebUi(LiveDirectory directory, MailStore store, DecisionLog decisions) {
        ReadMarks marks = new ReadMarks();
        store.subscribe(marks::forget);
        this.html = new MessageHtml(store);
        this.viewer = new MailViewRoutes(directory, store, decisions, html, marks);
        this.events = new LiveEvents(directory, store, decisions);
    }

    /** Adds the UI's routes; message HTML before the static files, whose {@code /ui/...} it shares. */
    public Router install(Router router) {
        html.install(router);
        new StaticAssets().install(router);
        viewer.install(router);
        events.install(router);
        return router;
    }

    public MessageHtml messageHtml() {
        return html;
    }

    public MailViewRoutes viewer() {
        return viewer;
    }

    public LiveEvents events() {
        return events;
    }
}
