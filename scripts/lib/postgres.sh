# Sourced by scripts/test: a throwaway PostgreSQL cluster on loopback for this run, removed on exit.
# Debian's server binaries; as root, the cluster runs as the `postgres` user (initdb refuses root).

voix_pg_start() {
  local bindir port dir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x "$bindir/initdb" ]] || { echo "PostgreSQL server binaries not found: run scripts/setup" >&2; return 1; }
  port=${VOIX_PG_PORT:-55432}
  dir=$(mktemp -d /tmp/voix-pg.XXXXXX)
  local run=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bindir/initdb" -D "$dir/data" -U voix --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null ||
    { cat "$dir/server.log" >&2; return 1; }
  VOIX_PG_DIR=$dir VOIX_PG_BIN=$bindir
  export VOIX_TEST_POSTGRES_URL="postgres://voix@127.0.0.1:$port/postgres"
  trap voix_pg_stop EXIT
}

voix_pg_stop() {
  [[ -n "${VOIX_PG_DIR:-}" ]] || return 0
  local run=()
  [[ $(id -u) -eq 0 ]] && run=(runuser -u postgres --)
  "${run[@]}" "$VOIX_PG_BIN/pg_ctl" -D "$VOIX_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$VOIX_PG_DIR"
  VOIX_PG_DIR=
}
