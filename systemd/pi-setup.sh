#!/usr/bin/env bash
# Turns on the Raspberry Pi interfaces a Hearth config needs: I2C, 1-Wire, the serial port (without its login
# console) and the two-channel PWM overlay. Called by install.sh; runs on its own too:
#
#   sudo systemd/pi-setup.sh [--config FILE] [--enable i2c,onewire,serial,pwm] [--dry-run] [--yes]
#
# Needs are read from the config (default /etc/hearth/hearth.yaml): climate-i2c or an i2c key → i2c, onewire →
# onewire, a /dev/tty… or /dev/serial… path → serial, a pwmchip → pwm; --enable adds to them.
# It uses `raspi-config nonint` where installed, otherwise edits config.txt (/boot/firmware/config.txt on
# Bookworm and later, /boot/config.txt before) and cmdline.txt, showing every change as a diff and asking first
# (--yes answers yes, --dry-run only prints). A machine whose /proc/device-tree/model does not name a Raspberry Pi
# is left alone. HEARTH_PI_ROOT (tests only) treats a folder as the system's root and never runs raspi-config.
set -euo pipefail

readonly PI_ROOT="${HEARTH_PI_ROOT:-}"
CONFIG="${PI_ROOT}/etc/hearth/hearth.yaml"
DRY_RUN=no YES=no EXTRA=""
REBOOT=no

say() { printf 'hearth-pi: %s\n' "$*"; }
die() { printf 'hearth-pi: error: %s\n' "$*" >&2; exit 1; }

while (($#)); do
  case "$1" in
    --config) CONFIG="$2"; shift ;;
    --enable) EXTRA="$2"; shift ;;
    --dry-run) DRY_RUN=yes ;;
    --yes) YES=yes ;;
    -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
  shift
done

model="$(tr -d '\0' < "${PI_ROOT}/proc/device-tree/model" 2>/dev/null || true)"
if [[ "$model" != Raspberry\ Pi* ]]; then
  say "not a Raspberry Pi (${model:-no /proc/device-tree/model}): leaving interfaces alone"
  exit 0
fi
say "$model"

needs=()
need() { [[ " ${needs[*]-} " == *" $1 "* ]] || needs+=("$1"); }
if [[ -f "$CONFIG" ]]; then
  grep -Eq 'climate-i2c|^[[:space:]]*i2c[A-Za-z]*:|bus:' "$CONFIG" && need i2c
  grep -Eq 'onewire|1-wire|w1_bus' "$CONFIG" && need onewire
  grep -Eq '/dev/(tty|serial)' "$CONFIG" && need serial
  grep -Eq 'pwmchip' "$CONFIG" && need pwm
fi
IFS=, read -ra extra <<< "$EXTRA"
for item in "${extra[@]}"; do
  case "$item" in i2c | onewire | serial | pwm) need "$item" ;; '') ;; *) die "unknown interface $item (i2c, onewire, serial, pwm)" ;; esac
done
if ((${#needs[@]} == 0)); then
  say "the config needs no Pi interface (I2C, 1-Wire, serial, PWM)"
  exit 0
fi
say "the config needs: ${needs[*]}"

confirm() {
  [[ "$YES" == yes ]] && return 0
  local answer
  printf 'hearth-pi: %s [y/N] ' "$1"
  read -r answer || true
  [[ "$answer" == [yY]* ]]
}

run() {
  # A fixture root is files only: its commands are printed, never run on this machine.
  if [[ "$DRY_RUN" == yes || -n "$PI_ROOT" ]]; then say "would run: $*"; return; fi
  if confirm "run: $*?"; then "$@"; else say "skipped: $*"; fi
}

# Shows the difference between file and its proposed content, then writes it when allowed.
propose() {
  local file="$1" proposed="$2"
  if cmp -s "$file" "$proposed"; then rm -f "$proposed"; return; fi
  say "change to $file:"
  diff -uN "$file" "$proposed" | tail -n +3 || true
  if [[ "$DRY_RUN" == yes ]]; then say "would write $file"
  elif confirm "write $file?"; then cat "$proposed" > "$file"; REBOOT=yes; say "wrote $file"
  else say "left $file unchanged"; fi
  rm -f "$proposed"
}

# config.txt: the line goes under a final [all] section (so no earlier [pi4]-style filter limits it) unless
# it is already active there; a commented-out copy (#dtparam=i2c_arm=on in the stock file) is left as it is.
config_line() {
  local line="$1" proposed
  proposed="$(mktemp)"
  awk -v line="$line" '
    { lines[NR] = $0; if ($0 ~ /^\[/) section = $0; if ($0 == line && section ~ /^\[all\]|^$/) have = 1 }
    END {
      for (i = 1; i <= NR; i++) print lines[i]
      if (!have) { if (section != "[all]") print "[all]"; print line }
    }' "$BOOT/config.txt" > "$proposed"
  propose "$BOOT/config.txt" "$proposed"
}

if [[ -f "$PI_ROOT/boot/firmware/config.txt" ]]; then BOOT="$PI_ROOT/boot/firmware"; else BOOT="$PI_ROOT/boot"; fi
[[ -f "$BOOT/config.txt" ]] || die "no config.txt in /boot/firmware or /boot"
raspi=""
[[ -z "$PI_ROOT" ]] && command -v raspi-config >/dev/null && raspi=raspi-config

for item in "${needs[@]}"; do
  case "$item" in
    i2c)
      if [[ -n "$raspi" ]]; then run raspi-config nonint do_i2c 0
      else
        config_line 'dtparam=i2c_arm=on'
        # raspi-config also loads i2c-dev at boot, which gives /dev/i2c-1.
        modules="$PI_ROOT/etc/modules" proposed="$(mktemp)"
        { cat "$modules" 2>/dev/null || true; grep -qx 'i2c-dev' "$modules" 2>/dev/null || echo 'i2c-dev'; } > "$proposed"
        propose "$modules" "$proposed"
      fi ;;
    onewire)
      if [[ -n "$raspi" ]]; then run raspi-config nonint do_onewire 0; else config_line 'dtoverlay=w1-gpio'; fi ;;
    serial)
      # The hardware UART on, the login console on it off: Hearth owns the port.
      if [[ -n "$raspi" ]]; then run raspi-config nonint do_serial_hw 0; run raspi-config nonint do_serial_cons 1
      else
        config_line 'enable_uart=1'
        if [[ -f "$BOOT/cmdline.txt" ]]; then
          proposed="$(mktemp)"
          sed -E 's/console=(serial0|ttyAMA0|ttyS0),[0-9]+ ?//' "$BOOT/cmdline.txt" > "$proposed"
          propose "$BOOT/cmdline.txt" "$proposed"
        fi
      fi
      run usermod --append --groups dialout hearth ;;
    pwm)
      # raspi-config has no PWM switch: the overlay goes into config.txt either way.
      config_line 'dtoverlay=pwm-2chan' ;;
  esac
done
if [[ "$REBOOT" == yes || -n "$raspi" ]]; then say "reboot for the interface changes to take effect: sudo reboot"; fi
