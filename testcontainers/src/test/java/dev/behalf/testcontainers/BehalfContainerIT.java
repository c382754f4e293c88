package dev.behalf.testcontainers;

import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BehalfContainer as a user's Testcontainers test uses it, against the image the build made, through
 * the Docker API (here podman's: DOCKER_HOST=unix://..., TESTCONTAINERS_RYUK_DISABLED=true, set by .ci/run).
 */
class BehalfContainerIT {
    private static BehalfContainer behalf;

    @BeforeAll
    static void start() {
        ImageUnderTest image = ImageUnderTest.get();
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            ImageUnderTest.unavailable("Testcontainers finds no Docker API (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                    + "; with podman: podman system service, then DOCKER_HOST=unix://SOCKET)");
        }
        // The no-argument constructor: the image this build of the module names, the one the build made.
        assertEquals(image.image(), BehalfContainer.defaultImage().asCanonicalNameString());
        behalf = new BehalfContainer().withDemoDirectory();
        behalf.start();
    }

    @AfterAll
    static void stop() {
        if (behalf != null) {
            behalf.stop();
        }
    }

    @Test
    void aGrantMadeThroughTheShellDecidesTheNextSubmission() throws Exception {
        behalf.reset();
        String out = behalf.shell("Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh; Get-Mailbox seanc | Format-List GrantSendOnBehalfTo");
        assertTrue(out.contains("Holly Holt"), out);

        Mail.send(behalf.getHost(), behalf.getSmtpPort(), "hollyh", "seanc@contoso.com", "jimh@contoso.com", "Via Testcontainers");

        List<String[]> inbox = Mail.inbox(behalf.getHost(), behalf.getImapPort(), "jimh@contoso.com", "Via Testcontainers");
        assertEquals(1, inbox.size());
        assertTrue(inbox.get(0)[1].contains("hollyh@contoso.com"), "Sender: " + inbox.get(0)[1]);
        BehalfDecision last = behalf.decisions().get(0);
        assertEquals("SendOnBehalf", last.outcome());
        assertEquals(List.of("seanc@contoso.com"), last.headerFrom());
        assertTrue(last.accepted());
    }

    @Test
    void aRefusalIsRecordedAndResetForgetsIt() throws Exception {
        behalf.reset();
        assertThrows(SendFailedException.class,
                () -> Mail.send(behalf.getHost(), behalf.getSmtpPort(), "jimh", "ayla@contoso.com", "terrya@contoso.com", "Refused"));
        BehalfDecision refused = behalf.decisions().get(0);
        assertEquals("Denied", refused.outcome());
        assertTrue(refused.reply().startsWith("550 5.7.60"), refused.reply());

        behalf.reset();
        assertEquals(List.of(), behalf.decisions());
    }

    @Test
    void aFailingCmdletThrowsWithExchangesError() {
        BehalfShellException e = assertThrows(BehalfShellException.class, () -> behalf.shell("Get-Mailbox nobody-here"));
        assertTrue(e.getMessage().contains("nobody-here"), e.getMessage());
    }

    @Test
    void theTokenIsHandledForTheUserAndRequiredOfEveryoneElse() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(behalf.getApiUrl() + "/api/decisions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(behalf.getApiUrl() + "/api/decisions"))
                .header("Authorization", "Bearer " + behalf.getAdminToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withToken.statusCode());
    }

    @Test
    void portsArePublishedOnLoopbackOnly() {
        var bindings = behalf.getContainerInfo().getNetworkSettings().getPorts().getBindings();
        List<String> published = new java.util.ArrayList<>();
        bindings.forEach((port, bound) -> {
            for (var b : bound == null ? new com.github.dockerjava.api.model.Ports.Binding[0] : bound) {
                published.add(port.getPort() + " on " + b.getHostIp());
            }
        });
        published.sort(null);
        assertEquals(List.of("2110 on 127.0.0.1", "2143 on 127.0.0.1", "2525 on 127.0.0.1", "8025 on 127.0.0.1"), published);
    }

    @Test
    void aCustomDirectoryIsLoadedInstead() throws Exception {
        try (BehalfContainer fabrikam = new BehalfContainer(ImageUnderTest.get().image())
                .withDirectory(Path.of("src/test/resources/fabrikam"))) {
            fabrikam.start();
            assertTrue(fabrikam.shell("Get-Mailbox sales | Format-List GrantSendOnBehalfTo").contains("Alex Wilber"));
            Mail.send(fabrikam.getHost(), fabrikam.getSmtpPort(), "alex@fabrikam.com", "sales@fabrikam.com", "megan@fabrikam.com", "For Sales");
            assertEquals("SendOnBehalf", fabrikam.decisions().get(0).outcome());
            assertThrows(BehalfShellException.class, () -> fabrikam.shell("Get-Mailbox seanc"), "no Contoso in Fabrikam's directory");
        }
    }
}
