#!/usr/bin/env bash
# SMTP load benchmark (issue 3): Behalf (AUTH + policy + store, in memory), a bare SubEthaSMTP server
# that only counts, and GreenMail standalone, side by side in one run on this machine. The same
# load client (dev.behalf.benchmarks.smtp.SmtpLoad: N connections, each one AUTH PLAIN session
# sending M messages of ~2.4 KB) against all three, at 1, 10 and 50 connections; rounds interleave
# the servers (rotating who goes first) so each round sees the same machine state. Then smtp-source
# (no AUTH) against the two servers that don't require AUTH, as a reference. Finally every count is
# checked: Behalf's through GET /api/mailboxes, the bare server's own counter, GreenMail's over IMAP.
#
#   bench/smtp-load.sh                       # defaults: ROUNDS=3 TOTAL=3000 LEVELS="1 10 50" MODE=session
#   ROUNDS=5 TOTAL=5000 bench/smtp-load.sh   # more, on a quiet machine
#   MODE=connection bench/smtp-load.sh       # a new connection per message (connect, EHLO, AUTH, one message, QUIT)
#   DEADLINE=900 MODE=connection WARMUP=96000 bench/smtp-load.sh   # a long warm-up: GreenMail's alone takes 7 minutes
#
# Prints a Markdown report (and keeps the servers' logs in bench/target/). Exits 1 if any count
# doesn't match: the figures are invalid then.
source "$(dirname "$0")/lib.sh"

ROUNDS="${ROUNDS:-3}"
TOTAL="${TOTAL:-3000}"          # messages per measured run, split over the connections
LEVELS="${LEVELS:-1 10 50}"
WARMUP="${WARMUP:-3000}"        # unrecorded messages per server first (10 connections), for the JIT
MODE="${MODE:-session}"         # session: one AUTH session per connection; connection: one connection per message
DEADLINE="${DEADLINE:-300}"     # seconds one run (warm-up included) may take; GreenMail takes 222 msgs/s in connection mode
SERVERS=(behalf bare greenmail)

need_jars
GM_JAR=$(greenmail_jar)
start_behalf behalf
start_counting bare
start_greenmail greenmail

declare -A PORT=([behalf]=$behalf_SMTP [bare]=$bare_SMTP [greenmail]=$greenmail_SMTP)
declare -A PID=([behalf]=$behalf_PID [bare]=$bare_PID [greenmail]=$greenmail_PID)
declare -A ACCEPTED=([behalf]=0 [bare]=0 [greenmail]=0)

echo "# SMTP load run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "- servers: Behalf $(basename "$BEHALF_JAR") (in memory), CountingSmtpServer (SubEthaSMTP, benchmarks.jar), $(basename "$GM_JAR"); all with \`$SERVER_JAVA_OPTS\`"
echo "- message: From terrya@contoso.com to jimh@contoso.com, 2,048-byte body (~2.4 KB with headers); $TOTAL messages per run; $ROUNDS rounds; warm-up $WARMUP messages per server"
echo "- mode: $MODE ($( [ "$MODE" = connection ] && echo 'connect, EHLO, AUTH, one message, QUIT for every message' || echo 'one AUTH session per connection, all its messages over it'))"
echo "- load average at start: $(load_average)"
echo

# CPU a message is steadier than msgs/s on two busy cores (it doesn't count waiting for a core): every run, warm-up included.
declare -A CPU_BEFORE CPU_US
for s in "${SERVERS[@]}"; do CPU_BEFORE[$s]=$(cpu_ticks "${PID[$s]}"); done

echo "## Load client runs (one client JVM for all; \`load\` = 1-minute load average before the run)"
echo
echo '```'
# shellcheck disable=SC2086
java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad \
    --target "behalf=$behalf_SMTP:terrya:P@ssw0rd" --target "bare=$bare_SMTP:anyone:anything" \
    --target "greenmail=$greenmail_SMTP:terrya:secret" --levels "${LEVELS// /,}" --total "$TOTAL" --rounds "$ROUNDS" \
    --warmup "$WARMUP" --size 2048 --deadline "$DEADLINE" --mode "$MODE" | tee "$WORK/smtp-load.out" || { echo '```'; echo "**a load run failed**"; exit 1; }
echo '```'
echo
for s in "${SERVERS[@]}"; do
  ACCEPTED[$s]=$(sed -n "s/^total server=$s accepted=\([0-9]*\)$/\1/p" "$WORK/smtp-load.out")
done
rate_of() { grep "^run server=$1 round=[0-9]* connections=$2 " "$WORK/smtp-load.out" | sed -n 's/.*msgs_per_s=\([0-9.]*\).*/\1/p'; }

echo "## smtp-source reference (no AUTH: bare and GreenMail only)"
echo
declare -A SOURCE_RATE
if ! command -v smtp-source >/dev/null || [ "$MODE" = connection ]; then
  echo "(skipped: $( [ "$MODE" = connection ] && echo 'smtp-source keeps its connections' || echo 'smtp-source, of Debian'"'"'s postfix, is not installed'))"
  echo
