package dev.behalf.gateway.http;

import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.faults.FaultRules;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/faults} (admin): {@code GET} lists the fault rules with how often each answered and how many
 * answers it has left; {@code POST} adds rules (JSON or YAML: one rule, a list, or {@code {"faults": [...]}});
 * {@code DELETE} removes them all. A bad rule is a 400 naming the field; nothing of that body is added.
 */
public final class FaultRoutes {
    private final FaultRules faults;

    public FaultRoutes(FaultRules faults) {
        this.faults = faults;
    }

    public Router install(Router router) {
        return router
                .get("/api/faults", r -> list())
                .post("/api/faults", this::add)
                .delete("/api/faults", r -> {
                    int removed = faults.list().size();
                    faults.clear();
                    return Json.ok(Map.of("deleted", removed));
                });
    }

    private Response list() {
        return Json.ok(Map.of("faults", faults.list().stream().map(FaultRoutes::status).toList()));
    }

    private Response add(Request r) {
        List<FaultRule> added;
        try {
            added = FaultRules.parse(r.bodyText(), "request body");
        } catch (FaultRules.BadRules e) {
            return Json.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        if (added.isEmpty()) {
            return Json.error(HttpResponseStatus.BAD_REQUEST, "request body: no rules; send a rule, a list, or {\"faults\": [...]}");
        }
        faults.add(added);
        return Json.ok(Map.of("added", added.stream().map(FaultRule::toMap).toList(),
                "faults", faults.list().stream().map(FaultRoutes::status).toList()));
    }

    private static Map<String, Object> status(FaultRules.Status s) {
        Map<String, Object> m = new LinkedHashMap<>(s.rule().toMap());
        m.put("fired", s.fired());
        if (s.remaining().isPresent()) {
            m.put("remaining", s.remaining().getAsInt());
        }
        return m;
    }
}
