package dev.behalf.gateway.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.http.Json;
import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.Router;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryProblem;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.policy.directory.PermissionTable;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;
import dev.behalf.policy.reply.Dialect;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin pages' JSON API (EAC-class): recipients by tab, a mailbox's or group's delegation, the
 * delegate picker, Save (single and bulk), Explain and the matrix. Save goes through
 * {@link LiveDirectory#apply}, the one mutation path, as one change set; the EAC column of the seed
 * table is enforced here, whatever the page offered.
 */
public final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);

    private final LiveDirectory directory;
    private final Dialect dialect;
    private final String hostName;

    public AdminRoutes(LiveDirectory directory, Dialect dialect, String hostName) {
        this.directory = directory;
        this.dialect = dialect;
        this.hostName = hostName;
    }

    public Router install(Router router) {
        return router
                .get("/api/admin/recipients", this::recipients)
                .get("/api/admin/recipients/{id}/delegation", this::delegation)
                .get("/api/admin/recipients/{id}/trustees", this::trustees)
                .get("/api/admin/recipients/{id}/matrix", this::matrix)
                .post("/api/admin/delegation", this::save)
                .get("/api/admin/explain", this::explain);
    }

    /**
     * {@code GET /api/admin/recipients?tab=mailboxes|resources|shared|groups|all|accounts|any&q=} →
     * {@code [RecipientRow]}: a tab's recipients, every account that can sign in, or every object;
     * {@code q} matches name, display name, alias and address.
     */
    public Response recipients(Request r) {
        String tab = r.query("tab").orElse("mailboxes");
        String q = r.query("q").orElse("").strip().toLowerCase(Locale.ROOT);
        List<RecipientRow> out = new ArrayList<>();
        for (Recipient rec : directory.current().recipients()) {
            if (inTab(rec, tab) && matches(rec, q)) {
                out.add(RecipientRow.of(rec));
            }
        }
        out.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()));
        return Json.ok(out);
    }

    /** {@code GET /api/admin/recipients/{id}/delegation} → {@link DelegationPage}. */
    public Response delegation(Request r) {
        Directory d = directory.current();
        return Json.ok(DelegationPage.of(d, target(d, r)));
    }

    /** A picker candidate: allowed when the EAC column permits it, otherwise the refusal it would get. */
    public record Candidate(RecipientRow recipient, boolean allowed, Optional<String> refusal) {
    }

    /**
     * {@code GET /api/admin/recipients/{id}/trustees?right=SendAs&q=} → {@code [Candidate]}: the users
     * and groups of the directory, those the EAC allows for this right and target first.
     */
    public Response trustees(Request r) {
        Directory d = directory.current();
        Recipient target = target(d, r);
        String name = r.query("right").orElseThrow(() -> new Request.BadRequest("right: give SendAs, SendOnBehalf or FullAccess"));
        Right right;
        try {
            right = Right.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest("right: '" + name + "' is not SendAs, SendOnBehalf or FullAccess");
        }
        String q = r.query("q").orElse("").strip().toLowerCase(Locale.ROOT);
        List<Candidate> out = new ArrayList<>();
        for (Recipient rec : d.recipients()) {
            if (rec.id().equals(target.id()) || rec.hiddenFromAddressLists() || !matches(rec, q)) {
                continue;
            }
            Optional<String> refusal = PermissionTable.check(right, Surface.EAC, target.type(), rec.type());
            out.add(new Candidate(RecipientRow.of(rec), refusal.isEmpty(), refusal));
        }
        out.sort((a, b) -> a.allowed() != b.allowed() ? (a.allowed() ? -1 : 1)
                : a.recipient().displayName().compareToIgnoreCase(b.recipient().displayName()));
        return Json.ok(out);
    }

    /**
     * {@code POST /api/admin/delegation} with a {@link DelegationEdit} → 200 {@code {applied, done,
     * warnings, directoryVersion}}, or 422 {@code {error, refusals}} and nothing changed.
     */
    public Response save(Request r) {
        DelegationEdit edit = DelegationEdit.parse(body(r));
        // Plan and apply with no other writer (a cmdlet) in between: no lost updates.
        return directory.exclusively(() -> {
            DelegationEdit.Plan plan = edit.plan(directory.current());
            if (plan instanceof DelegationEdit.Refused refused) {
                return refused(refused.reasons());
            }
            DelegationEdit.Accepted accepted = (DelegationEdit.Accepted) plan;
            Directory next;
            try {
                next = directory.apply(accepted.changes());
            } catch (InvalidDirectoryException e) {
                return refused(e.problems().stream().map(DirectoryProblem::toString).toList());
            }
            if (!accepted.changes().isEmpty()) {
                log.info("{} (directory version {})", accepted.changes().origin(), next.version());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("applied", !accepted.changes().isEmpty());
            body.put("done", accepted.done());
            body.put("warnings", accepted.warnings());
            body.put("directoryVersion", next.version());
            return Json.ok(body);
        });
    }

    /** {@code GET /api/admin/explain?account=&from=&sender=&resentFrom=&resentSender=} → {@link Explanation}; nothing is sent. */
    public Response explain(Request r) {
        return Json.ok(Explanation.of(directory, r.query("account").orElse(""), new Explanation.Claims(
                r.query("from").orElse(""), blankless(r.query("sender")), blankless(r.query("resentFrom")),
                blankless(r.query("resentSender"))), dialect, hostName));
    }

    private static Optional<String> blankless(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }

    /** {@code GET /api/admin/recipients/{id}/matrix?all=true} → {@link DelegationMatrix}. */
    public Response matrix(Request r) {
        Directory d = directory.current();
        return Json.ok(DelegationMatrix.of(d, target(d, r), r.query("all").map(Boolean::parseBoolean).orElse(false)));
    }

    private static Response refused(List<String> reasons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", String.join(" ", reasons));
        body.put("refusals", reasons);
        body.put("status", 422);
        return Json.of(HttpResponseStatus.UNPROCESSABLE_ENTITY, body);
    }

    private static Recipient target(Directory d, Request r) {
        RecipientId id;
        try {
            id = RecipientId.parse(r.param("id"));
        } catch (IllegalArgumentException e) {
            throw new Request.BadRequest("'" + r.param("id") + "' is not a recipient Guid");
        }
        return d.get(id).orElseThrow(() -> new Request.BadRequest("no recipient with Guid " + id));
    }

    private static boolean inTab(Recipient r, String tab) {
        return switch (tab) {
            case "any" -> true;
            case "accounts" -> r.canSignIn();
            default -> {
                try {
                    yield Tab.valueOf(tab).lists(r.type());
                } catch (IllegalArgumentException e) {
                    throw new Request.BadRequest("tab: '" + tab + "' is not mailboxes, resources, shared, groups, all, accounts or any");
                }
            }
        };
    }

    private static boolean matches(Recipient r, String q) {
        if (q.isEmpty()) {
            return true;
        }
        return r.name().toLowerCase(Locale.ROOT).contains(q) || r.displayName().toLowerCase(Locale.ROOT).contains(q)
                || r.alias().toLowerCase(Locale.ROOT).contains(q)
                || r.primarySmtpAddress().map(a -> a.toString().contains(q)).orElse(false);
    }

    private static JsonNode body(Request r) {
        try {
            return Json.mapper().readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new Request.BadRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new Request.BadRequest("the body can't be read: " + e.getMessage());
        }
    }
}
