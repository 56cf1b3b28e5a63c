// Two edits to the main wasm and wasm-bindgen's glue (voix.js) that only make the release bundle smaller; each
// changes both files together, and fails, writing nothing, when the glue is not laid out as expected (a new
// wasm-bindgen): the build stops rather than ship a glue that calls what the wasm no longer has.
//
//   node scripts/lib/glue.mjs drop-stream-classes voix_bg.wasm voix.js   (before wasm-opt)
// Leptos always links server_fn's browser client, and with it wasm-streams, whose three #[wasm_bindgen] classes
// (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink) wasm-bindgen exports to JavaScript. The
// widget has no server functions and never hands a Rust stream to JS, so nothing calls them: dropping the exports
// lets wasm-opt remove the code behind them, and the classes leave the glue (-1.6 KB brotli).
//
//   node scripts/lib/glue.mjs short-names voix_bg.wasm voix.js   (after wasm-opt)
// wasm-bindgen names each JS import after the function and a 16-hex-digit hash
// (`__wbg_set_textContent_0177b2a6d9293c2c`) and each closure export after its Rust path; every name is written
// twice, in the wasm and in the glue, and the hashes do not compress. Renaming is safe because the names are only
// a contract between these two files: the glue's import object is keyed by the import names, and it calls exports
// as `wasm.NAME`. The chunk loader (__wasm_split.js) reads a few exports by name: those keep theirs.
import { readFileSync, writeFileSync } from "node:fs";

const [command, wasmPath, jsPath] = process.argv.slice(2);
if (!["drop-stream-classes", "short-names"].includes(command) || !wasmPath || !jsPath) {
  console.error("usage: glue.mjs drop-stream-classes|short-names MODULE.wasm GLUE.js");
  process.exit(2);
}
const GLUE_MODULE = "./voix_bg.js";
const KEEP_EXPORTS = new Set(["memory", "__indirect_function_table", "__wasm_split_shared0"]);
const STREAM_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

// --- reading and writing the binary format -------------------------------------------------------------------

function readU32(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
}
function name(text) {
  const encoded = new TextEncoder().encode(text);
  return [...u32(encoded.length), ...encoded];
}

// The bytes of an import's or export's description, which follow its name(s) unchanged.
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = readU32(bytes, at);
  if (flags & 1) [, at] = readU32(bytes, at);
  return at;
}
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  if (kind === 0) return readU32(bytes, at)[1]; // function: type index
  if (kind === 1) return skipLimits(bytes, at + 1); // table: reference type, limits
  if (kind === 2) return skipLimits(bytes, at); // memory: limits
  if (kind === 3) return at + 2; // global: value type, mutability
  if (kind === 4) return readU32(bytes, at + 1)[1]; // tag: attribute, type index
  throw new Error(`unknown import kind ${kind}`);
}
function skipExportDesc(bytes, at) {
  return readU32(bytes, at + 1)[1]; // kind, index
}

// Short JS identifiers: a..z, A..Z, then two letters, and so on.
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function shortName(index) {
  let text = "";
  do {
    text = LETTERS[index % LETTERS.length] + text;
    index = Math.floor(index / LETTERS.length) - 1;
  } while (index >= 0);
  return text;
}

// --- the two files --------------------------------------------------------------------------------------------

const wasm = readFileSync(wasmPath);
let glue = readFileSync(jsPath, "utf8");
const sections = [];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  sections.push({ id, body: wasm.subarray(start, start + size) });
  at = start + size;
}

// A name as a regular expression that matches only itself.
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Replaces exactly one match of `pattern` in the glue, or stops.
function replaceOnce(pattern, replacement, what) {
  const found = glue.match(new RegExp(pattern.source, `${pattern.flags}g`));
  if (found?.length !== 1) throw new Error(`the glue has ${found?.length ?? 0} ${what}, not one`);
  glue = glue.replace(pattern, replacement);
}