else
echo '```'
echo "smtp-source against Behalf (submission needs AUTH; smtp-source has none):"
smtp-source -m 1 -l 2048 -f terrya@contoso.com -t jimh@contoso.com "127.0.0.1:$behalf_SMTP" 2>&1 | head -2 || true
for n in $LEVELS; do
  for s in bare greenmail; do
    load=$(load_average)
    t0=$(now_ms)
    if ! smtp-source -d -s "$n" -m "$TOTAL" -l 2048 -f terrya@contoso.com -t jimh@contoso.com "127.0.0.1:${PORT[$s]}" \
        >"$WORK/smtp-source.out" 2>&1; then
      echo "smtp-source failed against $s:"; cat "$WORK/smtp-source.out"; exit 1
    fi
    ms=$(( $(now_ms) - t0 ))
    ACCEPTED[$s]=$(( ${ACCEPTED[$s]} + TOTAL ))
    SOURCE_RATE[$s-$n]=$(awk -v m="$TOTAL" -v t="$ms" 'BEGIN {printf "%.1f", m * 1000 / t}')
    printf 'smtp-source -d -s %-3s -m %s -l 2048  %-9s load=[%s] %s ms = %s msgs/s\n' "$n" "$TOTAL" "$s" "$load" "$ms" "${SOURCE_RATE[$s-$n]}"
  done
done
echo '```'
echo
fi

declare -A RSS
for s in "${SERVERS[@]}"; do RSS[$s]=$(vmhwm_kb "${PID[$s]}"); done
for s in "${SERVERS[@]}"; do
  CPU_US[$s]=$(( ($(cpu_ticks "${PID[$s]}") - ${CPU_BEFORE[$s]}) * 1000000 / $(getconf CLK_TCK) / ${ACCEPTED[$s]} ))
done

# --- every accepted message must be there
ok=1
behalf_counts=$(curl -s "http://127.0.0.1:$behalf_HTTP/api/mailboxes" | python3 -c '
import json, sys
boxes = {m["address"]: {f["name"]: f["messages"] for f in m["folders"]} for m in json.load(sys.stdin)}
print(boxes["jimh@contoso.com"]["INBOX"], boxes["terrya@contoso.com"]["Sent Items"])')
read -r behalf_inbox behalf_sent <<<"$behalf_counts"
greenmail_inbox=$(python3 - "$greenmail_IMAP" <<'PY'
import imaplib, sys
c = imaplib.IMAP4("127.0.0.1", int(sys.argv[1])); c.login("jimh", "secret")
typ, data = c.select("INBOX", readonly=True); print(int(data[0])); c.logout()
PY
)
stop "$bare_PID"
bare_count=$(sed -n 's/^accepted \([0-9]*\)$/\1/p' "$WORK/bare.log")
echo "## Verification"
echo
echo "| server | accepted (250 after DATA) | found stored | how counted |"
echo "|---|---|---|---|"
echo "| Behalf | ${ACCEPTED[behalf]} | jimh INBOX $behalf_inbox, terrya Sent Items $behalf_sent | GET /api/mailboxes |"
echo "| bare SubEthaSMTP | ${ACCEPTED[bare]} | ${bare_count:-?} | its counter, printed on SIGTERM |"
echo "| GreenMail | ${ACCEPTED[greenmail]} | $greenmail_inbox | IMAP SELECT INBOX of jimh |"
echo
[ "$behalf_inbox" = "${ACCEPTED[behalf]}" ] && [ "$behalf_sent" = "${ACCEPTED[behalf]}" ] || { echo "**INVALID: Behalf stored a different number of messages than it accepted**"; ok=0; }
[ "${bare_count:-x}" = "${ACCEPTED[bare]}" ] || { echo "**INVALID: the bare server counted a different number**"; ok=0; }
[ "$greenmail_inbox" = "${ACCEPTED[greenmail]}" ] || { echo "**INVALID: GreenMail stored a different number**"; ok=0; }

echo "## Summary (median msgs/s of $ROUNDS rounds; load client unless marked)"
echo
echo "| connections | Behalf | bare SubEthaSMTP | GreenMail | Behalf / bare | Behalf / GreenMail | smtp-source bare | smtp-source GreenMail |"
echo "|---|---|---|---|---|---|---|---|"
for n in $LEVELS; do
  b=$(rate_of behalf "$n" | median); c=$(rate_of bare "$n" | median); g=$(rate_of greenmail "$n" | median)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$b" "$c" "$g" \
    "$(awk -v a="$b" -v b="$c" 'BEGIN {printf "%.2f×", a / b}')" "$(awk -v a="$b" -v b="$g" 'BEGIN {printf "%.2f×", a / b}')" \
    "${SOURCE_RATE[bare-$n]:--}" "${SOURCE_RATE[greenmail-$n]:--}"
done
echo
echo "| peak RSS (VmHWM) | Behalf | bare SubEthaSMTP | GreenMail |"
echo "|---|---|---|---|"
printf '| MiB | %s | %s | %s |\n' "$((RSS[behalf] / 1024))" "$((RSS[bare] / 1024))" "$((RSS[greenmail] / 1024))"
printf '| CPU µs a message (every run, warm-up included) | %s | %s | %s |\n' "${CPU_US[behalf]}" "${CPU_US[bare]}" "${CPU_US[greenmail]}"
echo
echo "- load average at end: $(load_average)"
[ "$ok" = 1 ] || exit 1
