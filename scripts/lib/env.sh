# Sourced by the scripts: where the project's tools live and how to find them.
# Tools are installed per user under $VOIX_TOOLS (default ~/.cache/voix-tools), never downloaded as binaries.
export VOIX_TOOLS="${VOIX_TOOLS:-$HOME/.cache/voix-tools}"
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$VOIX_TOOLS/npm/node_modules/.bin:$VOIX_TOOLS/bin:$CARGO_HOME/bin:$PATH"
VOIX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export VOIX_ROOT
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

voix_step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