// Rewrites the import (2) and export (7) sections, entry by entry; `rename(kind, module, field)` returns the new
// field name, or null to drop an export.
function rewrite(rename) {
  const parts = [wasm.subarray(0, 8)];
  for (const { id, body } of sections) {
    let newBody = body;
    if (id === 2 || id === 7) {
      const [count, first] = readU32(body, 0);
      const entries = [];
      let kept = 0;
      for (let i = 0, at = first; i < count; i++) {
        let module = null, field;
        if (id === 2) [module, at] = readName(body, at);
        [field, at] = readName(body, at);
        const end = id === 2 ? skipImportDesc(body, at) : skipExportDesc(body, at);
        const newField = rename(id === 2 ? "import" : "export", module, field);
        if (newField !== null) {
          entries.push(...(module === null ? [] : name(module)), ...name(newField), ...body.subarray(at, end));
          kept++;
        }
        at = end;
      }
      newBody = Uint8Array.from([...u32(kept), ...entries]);
    }
    parts.push(Uint8Array.of(id, ...u32(newBody.length)), newBody);
  }
  return Buffer.concat(parts);
}

function dropStreamClasses() {
  // wasm-bindgen exports a class's methods as `classname_method` and its destructor as `__wbg_classname_free`.
  const streamExport = new RegExp(`^(__wbg_)?(${STREAM_CLASSES.map((name) => name.toLowerCase()).join("|")})_`);
  let dropped = 0;
  const out = rewrite((kind, module, field) => {
    if (kind === "export" && streamExport.test(field)) {
      dropped++;
      return null;
    }
    return field;
  });
  for (const name of STREAM_CLASSES) {
    // `export class NAME { ... }` (its closing brace is the first one at the start of a line), the dispose hook
    // after it, and its FinalizationRegistry.
    replaceOnce(new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, "m"), "", `class ${name}`);
    replaceOnce(new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype.*\\n`, "m"), "", `dispose hook of ${name}`);
    replaceOnce(
      new RegExp(`^const ${name}Finalization = [^;]*;\\n`, "m"),
      "",
      `FinalizationRegistry of ${name}`,
    );
  }
  const stale = glue.match(/\bwasm\.(__wbg_)?intounderlying\w*/);
  if (stale) throw new Error(`the glue still calls ${stale[0]}`);
  if (dropped === 0) throw new Error("the wasm exports no wasm-streams class: remove this step from build-widget");
  return [out, `dropped ${dropped} wasm-streams exports and their ${STREAM_CLASSES.length} classes`];
}

function shortNames() {
  const renamed = { imports: 0, exports: 0 };
  let next = 0;
  const out = rewrite((kind, module, field) => {
    if (kind === "import" && module === GLUE_MODULE) {
      const newField = shortName(next++);
      // The import object's members are `        NAME: function(` lines of `const import0 = {`.
      replaceOnce(new RegExp(`^(\\s+)${literal(field)}(: function\\()`, "m"), `$1${newField}$2`, `import ${field}`);
      renamed.imports++;
      return newField;
    }
    // The glue reads exports as `wasm.NAME`; one it never names is left alone.
    const use = new RegExp(`\\bwasm\\.${literal(field)}\\b`, "g");
    if (kind === "export" && !KEEP_EXPORTS.has(field) && use.test(glue)) {
      const newField = shortName(next++);
      glue = glue.replace(use, `wasm.${newField}`);
      renamed.exports++;
      return newField;
    }
    return field;
  });
  // Import functions the wasm no longer imports (wasm-opt removed their last caller) still have their hashed
  // names: their members leave the import object, from `NAME: function(...) {` to the `},` at its indentation.
  let unused = 0;
  for (const [, indent, field] of glue.matchAll(/^( +)(__wbg_\w+_[0-9a-f]{16}): function\(/gm)) {
    replaceOnce(new RegExp(`^${indent}${field}: function\\([\\s\\S]*?^${indent}\\},?\\n`, "m"), "", `import ${field}`);
    unused++;
  }
  // Any hashed import name left in the glue would be a call to a function that is no longer there.
  const stale = glue.match(/__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}\b/);
  if (stale) throw new Error(`the glue still names ${stale[0]} after renaming`);
  return [out, `short names for ${renamed.imports} imports and ${renamed.exports} exports; ${unused} unused imports dropped`];
}

const [out, summary] = command === "short-names" ? shortNames() : dropStreamClasses();
writeFileSync(wasmPath, out);
writeFileSync(jsPath, glue);
console.log(`${summary}; wasm ${wasm.length} -> ${out.length} B`);
