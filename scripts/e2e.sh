#!/usr/bin/env bash
# Runs the end-to-end suite (tests/e2e) against the real app. It needs a display and a
# private session bus, so run it as:
#
#   xvfb-run -a dbus-run-session -- bash scripts/e2e.sh [test name filter]
#
# It starts a mock notification daemon (python3-dbusmock) on that bus, logging to a
# temp file the tests read (HHR_NOTIFICATION_LOG), then runs the tests one at a time:
# the app is single-instance per session bus. Exits with cargo's status.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail() {
  echo "e2e: $*" >&2
  exit 1
}

how="run it as: xvfb-run -a dbus-run-session -- bash scripts/e2e.sh"
[[ -n "${DISPLAY:-}" ]] || fail "DISPLAY is not set, so the app has no display; $how"
[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || fail "DBUS_SESSION_BUS_ADDRESS is not set, so there is no private session bus; $how"

export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || fail "tauri-driver not found: cargo install tauri-driver --locked"
command -v WebKitWebDriver >/dev/null || fail "WebKitWebDriver not found: apt-get install webkit2gtk-driver"
command -v xdotool >/dev/null || fail "xdotool not found: apt-get install xdotool"
command -v dbus-send >/dev/null || fail "dbus-send not found: apt-get install dbus"
# Debian's interpreter: python3 on PATH may be another one without the package.
/usr/bin/python3 -c 'import dbusmock' 2>/dev/null || fail "python3-dbusmock is missing: apt-get install python3-dbusmock"

workdir="$(mktemp -d -t hhr-e2e.XXXXXX)"
LOG="$workdir/notifications.log"
: >"$LOG"
mock_pid=""

cleanup() {
  if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
    kill -TERM "$mock_pid" 2>/dev/null || true
    wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

/usr/bin/python3 -m dbusmock --session -t notification_daemon -l "$LOG" >"$workdir/dbusmock.out" 2>&1 &
mock_pid=$!

has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null |
    grep -q 'boolean true'
}

# Up to 10 s for the mock to own the name.
owned=no
for _ in $(seq 100); do
  if has_owner; then
    owned=yes
    break
  fi
  if ! kill -0 "$mock_pid" 2>/dev/null; then
    cat "$workdir/dbusmock.out" >&2
    fail "the notification mock exited before taking org.freedesktop.Notifications"
  fi
  sleep 0.1
done
if [[ "$owned" != yes ]]; then
  cat "$workdir/dbusmock.out" >&2
  fail "org.freedesktop.Notifications has no owner after 10 s (dbusmock did not start)"
fi

export HHR_NOTIFICATION_LOG="$LOG"
status=0
cargo test --locked --features e2e --test e2e -- --test-threads=1 --show-output "$@" 2>&1 | tee "$workdir/cargo.out" || status=$?
[[ "$status" == 0 ]] || exit "$status"
# A run that executed no end-to-end test is a failure, not a pass.
ran=$(awk '/^test result: ok\./ { n += $4 } END { print n + 0 }' "$workdir/cargo.out")
[[ "${ran:-0}" -gt 0 ]] || fail "no end-to-end test ran"
echo "e2e: $ran end-to-end tests passed"
