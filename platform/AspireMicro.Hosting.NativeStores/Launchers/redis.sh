#!/bin/sh
# Launcher of a native Redis server (AspireMicro.Hosting.NativeStores). Settings come from environment variables
# that Aspire resolves when it starts the resource:
#   NATIVE_STORE_DATA, NATIVE_STORE_PORT, NATIVE_STORE_PASSWORD, NATIVE_STORE_EPHEMERAL (1/0), NATIVE_STORE_SERVER
# The settings go in a private redis.conf (the password never shows in ps); then the shell becomes redis-server,
# which takes SIGTERM as its clean SHUTDOWN.
set -eu

data=$NATIVE_STORE_DATA
umask 077
mkdir -p "$data"
chmod 700 "$data"

quote() { printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"; }

appendonly=yes
[ "$NATIVE_STORE_EPHEMERAL" = 1 ] && appendonly=no
{
  echo "port $NATIVE_STORE_PORT"
  echo "bind 127.0.0.1"
  echo "daemonize no"
  echo 'logfile ""'
  echo "dir $(quote "$data")"
  echo 'save ""'
  echo "appendonly $appendonly"
  echo "requirepass $(quote "$NATIVE_STORE_PASSWORD")"
} >"$data/redis.conf"
unset NATIVE_STORE_PASSWORD

exec "$NATIVE_STORE_SERVER" "$data/redis.conf"
