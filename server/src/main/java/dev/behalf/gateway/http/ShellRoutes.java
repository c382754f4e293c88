package dev.behalf.gateway.http;

import dev.behalf.shell.Shell;
import dev.behalf.shell.ShellResult;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/shell}: runs cmdlets (text/plain, one or more lines) against the live directory.
 * Answers {@code {"output", "warnings", "errors"}}: 200 without errors, 422 with. Confirmation
 * prompts are answered yes, as for any non-interactive caller (spec §9).
 */
public final class ShellRoutes {
    private static final int MAX_COMMAND_BYTES = 1024 * 1024;
    private final Shell shell;

    public ShellRoutes(Shell shell) {
        this.shell = shell;
    }

    public Router install(Router router) {
        return router.post("/api/shell", this::run);
    }

    private Response run(Request r) {
        if (r.body().length > MAX_COMMAND_BYTES) {
            throw new Request.BadRequest("commands are limited to " + MAX_COMMAND_BYTES + " bytes");
        }
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
