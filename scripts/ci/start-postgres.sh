#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and prints its connection URL on stdout:
#   export TEST_DATABASE_URL=$(bash scripts/ci/start-postgres.sh)
# The cluster lives in $PG_CI_DIR (default: a fixed folder under $TMPDIR); a second call
# while it runs prints the same URL. It listens on 127.0.0.1 only, with trust authentication:
# never use it for anything but tests. Progress goes to stderr; stdout carries only the URL.
set -euo pipefail

state_dir="${PG_CI_DIR:-${TMPDIR:-/tmp}/helpdesk-ci-postgres}"
database="${PG_CI_DATABASE:-helpdesk_test}"
first_port="${PG_CI_PORT:-55432}"

log() { echo "start-postgres: $*" >&2; }

bin_dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [[ -z "$bin_dir" || ! -x "$bin_dir/initdb" ]]; then
  log "no PostgreSQL binaries under /usr/lib/postgresql/*/bin (install the 'postgresql' package)"
  exit 1
fi

# postgres refuses to run as root: run the server tools as the postgres OS user then.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_running() { [[ -f "$state_dir/url" ]] && as_owner "$bin_dir/pg_ctl" -D "$state_dir/data" status >/dev/null 2>&1; }

start_server() {
  as_owner "$bin_dir/pg_ctl" -D "$state_dir/data" -l "$state_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $1 -k $state_dir/socket -c fsync=off" start >&2
}

if is_running; then
  log "reusing the running cluster in $state_dir"
  cat "$state_dir/url"
  exit 0
fi

if [[ -f "$state_dir/port" ]] && ! port_in_use "$(cat "$state_dir/port")" \
  && start_server "$(cat "$state_dir/port")"; then
  log "restarted the stopped cluster in $state_dir"
  cat "$state_dir/url"
  exit 0
fi

rm -rf "$state_dir"
mkdir -p "$state_dir/socket"
if [[ "$(id -u)" == 0 ]]; then
  chown -R postgres:postgres "$state_dir"
fi

port="$first_port"
while port_in_use "$port"; do
  port=$((port + 1))
  if ((port > first_port + 100)); then
    log "no free port in $first_port..$((first_port + 100))"
    exit 1
  fi
done

log "creating a cluster in $state_dir with $bin_dir"
as_owner "$bin_dir/initdb" -D "$state_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2
start_server "$port"
as_owner "$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database" >&2

url="postgres://postgres@127.0.0.1:$port/$database"
echo "$port" >"$state_dir/port"
echo "$url" >"$state_dir/url"
log "PostgreSQL is ready at $url"
echo "$url"
