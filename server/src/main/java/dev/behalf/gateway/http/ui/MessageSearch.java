package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.http.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The viewer's search box: {@code from:}, {@code sender:}, {@code to:}, {@code subject:} and
 * {@code decision:} terms and free text, all required, case-insensitive substring matches. Values
 * may be quoted: {@code subject:"quarterly report"}. Free text matches subject, From, Sender and To.
 *
 * <pre>{@code
 * MessageSearch.parse("from:sean decision:onbehalf report").matches(row)
 * }</pre>
 */
public record MessageSearch(List<Term> terms) {

    public enum Field { FROM, SENDER, TO, SUBJECT, DECISION, TEXT }

    /** One condition; for {@link Field#DECISION} {@code outcomes} holds the outcome names it accepts. */
    public record Term(Field field, String value, Set<String> outcomes) {
    }

    public MessageSearch {
        terms = List.copyOf(terms);
    }

    /** Parses the search text; throws {@link Request.BadRequest} for an unknown {@code decision:} value. */
    public static MessageSearch parse(String text) {
        List<Term> terms = new ArrayList<>();
        for (String token : tokens(text == null ? "" : text)) {
            int colon = token.indexOf(':');
            Field field = colon > 0 ? field(token.substring(0, colon)) : Field.TEXT;
            String value = field == Field.TEXT ? token : token.substring(colon + 1);
            value = unquote(value).toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            terms.add(new Term(field, value, field == Field.DECISION ? outcomes(value) : Set.of()));
        }
        return new MessageSearch(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public boolean matches(MessageRow row) {
        for (Term t : terms) {
            boolean hit = switch (t.field()) {
                case FROM -> contains(row.from(), t.value()) || contains(row.fromDisplay(), t.value());
                case SENDER -> row.sender().map(s -> contains(s, t.value())).orElse(false);
                case TO -> row.to().stream().anyMatch(a -> contains(a, t.value()));
                case SUBJECT -> contains(row.subject(), t.value());
                case DECISION -> row.outcome().map(t.outcomes()::contains).orElse(false);
                case TEXT -> contains(row.subject(), t.value()) || contains(row.fromDisplay(), t.value())
                        || contains(row.from(), t.value()) || row.sender().map(s -> contains(s, t.value())).orElse(false)
                        || row.to().stream().anyMatch(a -> contains(a, t.value()));
            };
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Field field(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "from" -> Field.FROM;
            case "sender" -> Field.SENDER;
            case "to" -> Field.TO;
            case "subject" -> Field.SUBJECT;
            case "decision" -> Field.DECISION;
            default -> Field.TEXT;
        };
    }

    private static Set<String> outcomes(String value) {
        return switch (value.replaceAll("[^a-z]", "")) {
            case "self" -> Set.of("Self");
            case "sendas", "as" -> Set.of("SendAs");
            case "onbehalf", "sendonbehalf", "behalf" -> Set.of("SendOnBehalf");
            case "refused" -> Set.of("Denied", "Rejected");
            case "denied" -> Set.of("Denied");
            case "rejected" -> Set.of("Rejected");
            default -> throw new Request.BadRequest("decision: takes self, sendas, onbehalf, refused, denied or rejected; got '"
                    + value + "'");
        };
    }

    /** Splits on white space outside double quotes. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String s) {
        return s.replace("\"", "").strip();
    }
}
