#!/usr/bin/env bash
# One PostgreSQL 15 cluster for one state dir, TCP on 127.0.0.1 only, database `velero`.
#   postgres.sh start|stop|status --state DIR [--profile dev|test]
# Recipe and traps: /work/shared/docs/local-infrastructure.md §3. The data dir is kept across restarts.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COMPONENT=postgres
START_TIMEOUT=${VELERO_POSTGRES_START_TIMEOUT:-60}
DB_NAME=velero

paths() {
  P=$STATE/postgres
  # See place_data_dir: the state may live outside the state dir, behind a symlink that postgres itself
  # cannot traverse, so always use the resolved path.
  [[ -L $P ]] && P=$(readlink -f "$P")
  DATA=$P/data
  PIDS=$P/pids
  LOGS=$P/log
}

is_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 3; }
psql_q() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
db_exists() { [[ $(psql_q -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'" 2>/dev/null) == 1 ]]; }

postmaster_ready() { pidfile_pid "$PIDS/postmaster.pid" >/dev/null || return 2; is_ready; }

component_status() {
  paths
  if pidfile_pid "$PIDS/postmaster.pid" >/dev/null && is_ready; then
    say "running on 127.0.0.1:$PG_PORT"
    return 0
  fi
  say "not running"
  return 1
}

component_stop() {
  paths
  [[ -d $PIDS ]] || { say "was not running"; return 0; }
  # SIGINT = "fast" shutdown: aborts sessions, checkpoints, exits (0.1-1.9 s in doc §3).
  stop_pidfiles INT "$PIDS/postmaster.pid"
  report_stopped
}

start_failed() {
  say "FAILED to start ($1)"
  show_log_tail "$LOGS/server.log"
  component_stop >/dev/null 2>&1 || true
  exit 1
}

# Doc §3: the postgres user must reach its data dir, and initdb refuses to run as root. A state dir under a
# private parent (mktemp -d makes 0700 directories; CI clones may live under one) cannot be reached, so the
# cluster then lives under /var/tmp/velero-postgres/<hash of the state dir>, linked from the state dir.
place_data_dir() {
  [[ -L $STATE/postgres ]] && return 0
  runuser -u postgres -- test -x "$STATE" && return 0
  local alt
  alt=/var/tmp/velero-postgres/$(printf '%s' "$STATE" | sha256sum | cut -c1-16)
  mkdir -p "$alt"
  chmod 711 /var/tmp/velero-postgres
  chown postgres "$alt"
  # Nothing of value can be in the unreachable directory: postgres could never have written there.
  rm -rf "$STATE/postgres"
  ln -s "$alt" "$STATE/postgres"
  say "state dir is not reachable by user postgres; data in $alt"
}

component_start() {
  mkdir -p "$STATE"
  place_data_dir
  paths
  local t0
  t0=$(now_us)
  if pidfile_pid "$PIDS/postmaster.pid" >/dev/null && is_ready && db_exists; then
    say "already running on 127.0.0.1:$PG_PORT"
    return 0
  fi
  component_stop >/dev/null
  require_port_free "$PG_PORT" PostgreSQL
  [[ -x $PG_BIN/postgres ]] || die "postgres: $PG_BIN/postgres not found (apt-get install postgresql-15)"

  # Doc §3: initdb refuses to run as root, and the parent of the data dir must be writable by postgres.
  mkdir -p "$P" "$LOGS" "$PIDS"
  chown postgres "$P" "$LOGS"
  runuser -u postgres -- test -w "$P" ||
    die "postgres: user postgres cannot reach $P (every parent directory needs o+x)"
  if [[ ! -s $DATA/PG_VERSION ]]; then
    rm -rf "$DATA"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-locale --no-sync \
      >"$LOGS/initdb.log" 2>&1 || { show_log_tail "$LOGS/initdb.log"; start_failed "initdb failed"; }
  fi

  # The Unix socket lives in the data dir (not /var/run/postgresql, which may belong to another
  # cluster), unless the path would exceed the 107-byte sun_path limit; then TCP only.
  local sock=$DATA
  (( ${#sock} + 20 < 107 )) || sock=''
  # fsync etc. off: throwaway data, and it makes tests much faster (doc §3).
  local opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$sock' -c fsync=off -c synchronous_commit=off"
  opts+=" -c full_page_writes=off"
  # setsid: the postmaster must not stay in the caller's process group (see start_daemon in lib.sh);
  # -w: setsid waits for pg_ctl, whose own -w waits until the server accepts connections.
  if ! VELERO_INFRA_OWNER=$(owner_tag) setsid -w runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA" \
      -l "$LOGS/server.log" -w -t "$START_TIMEOUT" -o "$opts" start </dev/null >>"$LOGS/pg_ctl.log" 2>&1; then
    start_failed "pg_ctl start failed"
  fi
  local pid=''
  read -r pid <"$DATA/postmaster.pid" || true
  pid_alive "$pid" || start_failed "no live postmaster PID in $DATA/postmaster.pid"
  printf '%s\n' "$pid" >"$PIDS/postmaster.pid"

  wait_ready "$START_TIMEOUT" 0.1 postmaster_ready || start_failed "pg_isready failed on 127.0.0.1:$PG_PORT"
  if ! db_exists; then
    psql_q -d postgres -c "create database $DB_NAME" >>"$LOGS/pg_ctl.log" 2>&1 ||
      start_failed "create database $DB_NAME failed"
  fi
  printf 'postgres ready on 127.0.0.1:%s in %s\n' "$PG_PORT" "$(since "$t0")"
}

component_main "$@"
