#!/bin/sh
# Launcher of a native PostgreSQL server (AspireMicro.Hosting.NativeStores). Settings come from environment
# variables that Aspire resolves when it starts the resource (the port is allocated late):
#   NATIVE_STORE_DATA      data folder (PGDATA is data/, the unix socket run/)
#   NATIVE_STORE_PORT      TCP port on 127.0.0.1
#   NATIVE_STORE_PASSWORD  password of the postgres super user (never on a command line)
#   NATIVE_STORE_EPHEMERAL 1: throw-away data (no fsync), 0: persistent
#   NATIVE_STORE_BIN       the server's bin folder, e.g. /usr/lib/postgresql/15/bin
#   NATIVE_STORE_MAX_CONNECTIONS
# As root, initdb and postgres run as the postgres user through setpriv, with a parent-death signal so that a
# SIGKILL of this shell takes the server with it. SIGTERM (how Aspire stops a resource) becomes SIGINT: PostgreSQL's
# fast shutdown. Its own SIGTERM is a smart shutdown that waits for every pooled client to go away.
set -eu

data=$NATIVE_STORE_DATA
pgdata=$data/data
sock=$data/run
bin=$NATIVE_STORE_BIN
password=$NATIVE_STORE_PASSWORD
unset NATIVE_STORE_PASSWORD

# setpriv switches user (as root) and sets the parent-death signal, then execs the program. The server below is
# started as a simple command in the background (no function, no subshell) so that its parent is this shell and $!
# is the server itself.
user_options=
[ "$(id -u)" = 0 ] && user_options="--reuid=postgres --regid=postgres --init-groups"

umask 077
mkdir -p "$data" "$sock"
chmod 700 "$data"
if [ ! -f "$pgdata/PG_VERSION" ]; then
  # A cluster whose initdb never finished cannot be started: start over.
  rm -rf "$pgdata"
fi
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres "$data"
fi

fsync_options=
if [ "$NATIVE_STORE_EPHEMERAL" = 1 ]; then
  fsync_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi

if [ ! -f "$pgdata/PG_VERSION" ]; then
  pwfile=$data/.pwfile
  printf '%s\n' "$password" >"$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pwfile"
  no_sync=
  [ "$NATIVE_STORE_EPHEMERAL" = 1 ] && no_sync=--no-sync
  # shellcheck disable=SC2086 # user_options is a list of words
  setpriv $user_options --pdeathsig KILL -- "$bin/initdb" -D "$pgdata" -U postgres "--pwfile=$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C $no_sync
  rm -f "$pwfile"
else
  # A persistent cluster from an earlier run may have another password: set this run's one in single-user mode,
  # fed through stdin so that it never shows in ps.
  quoted=$(printf '%s' "$password" | sed "s/'/''/g")
  printf "ALTER ROLE postgres PASSWORD '%s';\n" "$quoted" |
    setpriv $user_options --pdeathsig KILL -- "$bin/postgres" --single -D "$pgdata" -c log_min_messages=warning postgres >/dev/null
fi
unset password quoted

# shellcheck disable=SC2086 # user_options and fsync_options are lists of words
setpriv $user_options --pdeathsig KILL -- "$bin/postgres" -D "$pgdata" -p "$NATIVE_STORE_PORT" -k "$sock" \
  -c listen_addresses=127.0.0.1 -c "max_connections=$NATIVE_STORE_MAX_CONNECTIONS" $fsync_options &
server=$!
trap 'kill -INT "$server" 2>/dev/null || :' TERM INT
trap 'kill -QUIT "$server" 2>/dev/null || :' QUIT

status=0
while :; do
  if wait "$server"; then status=0; else status=$?; fi
  # wait returns early when a trapped signal arrives: keep waiting while the server lives.
  kill -0 "$server" 2>/dev/null || break
done
exit "$status"
