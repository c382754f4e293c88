#!/usr/bin/env bash
# Builds the image the Behalf image is built on where no registry is reachable: Debian bookworm with
# Debian's own OpenJDK 17 JRE, made with mmdebstrap from Debian's packages and imported into podman.
# Skips when the image exists; keeps the root file system tar in a cache folder, so a later run (or a
# fresh podman storage) imports it again in seconds instead of bootstrapping. Needs root.
#   container/debian-jre-base.sh [IMAGE] [CACHE_DIR]
set -euo pipefail
image=${1:-localhost/debian-jre17:bookworm}
cache=${2:-/var/tmp/behalf-ci}
tar="$cache/debian-jre17-bookworm.tar"

if podman image exists "$image"; then
  echo "base image $image exists"
  exit 0
fi
mkdir -p "$cache"
if [ ! -s "$tar" ]; then
  echo "bootstrapping $tar with mmdebstrap (Debian bookworm + openjdk-17-jre-headless)"
  # --variant=apt: dpkg, apt and their essentials, nothing else; the JRE and CA certificates on top.
  # The apt lists and caches are of no use in the image.
  mmdebstrap --variant=apt --include=openjdk-17-jre-headless,ca-certificates \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    --format=tar bookworm "$tar.partial"
  mv "$tar.partial" "$tar"
fi
podman import --change 'CMD ["/bin/bash"]' "$tar" "$image"
echo "base image $image imported from $tar"
