#!/usr/bin/env bash
# Start-up to healthy of the container image (issue 15), alternating with the jar it holds:
#  - container, HTTP: from `podman run -d` to GET /api/health answering 200 through the published port;
#  - container, healthy: from `podman run -d` to the image's own HEALTHCHECK passing (`podman healthcheck
#    run`, polled; podman runs it on systemd timers where there is systemd, which this machine lacks);
#  - container without CDS: the same image started without its class-data-sharing archive (the entrypoint's
#    java command minus -XX:SharedArchiveFile), to show what the archive made at build gains;
#  - jar: from `java -jar behalf.jar serve` to /api/health answering 200 (bench/startup.sh's measure).
# REPEATS rounds (default 7), each start a new container or JVM, removed or stopped before the next.
# Polls every 10 ms. Needs the image (mvn package with podman; see README) and, here, CONTAINERS_CONF
# as .ci/run sets it.
#   IMAGE=localhost/behalf:0.1.0-SNAPSHOT bench/container-startup.sh
source "$(dirname "$0")/lib.sh"
REPEATS="${REPEATS:-7}"
IMAGE="${IMAGE:-localhost/behalf:0.1.0-SNAPSHOT}"
ENGINE="${ENGINE:-podman}"
need_jars
OUT="$WORK/container-startup.out"; : >"$OUT"
NAME="behalf-bench-$$"
trap 'cleanup; "$ENGINE" rm -f "$NAME" >/dev/null 2>&1 || true' EXIT INT TERM

echo "# Container start-up run $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $ENGINE $("$ENGINE" --version | awk '{print $NF}'), image $IMAGE ($("$ENGINE" image inspect --format '{{.Id}}' "$IMAGE" | cut -c1-12))"
echo
echo '```'
for r in $(seq 1 "$REPEATS"); do
  for variant in container container-nocds; do
    load=$(load_average)
    args=("$IMAGE")
    [ "$variant" = container-nocds ] && args=(--entrypoint java "$IMAGE" -XX:+ExitOnOutOfMemoryError -jar /opt/behalf/behalf.jar serve)
    t0=$(now_ms)
    "$ENGINE" run -d --name "$NAME" -p 127.0.0.1::8025 "${args[@]}" >/dev/null 2>"$WORK/container-run.err"
    port=$("$ENGINE" port "$NAME" 8025/tcp | head -1 | sed 's/.*://')
    wait_http "http://127.0.0.1:$port/api/health" 60
    http_ms=$(( $(now_ms) - t0 ))
    deadline=$(( t0 + 60000 ))
    until "$ENGINE" healthcheck run "$NAME" >/dev/null 2>&1; do
      [ "$(now_ms)" -lt "$deadline" ] || { echo "never healthy" >&2; exit 1; }
      sleep 0.01
    done
    healthy_ms=$(( $(now_ms) - t0 ))
    "$ENGINE" rm -f "$NAME" >/dev/null 2>&1
    echo "startup server=$variant run=$r http_ms=$http_ms healthy_ms=$healthy_ms load=[$load]" | tee -a "$OUT"
  done

  load=$(load_average)
  start_behalf b
  ms=$(( $(now_ms) - b_LAUNCHED_MS ))
  stop "$b_PID"
  echo "startup server=jar run=$r http_ms=$ms load=[$load]" | tee -a "$OUT"
done
echo '```'
echo
med() { sed -n "s/^startup server=$1 .* $2=\([0-9]*\) .*/\1/p" "$OUT" | median; }
range() { sed -n "s/^startup server=$1 .* $2=\([0-9]*\) .*/\1/p" "$OUT" | sort -n | sed -n '1p;$p' | paste -sd- -; }
echo "| median of $REPEATS, ms | container | container without CDS | jar | container / jar |"
echo "|---|---|---|---|---|"
echo "| start to /api/health 200 | $(med container http_ms) ($(range container http_ms)) | $(med container-nocds http_ms) ($(range container-nocds http_ms)) | $(med jar http_ms) ($(range jar http_ms)) | $(awk -v a="$(med container http_ms)" -v b="$(med jar http_ms)" 'BEGIN {printf "%.2f×", a / b}') |"
echo "| start to HEALTHCHECK passing | $(med container healthy_ms) ($(range container healthy_ms)) | $(med container-nocds healthy_ms) ($(range container-nocds healthy_ms)) | | |"
echo
echo "- load average at end: $(load_average)"
