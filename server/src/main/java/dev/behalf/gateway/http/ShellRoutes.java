package dev.behalf.gateway.http;

import dev.behalf.shell.Shell;
import dev.behalf.shell.ShellResult;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/shell}: runs cmdlets (text/plain, one or more lines, at most
 * {@link HttpServer#MAX_BODY_BYTES}) against the live directory. A text/plain POST is one any page's
 * form could send, so callers add {@code X-Behalf-Request: 1} ({@link CrossSiteGuard}).
 * Answers {@code {"output", "warnings", "errors"}}: 200 without errors, 422 with. Confirmation
 * prompts are answered yes, as for any non-interactive caller (spec §9).
 */
public final class ShellRoutes {
    private final Shell shell;

    public ShellRoutes(Shell shell) {
        this.shell = shell;
    }

    public Router install(Router router) {
        return router.post("/api/shell", this::run);
    }

    private Response run(Request r) {
        String contentType = r.headers().get("Content-Type", "text/plain");
        if (!contentType.startsWith("text/plain")) {
            throw new Request.BadRequest("send the commands as text/plain, not " + contentType);
        }
        String text = r.bodyText();
        if (text.isBlank()) {
            throw new Request.BadRequest("no command: send cmdlets as the request body, e.g. Get-Mailbox");
        }
        ShellResult result = shell.run(text);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("output", result.output());
        body.put("warnings", result.warnings());
        body.put("errors", result.errors());
        return Json.of(result.ok() ? HttpResponseStatus.OK : HttpResponseStatus.UNPROCESSABLE_ENTITY, body);
    }
}
