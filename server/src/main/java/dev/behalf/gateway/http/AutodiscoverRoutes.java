package dev.behalf.gateway.http;

import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.signin.Credential;
import dev.behalf.policy.signin.Mechanism;
import dev.behalf.policy.signin.SaslExchange;
import dev.behalf.policy.signin.SignIn;
import dev.behalf.policy.signin.SignInAttempt;
import dev.behalf.policy.signin.SignInDecision;
import dev.behalf.policy.signin.SignInSurface;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How clients find their settings and their delegated mailboxes (spec §8): Outlook's POX
 * Autodiscover (HTTP Basic with the account's credentials; auto-mapped mailboxes as
 * {@code AlternativeMailbox} elements, the POX form of what EWS calls AlternateMailboxes),
 * Thunderbird's autoconfig, and {@code GET /api/accounts/{address}/mailboxes}.
 */
public final class AutodiscoverRoutes {
    static final String REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    static final String RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";
    static final String OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";

    private static final Response.Full UNAUTHORIZED = new Response.Full(HttpResponseStatus.UNAUTHORIZED, "text/plain; charset=utf-8",
            "401 Unauthorized: send HTTP Basic credentials of a mailbox account\n".getBytes(StandardCharsets.UTF_8),
            Map.of("WWW-Authenticate", "Basic realm=\"autodiscover\""));

    private final LiveDirectory directory;
    private final SignIn signIn;
    private final Supplier<Map<String, Object>> ports;
    private final String serverName;

    /**
     * @param serverName the server name handed to clients (the configured {@code --hostname} or the bound
     *                   address), never the request's Host, which is whatever the caller wrote
     */
    public AutodiscoverRoutes(LiveDirectory directory, SignIn signIn, Supplier<Map<String, Object>> ports, String serverName) {
        this.directory = directory;
        this.signIn = signIn;
        this.ports = ports;
        this.serverName = serverName;
    }

    public Router install(Router router) {
        return router
                .publicPost("/autodiscover/autodiscover.xml", this::autodiscover)
                .publicPost("/Autodiscover/Autodiscover.xml", this::autodiscover)
                .publicGet("/.well-known/autoconfig/mail/config-v1.1.xml", this::autoconfig)
                .publicGet("/mail/config-v1.1.xml", this::autoconfig)
                .get("/api/accounts/{address}/mailboxes", this::mailboxes);
    }

    /**
     * Outlook's POX Autodiscover: the Basic credentials are decided by {@link SignIn} as every sign-in is
     * (throttled per client and account); the answer waits out the throttle without holding a thread.
     */
    private Response autodiscover(Request r) {
        Optional<Credential> credential = basicAuth(r);
        if (credential.isEmpty()) {
            return UNAUTHORIZED;
        }
        return new Response.Deferred(signIn.decideLater(new SignInAttempt(SignInSurface.AUTODISCOVER, r.client(), credential.get()))
                .thenApply(decision -> decision instanceof SignInDecision.Accepted accepted
                        ? autodiscover(r, directory.current(), accepted.account()) : UNAUTHORIZED));
    }

    private Response.Full autodiscover(Request r, Directory d, Recipient account) {
        Optional<String> requested = Xml.parse(r.body()).flatMap(doc -> Xml.text(doc, "EMailAddress"));
        if (requested.isEmpty()) {
            return xml(HttpResponseStatus.OK, error("600", "Invalid Request",
                    "The request must be Outlook's POX Autodiscover XML with an EMailAddress element."));
        }
        Optional<Recipient> target = SmtpAddress.tryParse(requested.get()).flatMap(d::byAddress);
        if (target.isEmpty() || !target.get().type().hasMailbox()) {
            return xml(HttpResponseStatus.OK, error("500", "The e-mail address cannot be found.", requested.get()));
        }
        String login;
        if (target.get().id().equals(account.id())) {
            login = address(account);
        } else if (MailboxAccess.canOpen(d, account.id(), target.get().id()).isPresent()) {
            login = address(account) + "\\" + address(target.get());
        } else {
            return xml(HttpResponseStatus.OK, error("500", "The e-mail address cannot be found.", requested.get()));
        }
        return xml(HttpResponseStatus.OK, settings(target.get(), login,
                target.get().id().equals(account.id()) ? MailboxAccess.autoMapped(d, account.id()) : List.of()));
    }

