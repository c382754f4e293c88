package dev.behalf.gateway.faults;

import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.reply.Refusal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One fault rule: which submissions it answers (the signed-in account, the MAIL FROM address, the SMTP
 * stage, a share of them, the next N), and the transient or throttling reply of Exchange Online it answers
 * them with. Immutable; its counters live in {@link FaultRules}.
 *
 * @param account a sign-in name or any identity of the account (alias, address, display name); empty = any
 * @param from    the MAIL FROM address (or, at DATA, a From address); empty = any
 * @param next    answer this many matching commands, then stop; empty = every one
 * @param percent the share of matching commands answered, 1..100, drawn from a {@code seed}ed random
 *                sequence so that a run can be repeated
 */
public record FaultRule(String name, Stage stage, Reply reply, Optional<String> account, Optional<String> from,
                        OptionalInt next, int percent, long seed) {

    /** The SMTP command a rule answers. */
    public enum Stage { MAIL, RCPT, DATA }

    /** The replies a rule can send, by the name a rules file uses. */
    public enum Reply {
        SERVER_BUSY("server-busy", Refusal.SERVER_BUSY),
        SERVICE_UNAVAILABLE("service-unavailable", Refusal.SERVICE_UNAVAILABLE),
        TOO_MANY_RECIPIENTS("too-many-recipients", Refusal.TOO_MANY_RECIPIENTS),
        SENDER_THREAD_LIMIT("sender-thread-limit", Refusal.SENDER_THREAD_LIMIT),
        SUBMISSION_QUOTA_EXCEEDED("submission-quota", Refusal.SUBMISSION_QUOTA_EXCEEDED);

        private final String fileName;
        private final Refusal refusal;

        Reply(String fileName, Refusal refusal) {
            this.fileName = fileName;
            this.refusal = refusal;
        }

        public String fileName() {
            return fileName;
        }

        public Refusal refusal() {
            return refusal;
        }

        /** By its file name ({@code server-busy}), constant name, or basic code ({@code 451}). */
        public static Optional<Reply> byName(String text) {
            String t = text.strip();
            return Arrays.stream(values()).filter(r -> r.fileName.equalsIgnoreCase(t) || r.name().equalsIgnoreCase(t)
                    || String.valueOf(r.refusal.reply(Dialect.EXCHANGE_ONLINE).code()).equals(t)).findFirst();
        }

        public static String names() {
            return Arrays.stream(values()).map(Reply::fileName).collect(Collectors.joining(", "));
        }
    }

    public FaultRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(next, "next");
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("fault rule '" + name + "': percent is 1..100: " + percent);
        }
        if (next.isPresent() && next.getAsInt() < 1) {
            throw new IllegalArgumentException("fault rule '" + name + "': next is at least 1: " + next.getAsInt());
        }
    }

    /** A rule answering every {@code stage} command of everyone with {@code reply}; narrow it with the withers. */
    public static FaultRule of(String name, Stage stage, Reply reply) {
        return new FaultRule(name, stage, reply, Optional.empty(), Optional.empty(), OptionalInt.empty(), 100, 1);
    }

    public FaultRule account(String v) {
        return new FaultRule(name, stage, reply, Optional.of(v), from, next, percent, seed);
    }

    public FaultRule from(String v) {
        return new FaultRule(name, stage, reply, account, Optional.of(v), next, percent, seed);
    }

    public FaultRule next(int v) {
        return new FaultRule(name, stage, reply, account, from, OptionalInt.of(v), percent, seed);
    }

    public FaultRule percent(int v, long seed) {
        return new FaultRule(name, stage, reply, account, from, next, v, seed);
    }

    /** For records and logs: {@code fault rule 'busy' (MAIL, account terrya, next 2): 451 4.7.500 ...}. */
    public String describe() {
        StringBuilder b = new StringBuilder("fault rule '").append(name).append("' (").append(stage);
        account.ifPresent(a -> b.append(", account ").append(a));
        from.ifPresent(f -> b.append(", from ").append(f));
        next.ifPresent(n -> b.append(", next ").append(n));
        if (percent < 100) {
            b.append(", ").append(percent).append("% seed ").append(seed);
        }
        return b.append(")").toString();
    }

    /** The rule as its JSON/YAML form has it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("stage", stage.name());
        m.put("reply", reply.fileName());
        account.ifPresent(a -> m.put("account", a));
        from.ifPresent(f -> m.put("from", f));
        next.ifPresent(n -> m.put("next", n));
        m.put("percent", percent);
        m.put("seed", seed);
        return m;
    }

    static Stage stage(String text) {
        try {
            return Stage.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FaultRules.BadRules("stage '" + text + "' is not one of MAIL, RCPT, DATA");
        }
    }
}
