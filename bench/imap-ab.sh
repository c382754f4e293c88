#!/usr/bin/env bash
# Compares builds of Behalf on IMAP latency, side by side in one run: each jar gets the same MESSAGES
# (default 1,000) in jimh's INBOX over SMTP, then bench/imap-latency.py runs against each in turn.
#
#   bench/imap-ab.sh before.jar after.jar [more.jar ...]
source "$(dirname "$0")/lib.sh"
MESSAGES="${MESSAGES:-1000}"; REPEATS="${REPEATS:-5}"
[ $# -ge 2 ] || { echo "usage: $0 A.jar B.jar [C.jar ...]" >&2; exit 2; }
targets=(); i=0
for jar in "$@"; do
  i=$((i + 1))
  BEHALF_JAR="$jar" start_behalf "v$i"
  port_var="v${i}_SMTP"; targets+=(--target "v$i=${!port_var}:terrya:P@ssw0rd")
  echo "v$i = $jar"
done
echo "load average at start: $(load_average)"
# shellcheck disable=SC2086
java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad "${targets[@]}" --levels 10 \
    --total "$MESSAGES" --rounds 1 --warmup 0 | grep '^total'
for r in 1 2; do   # two passes, so each build is measured both before and after the other
  for j in $(seq 1 "$i"); do
    imap_var="v${j}_IMAP"
    echo "pass $r, load average $(load_average)"
    python3 "$ROOT/bench/imap-latency.py" "v$j" "${!imap_var}" jimh@contoso.com 'P@ssw0rd' "$REPEATS"
  done
done
echo "load average at end: $(load_average)"
