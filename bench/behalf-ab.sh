#!/usr/bin/env bash
# Compares builds of Behalf under the same SMTP load, side by side in one run (one process per jar,
# one warm client interleaving them): how a change to Behalf's code is measured.
#
#   bench/behalf-ab.sh before.jar after.jar [more.jar ...]     # ROUNDS=5 TOTAL=3000 LEVELS=10 by default
#   MODE=connection bench/behalf-ab.sh ...                      # a new connection per message
#   SERVE_OPTS=--no-sign-in-throttle bench/behalf-ab.sh ...     # extra `serve` options for every jar
#
# Each jar serves the demo directory in memory; the stored counts are checked as in smtp-load.sh.
source "$(dirname "$0")/lib.sh"
SERVE_OPTS="${SERVE_OPTS:-}"
ROUNDS="${ROUNDS:-5}"; TOTAL="${TOTAL:-3000}"; LEVELS="${LEVELS:-10}"; WARMUP="${WARMUP:-3000}"; MODE="${MODE:-session}"
[ $# -ge 2 ] || { echo "usage: $0 A.jar B.jar [C.jar ...]" >&2; exit 2; }
targets=(); names=(); i=0
for jar in "$@"; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  BEHALF_JAR="$jar" start_behalf "v$i" $SERVE_OPTS
  port_var="v${i}_SMTP"; targets+=(--target "v$i=${!port_var}:terrya:P@ssw0rd"); names+=("v$i")
  echo "v$i = $jar"
done
echo "load average at start: $(load_average)${SERVE_OPTS:+ (serve $SERVE_OPTS)}"
# CPU per message is steadier than msgs/s on a shared machine: it doesn't count time spent waiting for a core.
declare -A cpu_before
for n in "${names[@]}"; do pid_var="${n}_PID"; cpu_before[$n]=$(cpu_ticks "${!pid_var}"); done
# shellcheck disable=SC2086
java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad "${targets[@]}" --levels "${LEVELS// /,}" \
    --total "$TOTAL" --rounds "$ROUNDS" --warmup "$WARMUP" --mode "$MODE" | tee "$WORK/ab.out"
for n in "${names[@]}"; do
  http_var="${n}_HTTP"; pid_var="${n}_PID"
  stored=$(curl -s "http://127.0.0.1:${!http_var}/api/mailboxes" | python3 -c '
import json, sys
print({m["address"]: {f["name"]: f["messages"] for f in m["folders"]} for m in json.load(sys.stdin)}["jimh@contoso.com"]["INBOX"])')
  accepted=$(sed -n "s/^total server=$n accepted=\([0-9]*\)$/\1/p" "$WORK/ab.out")
  for c in ${LEVELS}; do
    med=$(grep "^run server=$n round=[0-9]* connections=$c " "$WORK/ab.out" | sed -n 's/.*msgs_per_s=\([0-9.]*\).*/\1/p' | median)
    echo "$n connections=$c median msgs/s=$med"
  done
  cpu_us=$(( ($(cpu_ticks "${!pid_var}") - ${cpu_before[$n]}) * 1000000 / $(getconf CLK_TCK) ))
  echo "$n accepted=$accepted stored=$stored peak_rss_mib=$(( $(vmhwm_kb "${!pid_var}") / 1024 )) cpu_us_per_msg=$(( cpu_us / accepted ))"
  [ "$accepted" = "$stored" ] || { echo "INVALID: $n stored $stored of $accepted"; exit 1; }
done
echo "load average at end: $(load_average)"
