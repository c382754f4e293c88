#!/usr/bin/env bash
# Builds the Behalf image from the repository's Dockerfile; run by the Maven build (testcontainers/pom.xml,
# phase package) after smtp-gateway made behalf.jar.
#   container/build-image.sh REPO_ROOT TAG BASE STATUS_FILE REQUIRED
# Writes STATUS_FILE (Java properties) for the container tests: engine, image and id when built, or
# `unavailable=<reason>` when this machine can't build it (no podman or docker, an engine that doesn't
# start, a base image that can't be had). Then it exits 0, so the rest of the build goes on and the
# container tests skip saying why, unless REQUIRED is true (.ci/run), where it fails the build.
set -uo pipefail
root=$1 tag=$2 base=$3 status=$4 required=${5:-false}
mkdir -p "$(dirname "$status")"
rm -f "$status"

unavailable() {
  printf 'unavailable=%s\n' "$1" > "$status"
  echo "behalf image not built: $1" >&2
  if [ "$required" = true ]; then
    echo "behalf.containers.required=true: failing the build" >&2
    exit 1
  fi
  exit 0
}

engine=${BEHALF_CONTAINER_ENGINE:-}
if [ -z "$engine" ]; then
  for e in podman docker; do
    if command -v "$e" >/dev/null 2>&1; then engine=$e; break; fi
  done
fi
[ -n "$engine" ] || unavailable "neither podman nor docker is on PATH"
if ! info=$("$engine" info 2>&1 >/dev/null); then
  unavailable "'$engine info' fails: $(printf '%s' "$info" | head -c 300 | tr '\n' ' ')"
fi
[ -f "$root/smtp-gateway/target/behalf.jar" ] || unavailable "no smtp-gateway/target/behalf.jar to put in the image"

format=()
# podman writes OCI images by default, and OCI has no HEALTHCHECK: ask for Docker's format.
[ "$engine" = podman ] && format=(--format docker)
iid=$(mktemp)
log=$(mktemp)
started=$(date +%s%N)
if ! "$engine" build "${format[@]}" --build-arg "BASE=$base" -t "$tag" --iidfile "$iid" -f "$root/Dockerfile" "$root" > "$log" 2>&1; then
  tail -n 20 "$log" >&2
  reason="'$engine build' on base $base failed: $(grep -iE 'error|denied|fail' "$log" | tail -n 1 | head -c 300)"
  rm -f "$iid" "$log"
  unavailable "$reason"
fi
id=$(cat "$iid")
rm -f "$iid" "$log"
{
  printf 'engine=%s\n' "$engine"
  printf 'image=%s\n' "$tag"
  printf 'id=%s\n' "$id"
  printf 'base=%s\n' "$base"
} > "$status"
echo "behalf image $tag built with $engine on $base in $(( ($(date +%s%N) - started) / 1000000 )) ms"
