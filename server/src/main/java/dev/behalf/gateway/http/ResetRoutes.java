package dev.behalf.gateway.http;

import dev.behalf.policy.change.LiveDirectory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/reset}: back to the declared state (the directory as loaded, no mail, no decision
 * records) between the tests of a client in any language. Answers {@code {"reset": true,
 * "directoryVersion": n}}.
 */
public final class ResetRoutes {
    private final Runnable reset;
    private final LiveDirectory directory;

    /** @param reset puts the whole server back; runs on the request's thread */
    public ResetRoutes(Runnable reset, LiveDirectory directory) {
        this.reset = reset;
        this.directory = directory;
    }

    public Router install(Router router) {
        return router.post("/api/reset", r -> reset());
    }

    private Response reset() {
        reset.run();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reset", true);
        body.put("directoryVersion", directory.current().version());
        return Json.ok(body);
    }
}
