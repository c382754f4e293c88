package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.Router;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * {@code GET /api/events}: a server-sent event stream that tells open UIs what changed, so new mail,
 * refusals and grants appear without a reload. Events: {@code hello} on connect, {@code mail}
 * (delivered, deleted, purged), {@code decision} (every submission attempt), {@code directory}
 * (every applied change set). Data are small JSON objects; clients re-read what they show.
 *
 * <p>Subscribes once to the store, the decision log and the live directory, and fans out to the
 * open streams; a stream leaves the set when its connection closes.
 */
public final class LiveEvents {
    private final LiveDirectory directory;
    private final Set<Response.EventSink> sinks = new CopyOnWriteArraySet<>();

    LiveEvents(LiveDirectory directory, MailStore store, DecisionLog decisions) {
        this.directory = directory;
        store.subscribe(this::mail);
        decisions.subscribe(this::decision);
        directory.onChange(this::directory);
    }

    Router install(Router router) {
        return router.get("/api/events", r -> open(r));
    }

    /** The stream for one client. */
    public Response open(Request r) {
        return new Response.EventStream(sink -> {
            sinks.add(sink);
            sink.onClose(() -> sinks.remove(sink));
            sink.send("hello", Json.write(Map.of("directoryVersion", directory.current().version())));
        });
    }

    /** How many clients are listening. */
    public int listeners() {
        return sinks.size();
    }

    // Every delivery and decision reaches these on the SMTP thread: with no UI open there is no one to build JSON for.

    private void mail(StoreEvent event) {
        if (sinks.isEmpty()) {
            return;
        }
        Directory d = directory.current();
        Map<String, Object> data = new LinkedHashMap<>();
        if (event instanceof StoreEvent.Delivered e) {
            data.put("type", "delivered");
            data.put("box", e.mailbox().address(d));
            data.put("folder", e.folder());
            data.put("id", e.id().value());
        } else if (event instanceof StoreEvent.Deleted e) {
            data.put("type", "deleted");
            data.put("box", e.mailbox().address(d));
            data.put("id", e.id().value());
        } else if (event instanceof StoreEvent.Purged e) {
            data.put("type", "purged");
            data.put("box", e.mailbox().address(d));
        }
        broadcast("mail", data);
    }

    private void decision(DecisionRecord record) {
        if (sinks.isEmpty()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", record.id());
        data.put("outcome", record.outcome());
        data.put("accepted", record.accepted());
        broadcast("decision", data);
    }

    private void directory(Directory next) {
        if (sinks.isEmpty()) {
            return;
        }
        broadcast("directory", Map.of("version", next.version()));
    }

    private void broadcast(String event, Map<String, Object> data) {
        String json = Json.write(data);
        for (Response.EventSink sink : sinks) {
            if (sink.isOpen()) {
                sink.send(event, json);
            } else {
                sinks.remove(sink);
            }
        }
    }
}
