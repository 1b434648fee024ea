#!/bin/sh
# Launcher of a native RabbitMQ broker (AspireMicro.Hosting.NativeStores). Settings come from environment variables
# that Aspire resolves when it starts the resource:
#   NATIVE_STORE_DATA, NATIVE_STORE_PORT (AMQP), NATIVE_STORE_DIST_PORT, NATIVE_STORE_EPMD_PORT,
#   NATIVE_STORE_USER, NATIVE_STORE_PASSWORD, NATIVE_STORE_NODE, NATIVE_STORE_SERVER (rabbitmq-server start script),
#   NATIVE_STORE_EPMD (epmd binary)
# Node name, HOME (Erlang cookie), mnesia, logs and config live below the data folder; the machine-wide /etc/rabbitmq
# stays out. The node gets its own epmd on a private port, under a parent-death signal: the VM would otherwise start a
# machine-wide "epmd -daemon" that outlives the AppHost. Then the shell becomes the Erlang VM (RUNNING_UNDER_SYSTEMD
# makes the start script exec it), which takes SIGTERM as an orderly stop; its death takes epmd along.
set -eu

data=$NATIVE_STORE_DATA
umask 077
mkdir -p "$data/mnesia" "$data/log" "$data/home"
chmod 700 "$data"

# A JSON string, for the definitions file.
json() { printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"; }

{
  echo "listeners.tcp.default = 127.0.0.1:$NATIVE_STORE_PORT"
  echo "loopback_users = none"
  echo "log.console = true"
  echo "log.console.level = info"
  echo "log.file = false"
  echo "load_definitions = $data/definitions.json"
} >"$data/rabbitmq.conf"
# The user is (re)imported on every boot, so a persistent node picks up this run's password.
{
  printf '{"users":[{"name":%s,"password":%s,"tags":["administrator"]}],' \
    "$(json "$NATIVE_STORE_USER")" "$(json "$NATIVE_STORE_PASSWORD")"
  printf '"vhosts":[{"name":"/"}],'
  printf '"permissions":[{"user":%s,"vhost":"/","configure":".*","write":".*","read":".*"}]}\n' "$(json "$NATIVE_STORE_USER")"
} >"$data/definitions.json"
unset NATIVE_STORE_PASSWORD
echo "[]." >"$data/enabled_plugins"
: >"$data/rabbitmq-env.conf"

# setpriv switches user (as root) and sets the parent-death signal. Background jobs below are simple commands, so the
# shell forks and execs them directly: their parent is this shell, which becomes the VM.
user_options=
if [ "$(id -u)" = 0 ]; then
  user_options="--reuid=rabbitmq --regid=rabbitmq --init-groups"
  chown -R rabbitmq:rabbitmq "$data"
fi

export HOME="$data/home"
export ERL_EPMD_PORT="$NATIVE_STORE_EPMD_PORT"
export RABBITMQ_NODENAME="$NATIVE_STORE_NODE"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$NATIVE_STORE_PORT"
export RABBITMQ_DIST_PORT="$NATIVE_STORE_DIST_PORT"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_MNESIA_BASE="$data/mnesia"
export RABBITMQ_LOG_BASE="$data/log"
export RABBITMQ_LOGS=-
export RABBITMQ_CONFIG_FILE="$data/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins"
export RABBITMQ_CONF_ENV_FILE="$data/rabbitmq-env.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$data/advanced.config"
export RUNNING_UNDER_SYSTEMD=true

# shellcheck disable=SC2086 # user_options is a list of words
setpriv $user_options --pdeathsig KILL -- "$NATIVE_STORE_EPMD" -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
tries=0
until "$NATIVE_STORE_EPMD" -port "$ERL_EPMD_PORT" -names >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 200 ]; then
    echo "epmd did not answer on port $ERL_EPMD_PORT" >&2
    exit 1
  fi
  sleep 0.05
done

# shellcheck disable=SC2086
exec setpriv $user_options -- "$NATIVE_STORE_SERVER"
