#!/usr/bin/env bash
# bench/heap-ab.sh A.jar B.jar: heap per accepted message at TOTAL messages, two Behalf builds and GreenMail in one run
# (bench/scale.sh's measure: used heap after a full GC minus the same before any mail, per message).
# HISTO=40 also prints each server's live-object histogram (jcmd GC.class_histogram) at the end.
source "$(dirname "$0")/lib.sh"
need_jars
TOTAL="${TOTAL:-100000}"
SERVER_JAVA_OPTS="-Xmx8g"
BEHALF_JAR="$1" start_behalf a --no-sign-in-throttle
BEHALF_JAR="$2" start_behalf b --no-sign-in-throttle
start_greenmail g
used_kb() { jcmd "$1" GC.run >/dev/null; jcmd "$1" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1; }
echo "a = $1"; echo "b = $2"; echo "load average at start: $(load_average)"
a0=$(used_kb $a_PID); b0=$(used_kb $b_PID); g0=$(used_kb $g_PID)
java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad --target "a=$a_SMTP:terrya:P@ssw0rd" \
  --target "b=$b_SMTP:terrya:P@ssw0rd" --target "g=$g_SMTP:terrya:secret" --levels 10 --total "$TOTAL" --rounds 1 --warmup 0 \
  --size 2048 --deadline 1200 | grep -v "^run"
a1=$(used_kb $a_PID); b1=$(used_kb $b_PID); g1=$(used_kb $g_PID)
for n in a b g; do v0=${n}0; v1=${n}1; echo "$n used_kb_before=${!v0} used_kb_after=${!v1} bytes_per_message=$(( (${!v1} - ${!v0}) * 1024 / TOTAL ))"; done
# HISTO=N: each server's live-object histogram (after the full GC above), its top N classes here and whole in $WORK.
if [ -n "${HISTO:-}" ]; then
  for n in a b g; do
    pid=${n}_PID; jcmd "${!pid}" GC.class_histogram >"$WORK/histo-$n.txt"
    echo "--- $n: live-object histogram, top $HISTO (whole: $WORK/histo-$n.txt)"; sed -n "4,$(( HISTO + 3 ))p" "$WORK/histo-$n.txt"
  done
fi
echo "load average at end: $(load_average)"
