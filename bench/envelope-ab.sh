#!/usr/bin/env bash
# FETCH 1:* (ENVELOPE) on a full Inbox, for builds of Behalf side by side: each jar in turn is started, given
# MESSAGES messages over SMTP (the load client, one AUTH session per connection), then a raw IMAP client times
# the first FETCH 1:* (ENVELOPE) (every envelope computed: they are kept with the message after) and three more.
# ROUNDS rounds, the jars alternating; a Markdown table of each run's times at the end.
#
#   bench/envelope-ab.sh before.jar after.jar            # MESSAGES=20000 ROUNDS=3
source "$(dirname "$0")/lib.sh"
MESSAGES="${MESSAGES:-20000}"; ROUNDS="${ROUNDS:-3}"
[ $# -ge 1 ] || { echo "usage: $0 A.jar [B.jar ...]" >&2; exit 2; }
need_jars

# The times in ms of FETCH 1:* (ENVELOPE), the first then three more, on port $1; checks that every message answered.
fetch_times() {
  python3 - "$1" "$MESSAGES" <<'PY'
import socket, sys, time
port, expected = int(sys.argv[1]), int(sys.argv[2])
s = socket.create_connection(("127.0.0.1", port)); f = s.makefile("rb")
def command(tag, line):
    s.sendall((tag + " " + line + "\r\n").encode())
    answers = 0
    while True:
        l = f.readline()
        if l.endswith(b"}\r\n") and b"{" in l:
            f.read(int(l[l.rindex(b"{") + 1:-3]))
        if l.startswith(tag.encode() + b" "):
            if not l.startswith(tag.encode() + b" OK"):
                sys.exit("%s failed: %r" % (line, l))
            return answers
        answers += l.startswith(b"* ") and b" FETCH (ENVELOPE " in l
f.readline()
command("a", "LOGIN jimh@contoso.com P@ssw0rd")
command("b", "EXAMINE INBOX")
times = []
for i in range(4):
    t = time.perf_counter()
    n = command("c%d" % i, "FETCH 1:* (ENVELOPE)")
    times.append((time.perf_counter() - t) * 1000)
    if n != expected:
        sys.exit("FETCH answered %d messages, expected %d" % (n, expected))
print(" ".join("%.0f" % t for t in times))
PY
}

echo "# FETCH 1:* (ENVELOPE) on $MESSAGES messages, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "- machine: $(nproc) cores, $(java -version 2>&1 | head -1); load average at start: $(load_average)"
echo
echo "| round | jar | first (ms) | then (ms) |"
echo "|---:|---|---:|---|"
for round in $(seq "$ROUNDS"); do
  for jar in "$@"; do
    BEHALF_JAR="$jar" start_behalf srv
    # shellcheck disable=SC2086
    java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad --target "srv=$srv_SMTP:terrya:P@ssw0rd" \
        --levels 10 --total "$MESSAGES" --rounds 1 --warmup 0 --size 2048 --deadline 300 --mode session >/dev/null \
        || { echo "the load client failed against $jar"; exit 1; }
    read -r first rest <<<"$(fetch_times "$srv_IMAP")" || exit 1
    echo "| $round | $(basename "$jar") | $first | $rest |"
    stop "$srv_PID"
  done
done
