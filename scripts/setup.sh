#!/usr/bin/env bash
# Installs every tool the project needs on a fresh machine of this kind (Debian + rustup + Node 20).
# Idempotent: each step checks first and skips what is already there (a second run takes about a second).
# Versions are pinned; see ../shared/TOOLCHAIN.md for why each one.
set -euo pipefail

# wasm-bindgen-cli must equal the `wasm-bindgen` crate pinned in Cargo.toml (=0.2.130).
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
log() { printf '[setup] %s\n' "$*"; }

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Clippy runs in the test suite (the no-panic lints).
if ! cargo clippy --version >/dev/null 2>&1; then
  log "adding rustup component clippy"
  rustup component add clippy
fi

# 2. wasm-pack and wasm-bindgen-cli, pinned.
if [ "$(wasm-pack --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  log "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked first; the locked webpki-roots is not always served here, then fall back.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 3. Debian packages: Chromium + ChromeDriver (browser tests), brotli (size figures).
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}"
fi

# 4. npm tools (wasm-opt from npm binaryen — never Debian's, it builds broken modules —, playwright-core,
#    axe-core). Reinstalled only when package-lock.json changed.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock
fi

log "ok: $(wasm-pack --version), wasm-bindgen $(wasm-bindgen --version | cut -d' ' -f2), $(node_modules/.bin/wasm-opt --version), $(chromium --version 2>/dev/null | head -1)"
