#!/usr/bin/env bash
# What the JIT compiles while Behalf takes the SMTP load of bench/smtp-load.sh: Behalf under JFR with every
# jdk.Compilation event kept, the load client's warm-up and rounds against it, then the compile time per tier,
# and C2's by package and by method. On two cores the C2 thread can be busy for the whole run; this shows on what.
#
#   bench/jit-compiles.sh                          # WARMUP=6000 ROUNDS=3 TOTAL=6000 MODE=session, behalf.jar
#   BEHALF_JAR=other.jar MODE=connection bench/jit-compiles.sh
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-3}"; TOTAL="${TOTAL:-6000}"; WARMUP="${WARMUP:-6000}"; MODE="${MODE:-session}"
need_jars
JH=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
# The JDK's profile settings, with every compilation recorded (its threshold is 100 ms).
python3 - "$JH/lib/jfr/profile.jfc" "$WORK/compiles.jfc" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'(<event name="jdk.Compilation">.*?<setting name="threshold"[^>]*>)[^<]*(</setting>)', r'\g<1>0 ms\2', s, flags=re.S)
open(sys.argv[2], 'w').write(s)
PY
SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -XX:StartFlightRecording=name=compiles,settings=$WORK/compiles.jfc"
start_behalf behalf
# shellcheck disable=SC2086
java $CLIENT_JAVA_OPTS -cp "$BENCH_JAR" dev.behalf.benchmarks.smtp.SmtpLoad --target "behalf=$behalf_SMTP:terrya:P@ssw0rd" \
    --levels 10 --total "$TOTAL" --rounds "$ROUNDS" --warmup "$WARMUP" --size 2048 --deadline 300 --mode "$MODE" | grep '^run'
jcmd "$behalf_PID" JFR.stop name=compiles filename="$WORK/compiles.jfr" >/dev/null
jfr print --json --events jdk.Compilation "$WORK/compiles.jfr" | python3 -c '
import collections, json, sys
events = json.load(sys.stdin)["recording"]["events"]
seconds = lambda d: float(d[2:-1]) if d.startswith("PT") and d.endswith("S") and "M" not in d else 0.0
tier, count, package, method = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
for e in events:
    v = e["values"]; t = seconds(v["duration"]); m = v["method"]; name = m["type"]["name"].replace("/", ".")
    tier[v["compileLevel"]] += t; count[v["compileLevel"]] += 1
    if v["compileLevel"] == 4:
        package[".".join(name.split(".")[:3])] += t; method[name + "." + m["name"]] += t
for level in sorted(tier):
    print(f"tier {level}: {count[level]} compilations, {tier[level]:.2f} s")
print("C2 by package:"); [print(f"  {t:6.3f} s  {k}") for k, t in package.most_common(12)]
print("C2 by method:"); [print(f"  {t:6.3f} s  {k}") for k, t in method.most_common(20)]'
