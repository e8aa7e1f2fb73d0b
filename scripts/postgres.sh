#!/usr/bin/env bash
# A private PostgreSQL server for the tests (issue #16), from Debian's package: a new cluster in
# DIR, owned by an unprivileged user (PostgreSQL refuses to run as root), listening on a free
# port of 127.0.0.1 only, trusting local connections (nothing else can reach it).
#   scripts/postgres.sh start DIR   prints the server's URL (postgres://portal@127.0.0.1:PORT)
#   scripts/postgres.sh stop DIR    stops it (DIR is then the caller's to delete)
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $bin/initdb ]] || { echo "PostgreSQL is not installed: scripts/setup.sh --tests installs it" >&2; exit 1; }
# As root, the cluster's files and process belong to `nobody`.
as_owner=()
[[ $(id -u) -eq 0 ]] && as_owner=(runuser -u nobody --)

case $action in
  start)
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown nobody "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U portal --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    # Speed over durability: a test cluster lost in a crash is made again.
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
      "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
    echo "postgres://portal@127.0.0.1:$port"
    ;;
  stop)
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
