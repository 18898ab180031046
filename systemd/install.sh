#!/usr/bin/env bash
# Installs Hearth as a systemd service on Raspberry Pi OS (or any Debian with systemd).
#
#   sudo systemd/install.sh              install or upgrade, enable and start
#   sudo systemd/install.sh --dry-run    print every step, change nothing
#   sudo systemd/install.sh --yes        do not ask before turning on Pi interfaces (I2C, 1-Wire, serial, PWM)
#   sudo systemd/install.sh --uninstall  stop, disable, remove /opt/hearth and the unit
#                                        (config in /etc/hearth and data in /var/lib/hearth stay)
#   sudo systemd/install.sh --uninstall --purge   ... and remove config and data too
#
# Run it from a built checkout (`npm ci` builds dist/). Running it twice is safe:
# an existing /etc/hearth/hearth.yaml is never overwritten.
#
# DESTDIR=/some/root installs the file layout under that root and only prints the
# system commands (useradd, chown, npm, systemctl) instead of running them; the test
# suite uses it to check layout, modes and idempotency without touching the machine.
set -euo pipefail

readonly MIN_NODE_MAJOR=20 MIN_NODE_MINOR=19
readonly SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT="${DESTDIR:-}"
readonly APP="$ROOT/opt/hearth" ETC="$ROOT/etc/hearth" DATA="$ROOT/var/lib/hearth"
readonly UNIT="$ROOT/etc/systemd/system/hearth.service"
readonly BIN="$ROOT/usr/local/bin/hearth"
readonly NODE="${HEARTH_NODE:-node}"

say() { printf 'hearth-install: %s\n' "$*"; }
die() { printf 'hearth-install: error: %s\n' "$*" >&2; exit 1; }

# A command that changes the system outside the file layout: skipped under DESTDIR.
system() {
  if [[ -n "$ROOT" ]]; then say "would run: $*"; else "$@"; fi
}

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

check_node() {
  command -v "$NODE" >/dev/null || die "Node.js is not installed; install Node ${MIN_NODE_MAJOR}.${MIN_NODE_MINOR} or newer (https://nodejs.org or NodeSource)"
  local version
  version="$("$NODE" -p 'process.versions.node')"
  local major="${version%%.*}" rest="${version#*.}"
  local minor="${rest%%.*}"
  if (( major < MIN_NODE_MAJOR || (major == MIN_NODE_MAJOR && minor < MIN_NODE_MINOR) )); then
    die "Node.js $version is too old; Hearth needs ${MIN_NODE_MAJOR}.${MIN_NODE_MINOR} or newer"
  fi
  say "Node.js $version"
}

ensure_user() {
  if [[ -z "$ROOT" ]] && id hearth >/dev/null 2>&1; then
    say "user hearth exists"
  else
    system useradd --system --user-group --home-dir /var/lib/hearth --no-create-home --shell /usr/sbin/nologin hearth
  fi
  local group
  # dialout: the serial ports (/dev/ttyAMA0, USB adapters), as the unit's SupplementaryGroups expects.
  for group in gpio i2c dialout; do
    if [[ -z "$ROOT" ]] && ! getent group "$group" >/dev/null; then system groupadd --system "$group"; fi
    system usermod --append --groups "$group" hearth
  done
}

copy_app() {
  [[ -f "$SOURCE/dist/core/cli.js" ]] || die "$SOURCE/dist is missing: run 'npm ci' (it builds) first"
  install -d -m 0755 "$APP"
  # Replace whole trees so files deleted upstream do not linger after an upgrade.
  local part
  for part in dist examples core/db/migrations frontend/dist docs; do
    rm -rf "${APP:?}/$part"
    if [[ -d "$SOURCE/$part" ]]; then
      install -d -m 0755 "$(dirname "$APP/$part")"
      cp -R "$SOURCE/$part" "$APP/$part"
    fi
  done
  install -m 0644 "$SOURCE/package.json" "$SOURCE/package-lock.json" "$APP/"
  install -m 0644 "$SOURCE/systemd/hearth.service" "$APP/hearth.service"
  chmod -R u=rwX,go=rX "$APP"
  chmod 0755 "$APP/dist/core/cli.js"
  # Production dependencies only; the native ones (better-sqlite3, epoll, i2c-bus) are rebuilt for this Pi.
  system npm --prefix "$APP" ci --omit=dev --ignore-scripts --no-audit --no-fund
  system npm --prefix "$APP" rebuild better-sqlite3 epoll i2c-bus
}

