// Gives the main wasm's imports and exports short names, in the wasm and in wasm-bindgen's glue alike.
//   node scripts/lib/short-names.mjs voix_bg.wasm voix.js
// wasm-bindgen names each JS import after the function and a 16-hex-digit hash
// (`__wbg_set_textContent_0177b2a6d9293c2c`) and each closure export after its Rust path; every name is written
// twice, in the wasm and in the glue, and the hashes do not compress. Renaming is safe because the names are only
// a contract between these two files: the glue's import object is keyed by the import names, and it calls exports
// as `wasm.NAME`. The chunk loader (__wasm_split.js) reads a few exports by name: those keep theirs.
// Fails, writing nothing, when a name is not found exactly where expected in the glue (a new wasm-bindgen layout).
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error("usage: short-names.mjs MODULE.wasm GLUE.js");
  process.exit(2);
}
const GLUE_MODULE = "./voix_bg.js";
const KEEP_EXPORTS = new Set(["memory", "__indirect_function_table", "__wasm_split_shared0"]);

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

// --- renaming ------------------------------------------------------------------------------------------------

const wasm = readFileSync(wasmPath);
let glue = readFileSync(jsPath, "utf8");
const sections = [];
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  sections.push({ id, body: wasm.subarray(start, start + size) });
  at = start + size;
}

const renamed = { imports: 0, exports: 0, bytes: 0 };
let next = 0;

function renameImports(body) {
  const [count, first] = readU32(body, 0);
  const out = [...u32(count)];
  for (let i = 0, at = first; i < count; i++) {
    const [module, afterModule] = readName(body, at);
    const [field, afterField] = readName(body, afterModule);
    const end = skipImportDesc(body, afterField);
    let newField = field;
    if (module === GLUE_MODULE) {
      newField = shortName(next++);
      // The import object's members are `        NAME: function(` lines of `const import0 = {`.
      const key = new RegExp(`^(\\s+)${field}(: function\\()`, "gm");
      const found = glue.match(key)?.length ?? 0;
      if (found !== 1) throw new Error(`the glue defines import ${field} ${found} times, not once`);
      glue = glue.replace(key, `$1${newField}$2`);
      renamed.imports++;
    }
    out.push(...name(module), ...name(newField), ...body.subarray(afterField, end));
    at = end;
  }
  return out;
}

function renameExports(body) {
  const [count, first] = readU32(body, 0);
  const out = [...u32(count)];
  for (let i = 0, at = first; i < count; i++) {
    const [field, afterField] = readName(body, at);
    const end = skipExportDesc(body, afterField);
    let newField = field;
    // The glue reads exports as `wasm.NAME`; one it never names is left alone.
    const use = new RegExp(`\\bwasm\\.${field}\\b`, "g");
    if (!KEEP_EXPORTS.has(field) && use.test(glue)) {
      newField = shortName(next++);
      glue = glue.replace(use, `wasm.${newField}`);
      renamed.exports++;
    }
    out.push(...name(newField), ...body.subarray(afterField, end));
    at = end;
  }
  return out;
}

const parts = [wasm.subarray(0, 8)];
for (const { id, body } of sections) {
  const newBody = id === 2 ? renameImports(body) : id === 7 ? renameExports(body) : body;
  parts.push(Uint8Array.of(id, ...u32(newBody.length)), Uint8Array.from(newBody));
}
// The hashes keep the old names findable nowhere: any left in the glue would be a call to a renamed function.
const stale = glue.match(/__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}\b/);
if (stale) throw new Error(`the glue still names ${stale[0]} after renaming`);

const out = Buffer.concat(parts);
writeFileSync(wasmPath, out);
writeFileSync(jsPath, glue);
console.log(
  `short names: ${renamed.imports} imports, ${renamed.exports} exports; wasm ${wasm.length} -> ${out.length} B`,
);
