#!/usr/bin/env bash
# Smoke test of the local run, for people and CI:
#   up → status → write a mark to Kafka, PostgreSQL, Redis and read it back → up again (must be a
#   no-op) → down (nothing of ours may be left running) → up → the mark is still there → down →
#   reset.
#
# It uses its own run directory and ports, so it does not touch a stack you already have running:
#   FENGHUO_HOME=.run/smoke, Kafka 19192/19193, PostgreSQL 15532, Redis 16479, unit-service 18181, alarm-service 18183, dispatch-119-service 18184,
#   inspection-service 18185,
#   identity provider 19100, console 18180, op-a's gateway 19600 (HTTP 18182, commands 19101) (override with the usual FENGHUO_*
#   variables). The services of FENGHUO_SERVICES start too; their jars are built first if missing or stale. No demo fleet: the
#   test sends one fire alarm from a seed UITD through the simulator CLI and finds it in op-a's alarm queue.
#   SMOKE_KEEP=1 skips the final reset (data and logs stay).
# Exit status 0 only if every step passed; on failure the stack is stopped and the logs kept.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export FENGHUO_HOME=${FENGHUO_HOME:-$ROOT/.run/smoke}
export FENGHUO_KAFKA_PORT=${FENGHUO_KAFKA_PORT:-19192}
export FENGHUO_KAFKA_CONTROLLER_PORT=${FENGHUO_KAFKA_CONTROLLER_PORT:-19193}
export FENGHUO_PG_PORT=${FENGHUO_PG_PORT:-15532}
export FENGHUO_REDIS_PORT=${FENGHUO_REDIS_PORT:-16479}
export FENGHUO_UNIT_SERVICE_PORT=${FENGHUO_UNIT_SERVICE_PORT:-18181}
export FENGHUO_ALARM_SERVICE_PORT=${FENGHUO_ALARM_SERVICE_PORT:-18183}
export FENGHUO_DISPATCH_SERVICE_PORT=${FENGHUO_DISPATCH_SERVICE_PORT:-18184}
export FENGHUO_INSPECTION_SERVICE_PORT=${FENGHUO_INSPECTION_SERVICE_PORT:-18185}
export FENGHUO_IDP_PORT=${FENGHUO_IDP_PORT:-19100}
export FENGHUO_CONSOLE_PORT=${FENGHUO_CONSOLE_PORT:-18180}
export FENGHUO_GATEWAY_OP_A_PORT=${FENGHUO_GATEWAY_OP_A_PORT:-19600}
export FENGHUO_GATEWAY_OP_A_HTTP_PORT=${FENGHUO_GATEWAY_OP_A_HTTP_PORT:-18182}
export FENGHUO_GATEWAY_OP_A_COMMAND_PORT=${FENGHUO_GATEWAY_OP_A_COMMAND_PORT:-19101}
export FENGHUO_DEMO_FLEET=off
export FENGHUO_SERVICES=${FENGHUO_SERVICES-unit-service alarm-service dispatch-119-service inspection-service idp console gateway-op-a}
FENGHUO=$ROOT/fenghuo
MARK=smoke-$(date +%Y%m%d%H%M%S)-$$
T_START=$SECONDS
PASSED=0

if [ -t 1 ]; then BOLD=$'\e[1m' GREEN=$'\e[1;32m' OFF=$'\e[0m'; else BOLD='' GREEN='' OFF=''; fi
step() { printf '\n%s== %s%s\n' "$BOLD" "$*" "$OFF"; }
fail() { printf '\nSMOKE TEST FAILED: %s\n' "$*" >&2; exit 1; }

cleanup() {
  local rc=$?
  if [ "$PASSED" != 1 ]; then
    step "cleanup after failure (logs kept in $FENGHUO_HOME/logs)"
    "$FENGHUO" down || true
  fi
  exit "$rc"
}
trap cleanup EXIT

# Processes whose command line names this run directory (JVMs: -Dfenghuo.home=..., Redis: its title).
our_processes() {
  local f
  for f in /proc/[0-9]*/cmdline; do
    if tr '\0' ' ' 2>/dev/null <"$f" | grep -F "fenghuo.home=$FENGHUO_HOME" >/dev/null; then
      f=${f#/proc/}; echo "${f%%/*}"
    fi
  done
  # The PostgreSQL server is recognised by its data directory.
  for f in /proc/[0-9]*/cmdline; do
    if tr '\0' ' ' 2>/dev/null <"$f" | grep -F -- "-D $FENGHUO_HOME/data/postgres" >/dev/null; then
      f=${f#/proc/}; echo "${f%%/*}"
    fi
  done
}

check() { # write|verify
  local cp
  cp=$(cat "$FENGHUO_HOME"/cache/classpath-*.txt)
  java -Dlog4j2.configurationFile="$ROOT/deploy/local/launcher-log4j2.properties" -cp "$cp" \
    "$ROOT/deploy/local/SmokeCheck.java" "$1" "$MARK" "$FENGHUO_KAFKA_PORT" "$FENGHUO_PG_PORT" "$FENGHUO_REDIS_PORT"
}

first_line() { printf '%s\n' "${1%%$'\n'*}"; }

# The unit-service lists op-a's seeded units to op-a's token (seed data: deploy/local/seed).
check_services() {
  case " $FENGHUO_SERVICES " in *" unit-service "*) ;; *) return 0 ;; esac
  local token body
  token=$(java -Dseed.dir="$ROOT/deploy/local/seed" "$ROOT/deploy/local/seed/Seed.java" token operator op-a)
  body=$(
    exec 3<>"/dev/tcp/127.0.0.1/$FENGHUO_UNIT_SERVICE_PORT" || exit 1
    printf 'GET /api/units?size=100 HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n' "$token" >&3
    cat <&3
  ) || fail "unit-service is not answering on $FENGHUO_UNIT_SERVICE_PORT"
  # Here-strings, not pipes: grep -q or head closing a pipe early fails the writer with SIGPIPE
  # under pipefail once the body outgrows the pipe buffer (150 units of op-a's seed).
  first_line "$body"
  grep -q 'U-330106-A001' <<<"$body" || fail "unit-service did not list op-a's seeded unit U-330106-A001"
  if grep -q 'U-330106-B' <<<"$body"; then fail "unit-service showed op-b's units to op-a"; fi
  echo "OK unit-service lists op-a's seeded units, and none of op-b's"
  case " $FENGHUO_SERVICES " in *" alarm-service "*)
    body=$(
      exec 3<>"/dev/tcp/127.0.0.1/$FENGHUO_ALARM_SERVICE_PORT" || exit 1
      printf 'GET /api/alarms/queue HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n' "$token" >&3
      cat <&3
    ) || fail "alarm-service is not answering on $FENGHUO_ALARM_SERVICE_PORT"
    first_line "$body" | grep -q ' 200' || fail "alarm-service did not answer op-a's queue: $(first_line "$body")"
    grep -q '"items"' <<<"$body" || fail "alarm-service's queue has no items list"
    echo "OK alarm-service answers op-a's alarm queue"
    ;;
  esac
  case " $FENGHUO_SERVICES " in *" inspection-service "*)
    body=$(
      exec 3<>"/dev/tcp/127.0.0.1/$FENGHUO_INSPECTION_SERVICE_PORT" || exit 1
      printf 'GET /api/faults HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n' "$token" >&3
      cat <&3
    ) || fail "inspection-service is not answering on $FENGHUO_INSPECTION_SERVICE_PORT"
    first_line "$body" | grep -q ' 200' || fail "inspection-service did not answer op-a's fault list: $(first_line "$body")"
    grep -q '"items"' <<<"$body" || fail "inspection-service's fault list has no items list"
    echo "OK inspection-service answers op-a's fault list"
    ;;
  esac
  case " $FENGHUO_SERVICES " in *" console "*) ;; *) return 0 ;; esac
  local discovery headers
  discovery=$(http_get "$FENGHUO_IDP_PORT" /.well-known/openid-configuration) || fail "identity provider not answering"
  echo "$discovery" | grep -q "\"issuer\":\"http://127.0.0.1:$FENGHUO_IDP_PORT\"" ||
    fail "identity provider's discovery document does not name its issuer"
  headers=$(http_get "$FENGHUO_CONSOLE_PORT" / | head -20) || fail "console not answering"
  echo "$headers" | grep -qi '^Location: .*/oauth2/authorization/' || fail "console did not send an anonymous visitor to sign in"
  echo "OK identity provider publishes its discovery document; the console sends visitors to sign in there"
}

# A seed UITD of op-a (unit U-330106-A001) raises a fire at its manual call point through op-a's
# gateway (the simulator exits 0 only if the gateway confirmed every upload); the alarm-service
# must then show the unit's fire alarm in op-a's queue.
check_gateway() {
  case " $FENGHUO_SERVICES " in *" gateway-op-a "*" alarm-service "* | *" alarm-service "*" gateway-op-a "*) ;; *) return 0 ;; esac
  local dir=$FENGHUO_HOME/smoke-gateway token body i
  mkdir -p "$dir"
  { head -1 "$ROOT/deploy/local/seed/fleet.csv"; grep '^013301060001,1,1,23,66558,' "$ROOT/deploy/local/seed/fleet.csv"; } >"$dir/fleet.csv"
  echo 'at 1s device #0 component 66558 fire' >"$dir/fire.scenario"
  java -jar "$ROOT/device-simulator/target/device-simulator.jar" -c "127.0.0.1:$FENGHUO_GATEWAY_OP_A_PORT" \
    -f "$dir/fleet.csv" -s "$dir/fire.scenario" --heartbeat none -d 4s --drain 10s -r "$dir/report.json" >"$dir/simulator.out" 2>&1 ||
    fail "the gateway did not confirm the simulated UITD's uploads (see $dir/simulator.out)"
  grep -q '"fire":{"sent":1,"confirmed":1' "$dir/report.json" || fail "no confirmed fire upload in $dir/report.json"
  echo "OK op-a's gateway confirmed a fire alarm from seed UITD 013301060001"
  token=$(java -Dseed.dir="$ROOT/deploy/local/seed" "$ROOT/deploy/local/seed/Seed.java" token operator op-a)
  for i in $(seq 1 60); do
    body=$(
      exec 3<>"/dev/tcp/127.0.0.1/$FENGHUO_ALARM_SERVICE_PORT" || exit 1
      printf 'GET /api/alarms/queue HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n' "$token" >&3
      cat <&3
    ) || true
    if grep -q '"unitId":"U-330106-A001","unitName":"[^"]*","unitAddress":"[^"]*","category":"FIRE"' <<<"$body"; then
      echo "OK the fire alarm of U-330106-A001 is in op-a's alarm queue (after ${i}x0.5 s)"
      return 0
    fi
    sleep 0.5
  done
  fail "the simulated fire alarm did not reach op-a's alarm queue within 30 s"
}

http_get() { # port path
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$2" "$1" >&3
    cat <&3
  )
}

step "up (run directory $FENGHUO_HOME)"
t=$SECONDS; "$FENGHUO" up; T_UP1=$((SECONDS - t))

step "status"
"$FENGHUO" status || fail "status reports a component down right after up"

step "write and read back mark $MARK"
check write || fail "a store did not accept or return the mark"

step "the services answer with the seed data"
check_services

step "a simulated UITD's fire alarm goes through the gateway to the alarm-service"
check_gateway

step "up again: must leave everything alone"
out=$("$FENGHUO" up) || fail "second up failed"
echo "$out" | grep 'already running'
expected=$((3 + $(echo $FENGHUO_SERVICES | wc -w)))
[ "$(echo "$out" | grep -c 'already running')" = "$expected" ] || fail "second up did not find all $expected components running"

step "down"
"$FENGHUO" down
sleep 0.5
left=$(our_processes | sort -u | tr '\n' ' ')
[ -z "$left" ] || fail "processes still running after down: $left"
echo "no processes of $FENGHUO_HOME left"
"$FENGHUO" down | grep 'Nothing was running' || fail "second down was not a no-op"

step "up after down (warm start)"
t=$SECONDS; "$FENGHUO" up; T_UP2=$((SECONDS - t))

step "the mark survived the restart"
check verify || fail "data did not survive down/up"
check_services

step "down"
"$FENGHUO" down
left=$(our_processes | sort -u | tr '\n' ' ')
[ -z "$left" ] || fail "processes still running after down: $left"

if [ "${SMOKE_KEEP:-0}" != 1 ]; then
  step "reset"
  "$FENGHUO" reset
fi

PASSED=1
printf '\n%sSMOKE TEST PASSED%s in %ss (first up %ss, warm up %ss)\n' "$GREEN" "$OFF" \
  $((SECONDS - T_START)) "$T_UP1" "$T_UP2"
