package dev.behalf.testcontainers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Behalf in a container for a Testcontainers test, in any JVM language: SMTP submission with
 * Exchange's delegation check, IMAP, POP3 and the HTTP API.
 *
 * <pre>{@code
 * @Container
 * static BehalfContainer behalf = new BehalfContainer().withDemoDirectory();
 *
 * behalf.shell("Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh");
 * // send through behalf.getHost():behalf.getSmtpPort() as hollyh / P@ssw0rd, From seanc@contoso.com
 * assertEquals("SendOnBehalf", behalf.decisions().get(0).outcome());
 * }</pre>
 *
 * <p>The admin token the image requires is chosen here and sent on every call; {@link #getAdminToken()}
 * gives it to other HTTP clients. Published ports are bound to the host's 127.0.0.1 when the Docker
 * host is this machine, so nothing else on the network reaches the test's server. Plain AUTH works
 * (the image allows it); STARTTLS is offered with a self-signed certificate.
 */
public class BehalfContainer extends GenericContainer<BehalfContainer> {
    public static final int SMTP_PORT = 2525;
    public static final int IMAP_PORT = 2143;
    public static final int POP3_PORT = 2110;
    public static final int HTTP_PORT = 8025;
    /** Where {@link #withDirectory(Path)} puts a custom directory (the image's own /config holds the demo). */
    static final String CUSTOM_CONFIG = "/custom-config";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndAddModules().build();

    private final String adminToken = newToken();
    private HttpClient http;

    /** The image this build of behalf-testcontainers was tested with ({@code localhost/behalf:VERSION}). */
    public BehalfContainer() {
        this(defaultImage());
    }

    public BehalfContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public BehalfContainer(DockerImageName image) {
        super(image);
        withExposedPorts(SMTP_PORT, IMAP_PORT, POP3_PORT, HTTP_PORT);
        withEnv("BEHALF_ADMIN_TOKEN", adminToken);
        waitingFor(Wait.forHttp("/api/health").forPort(HTTP_PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(90)));
    }

    /** The name the build gives the image: {@code localhost/behalf:} and this module's version. */
    public static DockerImageName defaultImage() {
        try (InputStream in = BehalfContainer.class.getResourceAsStream("image.properties")) {
            Properties p = new Properties();
            p.load(in);
            return DockerImageName.parse(p.getProperty("image"));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("behalf-testcontainers' jar lacks its image.properties", e);
        }
    }

    /** The Contoso demo directory bundled in the image (the default; every password is {@code P@ssw0rd}). */
    public BehalfContainer withDemoDirectory() {
        getEnvMap().remove("BEHALF_CONFIG");
        return self();
    }

    /** A folder of directory YAML files (as {@code --config DIR}), copied into the container at start. */
    public BehalfContainer withDirectory(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            throw new IllegalArgumentException(configDir + " is not a folder of directory YAML files");
        }
        withCopyFileToContainer(MountableFile.forHostPath(configDir), CUSTOM_CONFIG);
        return withEnv("BEHALF_CONFIG", CUSTOM_CONFIG);
    }

    @Override
    protected void configure() {
        super.configure();
        if (dockerHostIsThisMachine()) {
            // Testcontainers publishes exposed ports on every interface (PublishAllPorts); the same ports on
            // free loopback ports instead, as smtp4dev's docs advise for a mail catcher.
            withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPublishAllPorts(false)
                    .withPortBindings(getExposedPorts().stream()
                            .map(p -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(p))).toList()));
        }
    }

    private static boolean dockerHostIsThisMachine() {
        try {
            return InetAddress.getByName(DockerClientFactory.instance().dockerHostIpAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public int getSmtpPort() {
        return getMappedPort(SMTP_PORT);
    }

    public int getImapPort() {
        return getMappedPort(IMAP_PORT);
    }

    public int getPop3Port() {
        return getMappedPort(POP3_PORT);
    }

    public int getHttpPort() {
        return getMappedPort(HTTP_PORT);
    }

    /** The HTTP API's (and web UI's) base URL, without a trailing slash: {@code http://127.0.0.1:32768}. */
    public String getApiUrl() {
        return "http://" + getHost() + ":" + getHttpPort();
    }

    /** The token every {@code /api/} call needs ({@code Authorization: Bearer TOKEN}). */
    public String getAdminToken() {
        return adminToken;
    }

    /**
     * Runs Exchange Management Shell cmdlets ({@code POST /api/shell}) and returns their output.
     *
     * @throws BehalfShellException when a cmdlet fails, with Exchange's error text
     */
    public String shell(String cmdlets) {
        HttpResponse<String> r = send(request("/api/shell").header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(cmdlets, StandardCharsets.UTF_8)));
        Map<String, Object> body = read(r.body(), Map.class);
        if (r.statusCode() == 422) {
            throw new BehalfShellException(cmdlets, stringList(body.get("errors")));
        }
        expect(200, r);
        return String.valueOf(body.getOrDefault("output", ""));
    }

    /** Back to the directory as loaded, no mail, no decision records ({@code POST /api/reset}): between tests. */
    public void reset() {
        expect(200, send(request("/api/reset").POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Every decision record, newest first ({@code GET /api/decisions}). */
    public List<BehalfDecision> decisions() {
        HttpResponse<String> r = send(request("/api/decisions?limit=100000").GET());
        expect(200, r);
        return List.of(read(r.body(), BehalfDecision[].class));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(getApiUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                // Behalf refuses a POST that a web page's form could have sent; a test client says it isn't one.
                .header("X-Behalf-Request", "1");
    }

    private synchronized HttpResponse<String> send(HttpRequest.Builder request) {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("calling Behalf's API at " + getApiUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling Behalf's API", e);
        }
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " answered "
                    + r.statusCode() + ": " + r.body());
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("Behalf's API answered what isn't the expected JSON: " + json, e);
        }
    }

    private static List<String> stringList(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
