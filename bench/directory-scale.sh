#!/usr/bin/env bash
# How directory loading grows with its size (issue 12): the hand-written shape (NamedDirectory:
# users, shared mailboxes, groups with members, grants by display name) at each size, first parsed
# by DirectoryLoader in one JVM (median of ROUNDS), then end to end: `behalf.jar serve --config`
# from launch to GET /api/health answering 200, REPEATS times per size.
#
#   bench/directory-scale.sh                 # sizes 2000 8000 20000 60000
#   SIZES="2000 60000" bench/directory-scale.sh [other-behalf.jar]
source "$(dirname "$0")/lib.sh"
SIZES="${SIZES:-2000 8000 20000 60000}"
ROUNDS="${ROUNDS:-3}"
REPEATS="${REPEATS:-3}"
need_jars
JARS=("$BEHALF_JAR" "$@"); NAMES=(behalf); for i in $(seq 2 "${#JARS[@]}"); do NAMES+=("behalf-$i"); done

echo "# Directory scale run $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1), load [$(load_average)]"
echo
echo '```'
# shellcheck disable=SC2086
java -Xmx4g -cp "$BENCH_JAR" dev.behalf.benchmarks.DirectoryScale --rounds "$ROUNDS" $SIZES
# shellcheck disable=SC2086
java -cp "$BENCH_JAR" dev.behalf.benchmarks.DirectoryScale --write "$WORK/dirs" $SIZES >/dev/null
OUT="$WORK/directory-scale.out"; : >"$OUT"
for n in $SIZES; do
  for r in $(seq 1 "$REPEATS"); do
    for j in "${!JARS[@]}"; do
      load=$(load_average)
      BEHALF_JAR="${JARS[$j]}" BEHALF_CONFIG="$WORK/dirs/$n" start_behalf b
      ms=$(( $(now_ms) - b_LAUNCHED_MS ))
      stop "$b_PID"
      echo "serve server=${NAMES[$j]} objects=$n run=$r ms=$ms load=[$load]" | tee -a "$OUT"
    done
  done
done
echo '```'
echo
echo "| objects | $(printf '%s to healthy, ms (median of '"$REPEATS"') | ' "${NAMES[@]}")"
echo "|---|$(printf -- '---|%.0s' "${NAMES[@]}")"
for n in $SIZES; do
  row="| $n |"
  for j in "${!JARS[@]}"; do
    row="$row $(sed -n "s/^serve server=${NAMES[$j]} objects=$n .* ms=\([0-9]*\) .*/\1/p" "$OUT" | median) |"
  done
  echo "$row"
done
