#!/usr/bin/env bash
# Tilt's custom_build command (tilt/Tiltfile): builds the velero image from this checkout and loads it into the
# kind cluster's nodes under the reference Tilt asks for, without a Docker daemon for the build itself.
#
#   tilt/build-image.sh <image ref>       e.g. ghcr.io/velero-services/velero:tilt-0123456789abcdef
#
# VELERO_IMAGE_BUILD: the command that leaves out/images/velero.oci.tar (default `make images`, which also builds
# the plugin images, writes the SBOMs and smoke-tests; point it at a narrower target for a faster loop).
# VELERO_KIND_CLUSTER: the kind cluster (default velero).
set -euo pipefail

ref="${1:?usage: tilt/build-image.sh <image ref>}"
cluster="${VELERO_KIND_CLUSTER:-velero}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

${VELERO_IMAGE_BUILD:-make images}

archive="out/images/velero.oci.tar"
if [[ ! -f "$archive" ]]; then
    echo "build-image.sh: $archive was not built" >&2
    exit 1
fi

# kind loads Docker archives (`docker save` format); skopeo rewrites the OCI archive as one under Tilt's reference.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
skopeo copy --quiet "oci-archive:$archive" "docker-archive:$work/velero.tar:$ref"
kind load image-archive "$work/velero.tar" --name "$cluster"
