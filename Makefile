# The two commands of the README, plus the benchmark. Each installs what it needs first
# (scripts/deps.sh), so a fresh Debian/Ubuntu machine needs nothing typed beforehand.
.PHONY: run test bench package

export PATH := $(HOME)/.cargo/bin:$(PATH)

run:
	scripts/deps.sh build
	cargo run --locked

# Unit, store and command tests, then the end-to-end suite against the real window
# under a virtual display and a private session bus with a notification daemon.
test:
	scripts/deps.sh test
	cargo test --locked -- --show-output
	xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- bash scripts/e2e.sh

# Prints figures; asserts nothing; never part of `make test`.
bench:
	scripts/deps.sh bench
	bash scripts/bench.sh

# Installers for Linux: a .deb and an .rpm (cargo tauri build), in
# target/release/bundle/{deb,rpm}/.
package:
	scripts/deps.sh package
	cargo tauri build --bundles deb,rpm
