# Sourced by the scripts: where the project's tools live and how to find them.
# Tools are installed per user under $VOIX_TOOLS (default ~/.cache/voix-tools), never downloaded as binaries.
export VOIX_TOOLS="${VOIX_TOOLS:-$HOME/.cache/voix-tools}"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$VOIX_TOOLS/npm/node_modules/.bin:$VOIX_TOOLS/bin:$CARGO_HOME/bin:$PATH"
VOIX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export VOIX_ROOT

# Compiled artifacts live outside the clone, under the tools folder, so that a second run (or a fresh clone on the
# same machine) rebuilds only what changed instead of everything from nothing. The folder is keyed by the compiler
# (`rustc -vV`: version, commit, LLVM), so a toolchain change starts clean; scripts/setup removes the other keys.
# A CARGO_TARGET_DIR set by the caller wins (size experiments use their own).
voix_toolchain_key() {
  local version
  version=$(rustc -vV) || return 1
  printf '%s-%s' "$(sed -n 's/^release: //p' <<<"$version")" "$(sha256sum <<<"$version" | cut -c1-12)"
}
if [[ -z "${CARGO_TARGET_DIR:-}" ]] && command -v rustc >/dev/null; then
  VOIX_TARGET_ROOT="$VOIX_TOOLS/target"
  export CARGO_TARGET_DIR="$VOIX_TARGET_ROOT/$(voix_toolchain_key)"
fi
# wasm-opt 132 from npm: Debian's 108 breaks wasm-bindgen's externref table (see docs/toolchain.md).
export VOIX_BINARYEN_VERSION=132.0.0
# terser minifies the release bundle's JavaScript (the wasm-bindgen glue and the chunk loader).
export VOIX_TERSER_VERSION=5.51.4
export VOIX_TRUNK_VERSION=0.21.14

# The wasm-bindgen version pinned in Cargo.lock; the CLI must be exactly this.
voix_wasm_bindgen_version() {
  sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' "$VOIX_ROOT/Cargo.lock"
}

# wasm-split-cli splits the bundle at the split points that wasm_split_helpers (through Leptos) marks: same version.
voix_wasm_split_version() {
  sed -n '/^name = "wasm_split_helpers"$/{n;s/^version = "\(.*\)"$/\1/p;q}' "$VOIX_ROOT/Cargo.lock"
}

# Each step's heading carries the seconds since the first script started, so a slow run shows where time went.
export VOIX_STARTED="${VOIX_STARTED:-$(date +%s)}"
voix_step() { printf '\n\033[1m==> %s\033[0m  [%s s]\n' "$*" "$(($(date +%s) - VOIX_STARTED))"; }
