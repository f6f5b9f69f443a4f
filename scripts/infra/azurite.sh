#!/usr/bin/env bash
# Azurite (Microsoft's Azure Storage emulator, npm), blob service only, on 127.0.0.1 for one state dir.
#   azurite.sh start|stop|status --state DIR [--profile dev|test]
# Recipe: /work/shared/docs/local-infrastructure.md §8. The npm package is installed once into a cache
# outside the repository (VELERO_AZURITE_HOME) and reused; blobs live in the state dir and are wiped on start.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COMPONENT=azurite
START_TIMEOUT=${VELERO_AZURITE_START_TIMEOUT:-30}

paths() {
  A=$STATE/azurite
  PIDS=$A/pids
  LOGS=$A/log
  BIN=$AZURITE_HOME/node_modules/.bin/azurite-blob
}

# Answers anything at all (an unauthenticated list is 403): the server is listening.
is_ready() {
  local code
  code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$AZURITE_PORT/$AZURITE_ACCOUNT?comp=list") || return 1
  [[ $code != 000 ]]
}

server_ready() { pidfile_pid "$PIDS/azurite.pid" >/dev/null || return 2; is_ready; }

component_status() {
  paths
  if pidfile_pid "$PIDS/azurite.pid" >/dev/null && is_ready; then
    say "running on 127.0.0.1:$AZURITE_PORT"
    return 0
  fi
  say "not running"
  return 1
}

component_stop() {
  paths
  [[ -d $PIDS ]] || { say "was not running"; return 0; }
  # Doc §8: SIGINT stops it within 2 s; SIGTERM does not stop it promptly.
  stop_pidfiles INT "$PIDS/azurite.pid"
  report_stopped
}

# npm install into the cache, once (about a minute and 360 MB, doc §8). A lock keeps two up.sh runs
# (dev + test state dirs) from installing into the same directory at once.
ensure_installed() {
  [[ -x $BIN ]] && return 0
  command -v npm >/dev/null || die "azurite: npm not found (apt-get install nodejs npm)"
  mkdir -p "$AZURITE_HOME"
  local t0
  t0=$(now_us)
  (
    flock -w 600 9 || die "azurite: could not lock $AZURITE_HOME"
    [[ -x $BIN ]] && exit 0
    say "installing azurite@$AZURITE_VERSION into $AZURITE_HOME"
    cd "$AZURITE_HOME"
    [[ -f package.json ]] || printf '{"private":true}\n' >package.json
    npm install --no-audit --no-fund --silent "azurite@$AZURITE_VERSION" >"$AZURITE_HOME/npm.log" 2>&1 ||
      { show_log_tail "$AZURITE_HOME/npm.log"; exit 1; }
  ) 9>"$AZURITE_HOME/.install.lock" || die "azurite: npm install failed"
  [[ -x $BIN ]] || die "azurite: $BIN missing after npm install"
  say "installed in $(since "$t0")"
}

component_start() {
  paths
  local t0
  t0=$(now_us)
  if pidfile_pid "$PIDS/azurite.pid" >/dev/null && is_ready; then
    say "already running on 127.0.0.1:$AZURITE_PORT"
    return 0
  fi
  component_stop >/dev/null
  require_port_free "$AZURITE_PORT" Azurite
  ensure_installed
  mkdir -p "$PIDS" "$LOGS"
  rm -rf "$A/data"
  mkdir -p "$A/data"
  # --skipApiVersionCheck: the SDK may speak a newer service version than this Azurite release knows;
  # --loose: accept headers Azurite does not implement instead of failing the request.
  start_daemon "$PIDS/azurite.pid" "$LOGS/azurite.log" "$BIN" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" \
    --location "$A/data" --skipApiVersionCheck --loose --silent
  if ! wait_ready "$START_TIMEOUT" 0.1 server_ready; then
    say "FAILED to start"
    show_log_tail "$LOGS/azurite.log"
    component_stop >/dev/null 2>&1 || true
    exit 1
  fi
  printf 'azurite ready on 127.0.0.1:%s in %s\n' "$AZURITE_PORT" "$(since "$t0")"
}

component_main "$@"
