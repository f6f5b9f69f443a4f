#!/usr/bin/env bash
# make images: builds the OCI archives out/images/<name>.oci.tar (velero, velero-plugin-for-aws|gcp|microsoft-azure)
# without a Docker engine, writes their SBOMs (out/images/<name>.sbom.cdx.json, also /sbom/ in each image), checks
# them (tests/Velero.Images `check`), then runs scripts/images/smoke.sh. docs/images.md describes the result.
#   scripts/images/build.sh [--no-smoke]
# Root filesystems come from the host's Debian 12 libraries (ldd of the real binaries plus the OpenSSL .NET loads
# with dlopen); buildah runs with vfs storage and chroot isolation in a private root under out/images/.buildah,
# removed at the end, so nothing global is touched.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=out/images
WORK=$OUT/work
STORE=$OUT/.buildah
REGISTRY=${VELERO_IMAGE_REGISTRY:-ghcr.io/velero-services}
SMOKE=1
[[ ${1:-} == --no-smoke ]] && SMOKE=0
T0=$(date +%s.%N)
say() { printf 'images: %s\n' "$*"; }

ensure_tools() {
  local missing=() tool
  for tool in buildah umoci skopeo; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  (( ${#missing[@]} )) || return 0
  [[ $(id -u) == 0 ]] || { echo "images: missing ${missing[*]} and not root: apt-get install them" >&2; exit 1; }
  say "installing ${missing[*]} with apt"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

bah() { buildah --root "$ROOT/$STORE/root" --runroot "$ROOT/$STORE/run" --storage-driver vfs "$@"; }

# Copies a host file into the root filesystem at the same path, following links (the image has real files).
put() { local rootfs=$1 file=$2; install -D -m "$(stat -Lc %a "$file")" "$file" "$rootfs$file"; }

# The shared libraries a set of programs needs (ldd), each at the path the dynamic loader looks at.
put_libraries() {
  local rootfs=$1; shift
  local lib
  for lib in $(ldd "$@" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1 }' | sort -u); do
    put "$rootfs" "$lib"
  done
}

# passwd/group with nonroot 65532 (as distroless and chiseled images have), CA bundle, nsswitch for /etc/hosts.
put_base() {
  local rootfs=$1
  mkdir -p "$rootfs/etc" "$rootfs/sbom"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$rootfs/etc/group"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  chmod 0644 "$rootfs/etc/passwd" "$rootfs/etc/group" "$rootfs/etc/nsswitch.conf"
}

sbom() { # name rootfs args...
  local name=$1 rootfs=$2; shift 2
  dotnet "$IMAGES_TOOL" sbom --rootfs "$rootfs" --name "$name" --version "$VERSION" --out "$OUT/$name.sbom.cdx.json" "$@"
  install -m 0644 "$OUT/$name.sbom.cdx.json" "$rootfs/sbom/$name.cdx.json"
}

build_image() { # name containerfile context build-args...
  local name=$1 file=$2 context=$3; shift 3
  local tag="$REGISTRY/$name:$VERSION"
  bah bud --isolation chroot --layers=false --timestamp 0 -q -f "$file" -t "$tag" \
    --build-arg "VERSION=$VERSION" --build-arg "REVISION=$REVISION" --build-arg "CREATED=$CREATED" "$@" "$context" >/dev/null
  rm -f "$OUT/$name.oci.tar"
  bah push -q "$tag" "oci-archive:$ROOT/$OUT/$name.oci.tar:$tag" >/dev/null
  say "$name: $OUT/$name.oci.tar ($(du -h "$OUT/$name.oci.tar" | cut -f1))"
}

ensure_tools
make -s out/velero
rm -rf "$WORK" "$STORE"
mkdir -p "$WORK" "$STORE"
VERSION=$(out/velero version --client-only | awk '/Version:/ { print $2 }')
REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)
CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
say "version $VERSION"

# The two Native AOT programs and the image tool.
for p in RestoreHelper PluginCopy; do
  dotnet publish "services/Velero.$p" -c Release -r linux-x64 -o "$WORK/publish-$p" -v quiet -nologo
done
dotnet build tests/Velero.Images -c Release -v quiet -nologo -o "$WORK/tool" >/dev/null
IMAGES_TOOL=$WORK/tool/velero-images.dll
HELPER=$WORK/publish-RestoreHelper/velero-restore-helper
COPIER=$WORK/publish-PluginCopy/velero-plugin-copy

# velero: /velero, /velero-restore-helper, glibc + libstdc++ + OpenSSL (dlopen'ed by .NET for TLS), CA bundle, tzdata.
R=$WORK/velero/rootfs
put_base "$R"
install -m 0755 out/velero "$R/velero"
install -m 0755 "$HELPER" "$R/velero-restore-helper"
# OpenSSL goes where ldd puts libc (/lib/x86_64-linux-gnu, a default search directory of the loader), once.
put_libraries "$R" out/velero "$HELPER" /lib/x86_64-linux-gnu/libssl.so.3
put "$R" /lib/x86_64-linux-gnu/libssl.so.3
put "$R" /etc/ssl/certs/ca-certificates.crt
mkdir -p "$R/usr/share"
cp -a /usr/share/zoneinfo "$R/usr/share/zoneinfo"
# posix/ is a tree of links tzdata's install script makes (no package owns them), duplicating the top-level zones.
rm -rf "$R/usr/share/zoneinfo/posix"
sbom velero "$R" --app /velero=out/velero \
  --app /velero-restore-helper=services/Velero.RestoreHelper/obj/project.assets.json \
  --owner /etc/ssl/certs/ca-certificates.crt=ca-certificates
build_image velero scripts/images/Containerfile.velero "$WORK/velero"

# Plugin images: manifest + copier (glibc only).
declare -A PROVIDERS=([aws]=velero.io/aws [gcp]=velero.io/gcp [microsoft-azure]=velero.io/azure)
for plugin in aws gcp microsoft-azure; do
  name=velero-plugin-for-$plugin
  R=$WORK/$name/rootfs
  put_base "$R"
  install -m 0755 "$COPIER" "$R/velero-plugin-copy"
  put_libraries "$R" "$COPIER"
  mkdir -p "$R/plugins"
  printf '{\n  "name": "%s",\n  "provider": "%s",\n  "kind": "ObjectStore",\n  "version": "%s",\n  "builtIn": "/velero"\n}\n' \
    "$name" "${PROVIDERS[$plugin]}" "$VERSION" >"$R/plugins/${PROVIDERS[$plugin]#velero.io/}.json"
  sbom "$name" "$R" --app /velero-plugin-copy=services/Velero.PluginCopy/obj/project.assets.json
  build_image "$name" scripts/images/Containerfile.plugin "$WORK/$name" \
    --build-arg "NAME=$name" --build-arg "PROVIDER=${PROVIDERS[$plugin]}"
done

bah rmi -a -f >/dev/null 2>&1 || true
rm -rf "$STORE"

for name in velero velero-plugin-for-aws velero-plugin-for-gcp velero-plugin-for-microsoft-azure; do
  dotnet "$IMAGES_TOOL" check --image "$OUT/$name.oci.tar"
done
say "built and checked in $(awk -v t0="$T0" -v t1="$(date +%s.%N)" "BEGIN { printf \"%.1f\", t1 - t0 }") s"
if (( SMOKE )); then
  IMAGES_TOOL=$IMAGES_TOOL bash scripts/images/smoke.sh
fi
rm -rf "$WORK"
say "done in $(awk -v t0="$T0" -v t1="$(date +%s.%N)" "BEGIN { printf \"%.1f\", t1 - t0 }") s"
