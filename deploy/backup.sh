#!/usr/bin/env bash
# Hourly backup (samenwerk-backup.timer): `manage.py backup` into a new directory under
# SAMENWERK_BACKUP_DIR (default /var/backups/samenwerk), keep the newest SAMENWERK_BACKUP_KEEP
# (default 48), and, when SAMENWERK_BACKUP_REMOTE is set (an rsync destination such as
# backup@backuphost:/srv/backups/samenwerk/), copy the new one off this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${SAMENWERK_BACKUP_DIR:-/var/backups/samenwerk}
KEEP=${SAMENWERK_BACKUP_KEEP:-48}
NEW="$DIR/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$DIR"
.venv/bin/python manage.py backup "$NEW"
if [ -n "${SAMENWERK_BACKUP_REMOTE:-}" ]; then
  rsync -a "$NEW" "$SAMENWERK_BACKUP_REMOTE"
fi
ls -1d "$DIR"/*/ 2>/dev/null | sort | head -n -"$KEEP" | xargs -r rm -rf
