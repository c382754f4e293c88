package dev.behalf.gateway.hardening;

import dev.behalf.policy.seed.Cast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault rules end to end against {@code behalf.jar serve} (issue 14.5), with curl and swaks: a rule from
 * {@code --faults FILE}, one added with {@code curl POST /api/faults}; the chosen sends get Exchange Online's
 * throttling replies and nothing is delivered, then sends go through once the rule's N are used up.
 * Lives beside {@link ServerProcess}, which starts the jar.
 */
class FaultRulesJarIT {
    private static final Path CONFIG = Path.of("..", "config");

    @TempDir
    Path dir;

    @Test
    void curlAddsARuleSwaksGets451TwiceThenSendsAndTheFileRuleAnswersWithTheQuotaReply() throws Exception {
        Path faults = dir.resolve("faults.yaml");
        Files.writeString(faults, String.join("\n",
                "faults:",
                "  - name: quota",
                "    account: karent",
                "    reply: submission-quota",
                "    next: 1",
                ""));
        try (ServerProcess server = ServerProcess.start(dir.resolve("behalf.log"), "--config", CONFIG.toString(),
                "--faults", faults.toString())) {
            String api = "http://127.0.0.1:" + server.http + "/api/faults";
            Result added = run(List.of("curl", "-sS", "--fail-with-body", "-X", "POST", api,
                    "-H", "Content-Type: application/json", "-H", "X-Behalf-Request: 1",
                    "--data", "{\"name\":\"busy\",\"stage\":\"MAIL\",\"reply\":\"server-busy\",\"account\":\"terrya@contoso.com\",\"next\":2}"), "");
            assertEquals(0, added.exitCode(), added.output());
            assertTrue(added.output().contains("\"name\":\"busy\""), added.output());

            for (int i = 1; i <= 2; i++) {
                Result busy = swaks(server, "terrya@contoso.com", "busy " + i);
                assertNotEquals(0, busy.exitCode(), busy.output());
                assertTrue(busy.output().contains("<** 451 4.7.500 Server busy. Please try again later."), busy.output());
            }
            Result through = swaks(server, "terrya@contoso.com", "third try");
            assertEquals(0, through.exitCode(), through.output());
            assertTrue(through.output().contains("<~  250 2.6.0 ") || through.output().contains("<-  250 2.6.0 "), through.output());

            Result quota = swaks(server, "karent@contoso.com", "over quota");
            assertNotEquals(0, quota.exitCode(), quota.output());
            assertTrue(quota.output().contains("<** 554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException;"),
                    quota.output());

            Result listed = run(List.of("curl", "-sS", "--fail-with-body", api), "");
            assertTrue(listed.output().contains("\"name\":\"quota\"") && listed.output().contains("\"fired\":1"), listed.output());
            assertTrue(listed.output().contains("\"name\":\"busy\"") && listed.output().contains("\"fired\":2,\"remaining\":0"),
                    listed.output());

            Result recorded = run(List.of("curl", "-sS", "--fail-with-body",
                    "http://127.0.0.1:" + server.http + "/api/decisions?outcome=Fault"), "");
            assertEquals(3, recorded.output().split("\"outcome\":\"Fault\"", -1).length - 1, recorded.output());
            assertTrue(recorded.output().contains("fault rule 'busy' (MAIL, account terrya@contoso.com, next 2) 2 of 2"), recorded.output());

            Result inbox = run(List.of("curl", "-sS", "--fail-with-body",
                    "http://127.0.0.1:" + server.http + "/api/mailboxes/jimh@contoso.com/messages"), "");
            assertTrue(inbox.output().contains("third try"), inbox.output());
            assertTrue(!inbox.output().contains("busy 1") && !inbox.output().contains("over quota"), "nothing faulted is delivered: " + inbox.output());

            Result cleared = run(List.of("curl", "-sS", "--fail-with-body", "-X", "DELETE", api,
                    "-H", "X-Behalf-Request: 1"), "");
            assertTrue(cleared.output().contains("\"deleted\":2"), cleared.output());
            assertEquals(0, swaks(server, "karent@contoso.com", "after clearing").exitCode());

            Result bad = run(List.of("curl", "-sS", "-X", "POST", api, "-H", "X-Behalf-Request: 1",
                    "--data", "{\"reply\":\"teapot\"}", "-o", "/dev/stderr", "-w", "%{http_code}"), "");
            assertTrue(bad.output().contains("400") && bad.output().contains("reply 'teapot' is not one of server-busy"), bad.output());
        }
    }

    record Result(int exitCode, String output) {
    }

    /** A client process, bounded to 60 s, its output and error together. */
    private static Result run(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("can't run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command.get(0), e);
        }
    }

    private static Result swaks(ServerProcess server, String account, String subject) {
        return run(List.of("swaks", "--server", "127.0.0.1", "--port", String.valueOf(server.smtp),
                "--auth", "PLAIN", "--auth-user", account, "--auth-password", Cast.PASSWORD,
                "--from", account, "--to", "jimh@contoso.com", "--header", "Subject: " + subject), "");
    }
}
