#!/usr/bin/env bash
# The whole test suite: host rules tests and lints, the JS boundary in Node and in headless Chromium,
# the committed build is current, browser end-to-end tests, and the size budget.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s ==\n' "$*"; }

bash scripts/setup.sh

step "rules core (host): cargo test"
cargo test --quiet

step "fuzzing the rules core (proptest, release build)"
# Millions of generated inputs for "no input panics or overflows", tens of thousands for the sum properties.
FUZZ_CORE_CASES=${FUZZ_CORE_CASES:-1000000}
PROPTEST_CASES=$FUZZ_CORE_CASES cargo test --quiet --release --test properties -- no_input_panics amount_and_month_parsers_never_panic
echo "fuzz: $FUZZ_CORE_CASES generated requests and $FUZZ_CORE_CASES generated texts, no panic, no overflow"
PROPTEST_CASES=${FUZZ_JSON_CASES:-50000} cargo test --quiet --release --test properties -- json_reader_never_panics compact_text_never_panics
echo "fuzz: ${FUZZ_JSON_CASES:-50000} JSON-shaped texts into the boundary's reader and compact texts, no panic"
PROPTEST_CASES=${FUZZ_SUM_CASES:-20000} cargo test --quiet --release --test properties
echo "fuzz: ${FUZZ_SUM_CASES:-20000} cases for each sum / linearity / inverse property"

step "lints: cargo clippy (library code may not panic or overflow)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

step "JS boundary in Node: wasm-pack test --node"
out=$(wasm-pack test --node -- --test api 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -E "^test result|passed|failed" || true
echo "$out" | grep -qE "test result: ok\. [1-9][0-9]* passed" || { echo "$out"; echo "no boundary test ran in Node"; exit 1; }

step "JS boundary in headless Chromium: wasm-pack test --headless --chrome"
# Without WASM_BINDGEN_USE_BROWSER the browser run skips every test and still exits 0: check the count.
out=$(WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome -- --test api 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -E "^test result|passed|failed" || true
echo "$out" | grep -qE "test result: ok\. [1-9][0-9]* passed" || { echo "$out"; echo "no boundary test ran in Chromium"; exit 1; }

step "committed widget build (pkg/) is current"
bash scripts/build.sh
if ! git diff --quiet -- pkg || [ -n "$(git status --porcelain -- pkg)" ]; then
  git status --short -- pkg
  echo "pkg/ is stale against the sources: run 'bash scripts/build.sh' and commit pkg/."
  [ "${CI:-}" = "true" ] && exit 1
  echo "(not CI: continuing with the fresh build)"
fi

step "browser end-to-end tests (playwright-core + Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/

step "size budget"
node scripts/size.mjs --check
