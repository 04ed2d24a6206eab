#!/usr/bin/env bash
# Prints a dev JWT for the local stack: token.sh ROLE [--unit CODE] [--sub ID]
# ROLE: operator, dispatcher, handler (needs --unit), supervisor, admin. Signed with the key pair up.sh made.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -f "$STACK_JAR" ] || { echo "local-stack is not built: run deploy/local/up.sh (or ./mvnw -DskipTests package) first" >&2; exit 1; }
exec java -cp "$STACK_CP" cn.hotline.stack.Stack token "$DATA/jwt" "$@"