    private String settings(Recipient mailbox, String login, List<MailboxAccess.Grant> autoMapped) {
        String host = serverName;
        Map<String, Object> p = ports.get();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<Autodiscover xmlns=\"").append(RESPONSE_NS).append("\">\n")
                .append("  <Response xmlns=\"").append(OUTLOOK_NS).append("\">\n")
                .append("    <User>\n")
                .append("      <DisplayName>").append(Xml.escape(mailbox.displayName())).append("</DisplayName>\n")
                .append("      <LegacyDN>").append(Xml.escape(mailbox.legacyExchangeDn())).append("</LegacyDN>\n")
                .append("      <AutoDiscoverSMTPAddress>").append(Xml.escape(address(mailbox))).append("</AutoDiscoverSMTPAddress>\n")
                .append("      <DeploymentId>").append(mailbox.id()).append("</DeploymentId>\n")
                .append("    </User>\n")
                .append("    <Account>\n")
                .append("      <AccountType>email</AccountType>\n")
                .append("      <Action>settings</Action>\n");
        protocol(x, "IMAP", host, p.get("imap"), login, "off", "");
        protocol(x, "POP3", host, p.get("pop3"), login, "off", "");
        protocol(x, "SMTP", host, p.get("smtp"), address(mailbox), "off", "      <Encryption>TLS</Encryption>\n      <UsePOPAuth>on</UsePOPAuth>\n");
        for (MailboxAccess.Grant g : autoMapped) {
            x.append("      <AlternativeMailbox>\n")
                    .append("        <Type>Delegate</Type>\n")
                    .append("        <DisplayName>").append(Xml.escape(g.mailbox().displayName())).append("</DisplayName>\n")
                    .append("        <LegacyDN>").append(Xml.escape(g.mailbox().legacyExchangeDn())).append("</LegacyDN>\n")
                    .append("        <SmtpAddress>").append(Xml.escape(address(g.mailbox()))).append("</SmtpAddress>\n")
                    .append("        <OwnerSmtpAddress>").append(Xml.escape(address(g.mailbox()))).append("</OwnerSmtpAddress>\n")
                    .append("      </AlternativeMailbox>\n");
        }
        return x.append("    </Account>\n  </Response>\n</Autodiscover>\n").toString();
    }

    private static void protocol(StringBuilder x, String type, String host, Object port, String login, String ssl, String extra) {
        x.append("      <Protocol>\n")
                .append("        <Type>").append(type).append("</Type>\n")
                .append("        <Server>").append(Xml.escape(host)).append("</Server>\n")
                .append("        <Port>").append(port).append("</Port>\n")
                .append("        <LoginName>").append(Xml.escape(login)).append("</LoginName>\n")
                .append("        <DomainRequired>off</DomainRequired>\n")
                .append("        <SPA>off</SPA>\n")
                .append("        <SSL>").append(ssl).append("</SSL>\n")
                .append("        <AuthRequired>on</AuthRequired>\n")
                .append(extra.replace("      <", "        <"))
                .append("      </Protocol>\n");
    }

    private static String error(String code, String message, String debug) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Autodiscover xmlns=\"" + RESPONSE_NS + "\">\n"
                + "  <Response>\n    <Error Time=\"" + java.time.LocalTime.now().withNano(0) + "\" Id=\"1\">\n"
                + "      <ErrorCode>" + code + "</ErrorCode>\n      <Message>" + Xml.escape(message) + "</Message>\n"
                + "      <DebugData>" + Xml.escape(debug) + "</DebugData>\n    </Error>\n  </Response>\n</Autodiscover>\n";
    }

    private Response autoconfig(Request r) {
        Directory d = directory.current();
        String domain = r.query("emailaddress").flatMap(SmtpAddress::tryParse).map(SmtpAddress::domain)
                .orElse(d.organization().defaultDomain());
        String host = serverName;
        Map<String, Object> p = ports.get();
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n"
                + "  <emailProvider id=\"" + Xml.escape(domain) + "\">\n"
                + "    <domain>" + Xml.escape(domain) + "</domain>\n"
                + "    <displayName>Behalf (" + Xml.escape(d.organization().name()) + ")</displayName>\n"
                + "    <displayShortName>Behalf</displayShortName>\n"
                + server("incomingServer", "imap", host, p.get("imap"), "plain")
                + server("incomingServer", "pop3", host, p.get("pop3"), "plain")
                + server("outgoingServer", "smtp", host, p.get("smtp"), "STARTTLS")
                + "  </emailProvider>\n</clientConfig>\n";
        return Response.text(HttpResponseStatus.OK, "application/xml; charset=utf-8", body);
    }

    private static String server(String element, String type, String host, Object port, String socketType) {
        return "    <" + element + " type=\"" + type + "\">\n"
                + "      <hostname>" + Xml.escape(host) + "</hostname>\n"
                + "      <port>" + port + "</port>\n"
                + "      <socketType>" + socketType + "</socketType>\n"
                + "      <authentication>password-cleartext</authentication>\n"
                + "      <username>%EMAILADDRESS%</username>\n"
                + "    </" + element + ">\n";
    }

    private Response mailboxes(Request r) {
        Directory d = directory.current();
        Recipient account = d.account(r.param("address"))
                .or(() -> SmtpAddress.tryParse(r.param("address")).flatMap(d::byAddress))
                .orElse(null);
        if (account == null) {
            return Json.error(HttpResponseStatus.NOT_FOUND, "no account '" + r.param("address") + "'");
        }
        List<Map<String, Object>> open = MailboxAccess.openable(d, account.id()).stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mailbox", g.mailbox().displayName());
            m.put("address", address(g.mailbox()));
            m.put("type", g.mailbox().type().name());
            m.put("reason", g.reason());
            g.trustee().ifPresent(t -> m.put("trustee", t));
            m.put("viaGroups", g.viaGroup());
            m.put("autoMapped", g.autoMapped());
            m.put("imapLogin", address(account) + "\\" + address(g.mailbox()));
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", account.displayName());
        body.put("address", address(account));
        body.put("ownMailbox", account.type().hasMailbox());
        body.put("mailboxes", open);
        return Json.ok(body);
    }

    /** The {@code Authorization: Basic} credentials (RFC 7617, UTF-8), unreadable when not base64 of {@code login:password}. */
    private static Optional<Credential> basicAuth(Request r) {
        String header = r.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.of(new Credential.Unreadable(Mechanism.BASIC, Credential.Flaw.NOT_BASE64));
        }
        Optional<String> decoded = SaslExchange.utf8(bytes);
        if (decoded.isEmpty()) {
            return Optional.of(new Credential.Unreadable(Mechanism.BASIC, Credential.Flaw.NOT_UTF8));
        }
        int colon = decoded.get().indexOf(':');
        if (colon < 0) {
            return Optional.of(new Credential.Unreadable(Mechanism.BASIC, Credential.Flaw.NOT_SASL_PLAIN));
        }
        return Optional.of(new Credential.Password(Mechanism.BASIC, decoded.get().substring(0, colon), decoded.get().substring(colon + 1)));
    }

    private static String address(Recipient r) {
        return r.primarySmtpAddress().map(Object::toString).orElse(r.account().map(a -> a.userPrincipalName()).orElse(r.name()));
    }

    private static Response.Full xml(HttpResponseStatus status, String body) {
        return Response.text(status, "text/xml; charset=utf-8", body);
    }
}
