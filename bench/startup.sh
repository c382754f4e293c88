#!/usr/bin/env bash
# Start-up time to healthy (issue 8), side by side: Behalf from `java -jar behalf.jar serve` to
# GET /api/health answering 200 (SMTP, IMAP, POP3 and HTTP all up), and GreenMail standalone from
# `java -jar` to its SMTP, IMAP and POP3 ports accepting. Alternating, REPEATS times each (default 7);
# each start is a new JVM, stopped before the next. Polls every 10 ms, so figures are ±10 ms.
#
#   bench/startup.sh                      # the built jar against GreenMail
#   bench/startup.sh /tmp/old-behalf.jar   # and another Behalf build alongside (reported as behalf-2)
source "$(dirname "$0")/lib.sh"
REPEATS="${REPEATS:-7}"
need_jars
# Further Behalf builds to time alongside (bench/startup.sh old.jar ...), named behalf-2, behalf-3...
JARS=("$BEHALF_JAR" "$@"); NAMES=(behalf); for i in $(seq 2 "${#JARS[@]}"); do NAMES+=("behalf-$i"); done
GM_JAR=$(greenmail_jar)
OUT="$WORK/startup.out"; : >"$OUT"

echo "# Start-up run $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1), \`$SERVER_JAVA_OPTS\`"
echo
echo '```'
for r in $(seq 1 "$REPEATS"); do
  for j in "${!JARS[@]}"; do
    load=$(load_average)
    BEHALF_JAR="${JARS[$j]}" start_behalf b
    ms=$(( $(now_ms) - b_LAUNCHED_MS ))
    ready=$(sed -n 's/.*Behalf ready in \([0-9]*\) ms.*/\1/p' "$WORK/b.log")
    stop "$b_PID"
    echo "startup server=${NAMES[$j]} run=$r ms=$ms self_reported_ready_ms=$ready load=[$load]" | tee -a "$OUT"
  done

  load=$(load_average)
  smtp=$(free_port); imap=$(free_port); pop3=$(free_port)
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp" -Dgreenmail.imap.port="$imap" \
      -Dgreenmail.pop3.port="$pop3" -Dgreenmail.users=terrya:secret@contoso.com,jimh:secret@contoso.com \
      -jar "$GM_JAR" >"$WORK/g.log" 2>&1 &
  pid=$!; STARTED_PIDS+=("$pid")
  wait_port "$smtp" 60; wait_port "$imap" 60; wait_port "$pop3" 60
  ms=$(( $(now_ms) - t0 ))
  stop "$pid"
  echo "startup server=greenmail run=$r ms=$ms load=[$load]" | tee -a "$OUT"
done
echo '```'
echo
g=$(sed -n 's/^startup server=greenmail .* ms=\([0-9]*\) .*/\1/p' "$OUT" | median)
echo "| start-up to healthy, ms (median of $REPEATS) | Behalf | GreenMail | Behalf / GreenMail |"
echo "|---|---|---|---|"
for j in "${!JARS[@]}"; do
  b=$(sed -n "s/^startup server=${NAMES[$j]} .* ms=\([0-9]*\) .*/\1/p" "$OUT" | median)
  echo "| ${NAMES[$j]} (${JARS[$j]##*/}) | $b | $g | $(awk -v a="$b" -v b="$g" 'BEGIN {printf "%.2f×", a / b}') |"
done
echo
echo "- load average at end: $(load_average)"
