#!/usr/bin/env bash
# Where a server's CPU goes as it warms up under bench/smtp-load.sh's load: Behalf, then the bare SubEthaSMTP
# server, each alone on the machine, taking the same phases of load (a new client JVM per phase), and for each
# phase the rate and the CPU a message of each kind of thread: the JIT's compiler threads, the session threads,
# the accept thread, GC, and the rest (threads that ended during the phase included). This shows how long the
# JIT takes to finish with each server, and what each costs once it has: smtp-load.sh measures the early part.
#
#   bench/warmup-curve.sh                                   # MODE=connection PHASES="3000 3000 6000 12000 24000 24000 24000 12000"
#   MODE=session PHASES="6000 6000 12000" bench/warmup-curve.sh
#
# Not side by side: each server has the machine to itself, one after the other. Prints a Markdown table.
source "$(dirname "$0")/lib.sh"
MODE="${MODE:-connection}"
PHASES="${PHASES:-3000 3000 6000 12000 24000 24000 24000 12000}"
need_jars

# CPU ticks of each thread kind of process $1, "kind ticks" lines, and "all ticks" for the whole process.
thread_ticks() {
  local pid=$1 t
  for t in /proc/"$pid"/task/*; do
    printf '%s|%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "$t/stat" 2>/dev/null)"
  done | awk -F'|' '$2 != "" {
      k = "other"
      if ($1 ~ /^C[12] CompilerThre/) k = "jit"
      else if ($1 ~ /^pool-/) k = "session"
      else if ($1 ~ /ServerThread|^org\.subethamail/) k = "accept"
      else if ($1 ~ /^G[C1]|^GC /) k = "gc"
      a[k] += $2
    } END { for (k in a) print k, a[k] }'
  echo "all $(cpu_ticks "$pid")"
}

curve() {
  local name=$1 cred=$2 phase before after sent=0
  echo
  echo "### $name"
  echo
  echo "| connections so far | phase | msgs/s | CPU µs a message: JIT | sessions | accept | GC | rest | total |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for phase in $PHASES; do
    before=$(thread_ticks "$srv_PID")
    # shellcheck disable=SC2086
    rate=$(java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad --target "$name=$srv_SMTP:$cred" \
        --levels 10 --total "$phase" --rounds 1 --warmup 0 --size 2048 --deadline 300 --mode "$MODE" \
        | sed -n 's/^run .*msgs_per_s=\([0-9.]*\).*/\1/p')
    after=$(thread_ticks "$srv_PID")
    sent=$((sent + phase))
    # Ticks are 10 ms; a message's share in µs is ticks * 10,000 / messages.
    { sed 's/^/b /' <<<"$before"; sed 's/^/a /' <<<"$after"; } | awk -v n="$phase" -v sent="$sent" -v rate="$rate" '
      $1 == "b" { b[$2] = $3 } $1 == "a" { a[$2] = $3 }
      END {
        for (k in a) d[k] = a[k] - b[k]
        us = 10000 / n; named = d["jit"] + d["session"] + d["accept"] + d["gc"]
        printf "| %d | %d | %s | %d | %d | %d | %d | %d | %d |\n", sent, n, rate, d["jit"] * us, d["session"] * us,
            d["accept"] * us, d["gc"] * us, (d["all"] - named) * us, d["all"] * us
      }'
  done
}

echo "# Warm-up curve $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
echo "- machine: $(nproc) cores, $(java -version 2>&1 | head -1); servers with \`$SERVER_JAVA_OPTS\`, mode $MODE, 10 connections"
echo "- load average at start: $(load_average)"
start_behalf srv
curve behalf terrya:P@ssw0rd
stop "$srv_PID"
start_counting srv
curve bare anyone:anything
stop "$srv_PID"
