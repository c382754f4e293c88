# Shared by the bench/*.sh scripts: start the three servers on free 127.0.0.1 ports, wait for them,
# read their peak RSS, and stop every process this script started (by PID) on exit.
# Sourced, not run. Needs: java 17, python3, curl; the jars built with `mvn -q -B -DskipTests package`.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BEHALF_JAR="${BEHALF_JAR:-$ROOT/smtp-gateway/target/behalf.jar}"   # BEHALF_JAR=other.jar bench/x.sh: another build
BENCH_JAR="${BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}"   # a copy, so a rebuild during a run does not change the client under it
GREENMAIL_VERSION="${GREENMAIL_VERSION:-2.1.13}"
WORK="${WORK:-$ROOT/bench/target}"
# The same heap settings for every server process, so peak RSS compares like with like.
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xmx2g}"
CLIENT_JAVA_OPTS="${CLIENT_JAVA_OPTS:--Xmx256m}"
mkdir -p "$WORK"

STARTED_PIDS=()
cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT INT TERM

need_jars() {
  if [ ! -f "$BEHALF_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
    (cd "$ROOT" && mvn -q -B -DskipTests package)
  fi
}

greenmail_jar() {
  local jar="$WORK/lib/greenmail-standalone-$GREENMAIL_VERSION.jar"
  if [ ! -f "$jar" ]; then
    (cd "$ROOT" && mvn -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
        -DoutputDirectory="$WORK/lib" >/dev/null)
  fi
  echo "$jar"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# wait_port PORT TIMEOUT_S: until something accepts on 127.0.0.1:PORT.
wait_port() {
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.01
  done
  echo "nothing listens on 127.0.0.1:$1 after $2 s" >&2
  return 1
}

# wait_http URL TIMEOUT_S: until URL answers 200.
wait_http() {
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = 200 ]; then return 0; fi
    sleep 0.01
  done
  echo "$1 did not answer 200 after $2 s" >&2
  return 1
}

# cpu_ticks PID: user + system CPU time the process has used, in clock ticks (getconf CLK_TCK a second).
cpu_ticks() { awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat"; }

vmhwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }

# start_behalf NAME [extra serve options]: sets NAME_PID, NAME_SMTP, NAME_IMAP, NAME_HTTP, and
# NAME_LAUNCHED_MS (just before `java` runs); in memory, on $BEHALF_CONFIG (default: the demo directory). Returns once /api/health answers 200.
start_behalf() {
  local name=$1; shift
  local smtp imap pop3 http
  smtp=$(free_port); imap=$(free_port); pop3=$(free_port); http=$(free_port)
  printf -v "${name}_LAUNCHED_MS" %s "$(now_ms)"
  # shellcheck disable=SC2086
  (cd "$ROOT" && exec java $SERVER_JAVA_OPTS -jar "$BEHALF_JAR" serve --config "${BEHALF_CONFIG:-$ROOT/config}" \
      --smtp-port "$smtp" --imap-port "$imap" --pop3-port "$pop3" --http-port "$http" "$@") \
      >"$WORK/$name.log" 2>&1 &
  local pid=$!
  STARTED_PIDS+=("$pid")
  wait_http "http://127.0.0.1:$http/api/health" 60
  printf -v "${name}_PID" %s "$pid"; printf -v "${name}_SMTP" %s "$smtp"
  printf -v "${name}_IMAP" %s "$imap"; printf -v "${name}_HTTP" %s "$http"
}

# start_greenmail NAME: GreenMail standalone, SMTP and IMAP on 127.0.0.1, two users with password 'secret'.
start_greenmail() {
  local name=$1 jar smtp imap
  jar=$(greenmail_jar); smtp=$(free_port); imap=$(free_port)
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp" -Dgreenmail.imap.port="$imap" \
      -Dgreenmail.users=terrya:secret@contoso.com,jimh:secret@contoso.com -jar "$jar" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  STARTED_PIDS+=("$pid")
  wait_port "$smtp" 60; wait_port "$imap" 60
  printf -v "${name}_PID" %s "$pid"; printf -v "${name}_SMTP" %s "$smtp"; printf -v "${name}_IMAP" %s "$imap"
}

# start_counting NAME: the bare SubEthaSMTP server of the benchmarks module.
start_counting() {
  local name=$1 smtp
  smtp=$(free_port)
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.CountingSmtpServer "$smtp" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  STARTED_PIDS+=("$pid")
  wait_port "$smtp" 60
  printf -v "${name}_PID" %s "$pid"; printf -v "${name}_SMTP" %s "$smtp"
}

# stop PID: SIGTERM, then wait (bounded) for it to go.
stop() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

# smtp_load PORT CONNECTIONS MESSAGES_PER_CONNECTION [SmtpLoad options]: prints SmtpLoad's result line.
smtp_load() {
  local port=$1 connections=$2 messages=$3; shift 3
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad --port "$port" \
      --connections "$connections" --messages "$messages" --size 2048 --deadline 300 "$@"
}

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }
