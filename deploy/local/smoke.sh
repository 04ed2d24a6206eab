#!/usr/bin/env bash
# Proves the embedded path of up.sh: PostgreSQL and Redis addresses point at free ports where nothing
# answers, so up.sh must start embedded servers; then every service must be ready and answer a token,
# and down.sh must leave no process of the stack behind. Used by .ci/run after ./mvnw verify.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

free_port() { local p=$1; while answers 127.0.0.1 "$p"; do p=$((p + 1)); done; echo "$p"; }
export HOTLINE_PG_PORT=$(free_port 55432)
export HOTLINE_REDIS_PORT=$(free_port 56379)
echo "smoke: PostgreSQL on $HOTLINE_PG_PORT and Redis on $HOTLINE_REDIS_PORT must be embedded"

cleanup() { "$HERE/down.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT
"$HERE/up.sh" --detach

status=0
admin=$("$HERE/token.sh" admin)
operator=$("$HERE/token.sh" operator)
for port in "$INTAKE_PORT" "$ROUTING_PORT" "$SLA_PORT" "$NOTIFY_PORT"; do
  url="http://127.0.0.1:$port/api/v1/admin/outbox"
  with=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$url")
  wrong=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $operator" "$url")
  without=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  echo "smoke: :$port admin=$with operator=$wrong no-token=$without"
  [ "$with" = 200 ] && [ "$wrong" = 403 ] && [ "$without" = 401 ] || status=1
done
# The console: ready, a person is sent to the realm's sign-in, a field link that does not exist is refused.
console_ready=$(curl -s -o /dev/null -w '%{http_code}' "$CONSOLE_URL/q/health/ready")
login=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$CONSOLE_URL/board")
unknown_link=$(curl -s -o /dev/null -w '%{http_code}' "$CONSOLE_URL/m/AAAAAAAAAAAAAAAAAAAAAA")
echo "smoke: console ready=$console_ready /board → $login; unknown field link=$unknown_link"
[ "$console_ready" = 200 ] && [[ "$login" == "302 $IDP_ISSUER/protocol/openid-connect/auth"* ]] && [ "$unknown_link" = 404 ] || status=1
answers 127.0.0.1 "$HOTLINE_PG_PORT" && answers 127.0.0.1 "$HOTLINE_REDIS_PORT" || { echo "smoke: embedded servers are not up"; status=1; }
alive postgres && alive redis || { echo "smoke: up.sh did not start the embedded servers itself"; status=1; }

# Kafka goes away: every service must report not-ready, and become ready again by itself when it is back.
ready_code() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/q/health/ready"; }
await_ready_code() { # PORT CODE SECONDS
  local i
  for i in $(seq 1 "$3"); do [ "$(ready_code "$1")" = "$2" ] && return 0; sleep 1; done
  return 1
}
stop_one kafka >/dev/null
for port in "$INTAKE_PORT" "$ROUTING_PORT" "$SLA_PORT" "$NOTIFY_PORT"; do
  await_ready_code "$port" 503 120 && echo "smoke: :$port not ready while Kafka is down" \
    || { echo "smoke: :$port still claims ready with Kafka down"; status=1; }
done
start_kafka || { echo "smoke: Kafka did not restart"; status=1; }
for port in "$INTAKE_PORT" "$ROUTING_PORT" "$SLA_PORT" "$NOTIFY_PORT"; do
  await_ready_code "$port" 200 180 && echo "smoke: :$port ready again after Kafka came back" \
    || { echo "smoke: :$port did not recover after Kafka came back"; status=1; }
done

"$HERE/down.sh"
trap - EXIT
sleep 1
if pgrep -f -- '-Dhotline.stack=' >/dev/null; then
  echo "smoke: processes of the stack are still running after down.sh:"; pgrep -fa -- '-Dhotline.stack='; status=1
fi
if answers 127.0.0.1 "$HOTLINE_PG_PORT" || answers 127.0.0.1 "$HOTLINE_REDIS_PORT"; then
  echo "smoke: an embedded server still answers after down.sh"; status=1
fi
[ $status = 0 ] && echo "smoke: OK" || echo "smoke: FAILED"
exit $status
