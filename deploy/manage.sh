#!/usr/bin/env bash
# deploy/manage.sh <command> [arguments]: `manage.py` as the service user with the environment
# file, the way the systemd units run it (docs/deployment.md). SAMENWERK_ENV_FILE and
# SAMENWERK_USER change the defaults /etc/samenwerk/env and samenwerk.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
ENV_FILE=${SAMENWERK_ENV_FILE:-/etc/samenwerk/env}
RUN_AS=${SAMENWERK_USER:-samenwerk}
vars=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|\#*) continue ;; esac
  vars+=("$line")
done < "$ENV_FILE"
if [ "$(id -un)" = "$RUN_AS" ]; then
  exec env "${vars[@]}" .venv/bin/python manage.py "$@"
fi
exec runuser -u "$RUN_AS" -- env "${vars[@]}" .venv/bin/python manage.py "$@"
