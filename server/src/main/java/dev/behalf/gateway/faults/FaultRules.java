package dev.behalf.gateway.faults;

import dev.behalf.policy.reply.Refusal;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fault rules of a server (issue 14.5), from {@code --faults FILE} and {@code POST /api/faults}: the
 * SMTP stages ask {@link #fire} before they accept a command, and a rule that answers it says with which
 * reply. Rules are tried in the order added; the first that answers wins. Thread-safe: one lock orders
 * the counters and the seeded random draws, so a run with the same sends draws the same faults.
 */
public final class FaultRules {
    private static final Set<String> KEYS = Set.of("name", "stage", "reply", "account", "from", "next", "percent", "seed");

    private final List<FaultRule> declared;
    private final List<Armed> rules = new ArrayList<>();
    /** How many rules there are, readable without the lock: with none, SMTP's stages skip building a subject and the lock. */
    private volatile int count;

    /** A rule with its counters. */
    private static final class Armed {
        final FaultRule rule;
        final Random random;
        int fired;

        Armed(FaultRule rule) {
            this.rule = rule;
            this.random = new Random(rule.seed());
        }

        boolean spent() {
            return rule.next().isPresent() && fired >= rule.next().getAsInt();
        }
    }

    /** What a stage knows about the command a rule may answer. */
    public record Subject(FaultRule.Stage stage, Predicate<String> isAccount, String mailFrom, List<String> headerFrom) {
        public Subject {
            headerFrom = List.copyOf(headerFrom);
        }
    }

    /** A rule answered: with {@code refusal}; {@code detail} says which rule and how often for the record. */
    public record Fired(FaultRule rule, Refusal refusal, String detail) {
    }

    /** A rule as listed by {@code GET /api/faults}: how often it answered, and how many answers are left. */
    public record Status(FaultRule rule, int fired, OptionalInt remaining) {
    }

    /** @param declared the rules of {@code --faults FILE}, which {@link #reset} returns to */
    public FaultRules(List<FaultRule> declared) {
        this.declared = List.copyOf(declared);
        reset();
    }

    public static FaultRules none() {
        return new FaultRules(List.of());
    }

    /** No rule at all (a command that asks meanwhile a rule is added is answered as if it came just before). */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Whether a rule answers this command; counts it if so. */
    public synchronized Optional<Fired> fire(Subject s) {
        for (Armed a : rules) {
            FaultRule r = a.rule;
            if (r.stage() != s.stage() || a.spent()) {
                continue;
            }
            if (r.account().isPresent() && !s.isAccount().test(r.account().get())) {
                continue;
            }
            if (r.from().isPresent() && !r.from().get().equalsIgnoreCase(s.mailFrom())
                    && s.headerFrom().stream().noneMatch(r.from().get()::equalsIgnoreCase)) {
                continue;
            }
            if (r.percent() < 100 && a.random.nextInt(100) >= r.percent()) {
                continue;
            }
            a.fired++;
            String count = r.next().isPresent() ? " " + a.fired + " of " + r.next().getAsInt() : " #" + a.fired;
            return Optional.of(new Fired(r, r.reply().refusal(), r.describe() + count));
        }
        return Optional.empty();
    }

    public synchronized void add(List<FaultRule> more) {
        more.forEach(r -> rules.add(new Armed(r)));
        count = rules.size();
    }

    public synchronized void clear() {
        rules.clear();
        count = 0;
    }

    /** Back to the declared rules, with fresh counters and random sequences. */
    public synchronized void reset() {
        rules.clear();
        count = 0;
        add(declared);
    }

    public synchronized List<Status> list() {
        return rules.stream().map(a -> new Status(a.rule, a.fired,
                a.rule.next().isPresent() ? OptionalInt.of(a.rule.next().getAsInt() - a.fired) : OptionalInt.empty())).toList();
    }

    /** Bad rules text: the message names the rule and the field, and lists the choices. */
    public static final class BadRules extends IllegalArgumentException {
        public BadRules(String message) {
            super(message);
        }
    }

    /**
     * Reads rules from YAML or JSON: {@code {faults: [rule, ...]}}, a list of rules, or one rule. A rule is
     * {@code {name, stage: MAIL|RCPT|DATA, reply: server-busy|..., account, from, next, percent, seed}};
     * {@code reply} is required, {@code stage} defaults to MAIL.
     *
     * @throws BadRules naming {@code source}, the rule and the field
     */
    public static List<FaultRule> parse(String text, String source) {
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new BadRules(source + ": not YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (tree instanceof Map<?, ?> m && m.containsKey("faults")) {
            tree = m.get("faults");
        }
        List<?> items = tree instanceof List<?> l ? l : tree instanceof Map<?, ?> ? List.of(tree) : null;
        if (items == null) {
            throw new BadRules(source + ": expected a rule, a list of rules, or {faults: [...]}");
        }
        List<FaultRule> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = source + " faults[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> raw)) {
                throw new BadRules(where + ": a rule is a mapping of " + String.join(", ", KEYS));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            raw.forEach((k, v) -> m.put(String.valueOf(k), v));
            try {
                out.add(rule(m, i));
            } catch (IllegalArgumentException e) {
                throw new BadRules(where + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static FaultRule rule(Map<String, Object> m, int index) {
        for (String k : m.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown field '" + k + "'; a rule has " + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Object reply = m.get("reply");
        if (reply == null) {
            throw new IllegalArgumentException("'reply' is required: one of " + FaultRule.Reply.names());
        }
        FaultRule.Reply r = FaultRule.Reply.byName(String.valueOf(reply)).orElseThrow(() -> new IllegalArgumentException(
                "reply '" + reply + "' is not one of " + FaultRule.Reply.names()));
        FaultRule.Stage stage = m.containsKey("stage") ? FaultRule.stage(String.valueOf(m.get("stage"))) : FaultRule.Stage.MAIL;
        String name = m.containsKey("name") ? String.valueOf(m.get("name")) : "rule " + (index + 1);
        return new FaultRule(name, stage, r, text(m, "account"), text(m, "from"),
                m.containsKey("next") ? OptionalInt.of((int) number(m, "next")) : OptionalInt.empty(),
                m.containsKey("percent") ? (int) number(m, "percent") : 100, m.containsKey("seed") ? number(m, "seed") : 1);
    }

    private static Optional<String> text(Map<String, Object> m, String key) {
        return Optional.ofNullable(m.get(key)).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static long number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, got '" + v + "'");
        }
    }
}