write_config() {
  install -d -m 0750 "$ETC"
  if [[ -f "$ETC/hearth.yaml" ]]; then
    say "keeping existing $ETC/hearth.yaml"
  else
    cat > "$ETC/hearth.yaml" <<'YAML'
# Hearth configuration: see /opt/hearth/docs and examples/ for every key.
name: Home
server: { port: 8420, host: 0.0.0.0 }
storage: { path: /var/lib/hearth/hearth.db, keepDays: 10 }
hardware: { backend: auto }
areas: []
plugins: []
YAML
    chmod 0640 "$ETC/hearth.yaml"
    say "wrote $ETC/hearth.yaml"
  fi
  # The service owns its config folder so the dashboard can edit hearth.yaml (it writes a temp file and a .bak beside it).
  system chown -R hearth:hearth /etc/hearth
}

# `hearth user add …`, `hearth backup` on the Pi: the service's config and data,
# run as the service user so the files it writes stay the service's.
write_cli_wrapper() {
  install -d -m 0755 "$(dirname "$BIN")"
  cat > "$BIN" <<'WRAPPER'
#!/bin/sh
export HEARTH_CONFIG="${HEARTH_CONFIG:-/etc/hearth/hearth.yaml}" HEARTH_DATA="${HEARTH_DATA:-/var/lib/hearth}"
if [ "$(id -un)" = hearth ]; then exec node /opt/hearth/dist/core/cli.js "$@"; fi
exec sudo -u hearth --preserve-env=HEARTH_CONFIG,HEARTH_DATA node /opt/hearth/dist/core/cli.js "$@"
WRAPPER
  chmod 0755 "$BIN"
}

# The Raspberry Pi interfaces the config needs (systemd/pi-setup.sh): shown as diffs and asked for.
pi_interfaces() {
  HEARTH_PI_ROOT="$ROOT" bash "$SOURCE/systemd/pi-setup.sh" --config "$ETC/hearth.yaml" "$@"
}

dry_run() {
  check_node
  say "would create the system user hearth in groups gpio, i2c and dialout"
  say "would copy dist, examples, migrations, the dashboard and docs to /opt/hearth, then npm ci --omit=dev and rebuild the native modules there"
  if [[ -f "$ETC/hearth.yaml" ]]; then say "would keep $ETC/hearth.yaml"; else say "would write a starter $ETC/hearth.yaml"; fi
  say "would create /var/lib/hearth, install /etc/systemd/system/hearth.service and /usr/local/bin/hearth"
  pi_interfaces --dry-run
  say "would run: systemctl daemon-reload; systemctl enable hearth.service; systemctl restart hearth.service"
}

install_all() {
  check_node
  ensure_user
  copy_app
  write_config
  install -d -m 0750 "$DATA"
  system chown hearth:hearth /var/lib/hearth
  install -d -m 0755 "$(dirname "$UNIT")"
  install -m 0644 "$SOURCE/systemd/hearth.service" "$UNIT"
  write_cli_wrapper
  pi_interfaces "$@"
  system systemctl daemon-reload
  system systemctl enable hearth.service
  system systemctl restart hearth.service
  local address
  address="$(hostname -I 2>/dev/null | awk '{print $1}')"
  say "installed. Open http://${address:-$(hostname)}:8420/ to create the owner account."
  say "logs: journalctl -u hearth -f -o cat"
}

uninstall_all() {
  local purge="$1"
  system systemctl disable --now hearth.service
  rm -f "$UNIT" "$BIN"
  system systemctl daemon-reload
  rm -rf "${APP:?}"
  if [[ "$purge" == yes ]]; then
    rm -rf "${ETC:?}" "${DATA:?}"
    system userdel hearth
    say "removed Hearth, its configuration and its data"
  else
    say "removed Hearth; kept $ETC and $DATA (use --purge to remove them)"
  fi
}

main() {
  local mode=install purge=no
  local pi_flags=()
  while (($#)); do
    case "$1" in
      --uninstall) mode=uninstall ;;
      --dry-run) mode=dry-run ;;
      --yes) pi_flags+=(--yes) ;;
      --purge) purge=yes ;;
      -h | --help) usage 0 ;;
      *) printf 'hearth-install: unknown option %s\n' "$1" >&2; usage 2 ;;
    esac
    shift
  done
  [[ -n "$ROOT" || $EUID -eq 0 || "$mode" == dry-run ]] || die "run as root (sudo $0)"
  case "$mode" in
    uninstall) uninstall_all "$purge" ;;
    dry-run) dry_run ;;
    *) install_all "${pi_flags[@]}" ;;
  esac
}

main "$@"
