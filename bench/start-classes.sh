#!/usr/bin/env bash
# Writes smtp-gateway/src/main/resources/META-INF/behalf/start-classes.txt: the classes a `serve` start on the
# demo directory loads, in load order, that the JDK's class-data-sharing archive does not already hold, but
# generated ones (lambdas, method handles, proxies); Netty's last, as HttpServer.preload initialises most of them
# on its own thread meanwhile. StartClasses loads them on a second thread at start. Run it after changing what the start loads (StartClassesTest fails when
# a listed class is gone), then rebuild:
#
#   mvn -q -B -DskipTests package && bench/start-classes.sh && mvn -q -B -DskipTests package
source "$(dirname "$0")/lib.sh"
need_jars
OUT="$ROOT/smtp-gateway/src/main/resources/META-INF/behalf/start-classes.txt"
LOG="$WORK/start-classes.log"
rm -f "$LOG"
# The list is left out of this run, so it records what the start itself loads.
command -v zip >/dev/null || { echo "needs zip (apt-get install zip)" >&2; exit 2; }
BEHALF_JAR_NOLIST="$WORK/behalf-nolist.jar"
cp "$BEHALF_JAR" "$BEHALF_JAR_NOLIST"
zip -q -d "$BEHALF_JAR_NOLIST" 'META-INF/behalf/start-classes.txt' >/dev/null 2>&1 || true
SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS -Xlog:class+load=info:file=$LOG" BEHALF_JAR="$BEHALF_JAR_NOLIST" start_behalf list
mkdir -p "$(dirname "$OUT")"
python3 - "$LOG" "$OUT" <<'PY'
import re, sys
names, netty, seen = [], [], set()
for line in open(sys.argv[1]):
    m = re.match(r'\[[^]]*\]\[[^]]*\]\[[^]]*\] (\S+) source: (.*)', line) or re.match(r'(\S+) source: (.*)', line.split('] ')[-1])
    if not m:
        continue
    name, source = m.group(1), m.group(2)
    if 'shared objects file' in source or source.startswith('__') \
            or '/' in name or 'Lambda' in name or '$Proxy' in name or name in seen:
        continue
    seen.add(name)
    (netty if name.startswith('io.netty.') else names).append(name)
open(sys.argv[2], 'w').write('\n'.join(names + netty) + '\n')
print(f"{len(names)} classes and {len(netty)} of Netty's written to {sys.argv[2]}")
PY
