// Which wasm files each lazily loaded part of the widget downloads: runs the bundle's own chunk loader
// (__wasm_split.js) with a fetch that only records URLs, so the answer is what the browser would fetch, however
// wasm-split names its shared chunks and however terser renamed the loader's variables.
//   node scripts/lib/chunks.mjs PKG/__wasm_split.js
// prints one line per part: `NAME FILE...` (its own module first, then the shared chunks it needs).
import { pathToFileURL } from "node:url";

const loaderPath = process.argv[2];
if (!loaderPath) {
  console.error("usage: chunks.mjs PKG/__wasm_split.js");
  process.exit(2);
}
const loaderUrl = pathToFileURL(loaderPath).href;
let fetched = [];
globalThis.fetch = async (url) => {
  fetched.push(new URL(url).pathname.split("/").pop());
  return {};
};
WebAssembly.instantiateStreaming = async () => ({ instance: { exports: {} } });
const mainExports = { memory: {}, __indirect_function_table: { get: () => () => {} }, __wasm_split_shared0: {} };

const names = Object.keys(await import(loaderUrl)).filter((name) => name.startsWith("__wasm_split_load_"));
if (names.length === 0) {
  console.error(`${loaderPath} exports no __wasm_split_load_* function: is it wasm-split's loader?`);
  process.exit(1);
}
for (const name of names.sort()) {
  // A fresh copy of the loader per part: its chunks are fetched once per page, and each part is measured alone.
  const loader = await import(`${loaderUrl}?part=${name}`);
  loader.setMainExports(mainExports);
  fetched = [];
  await loader[name](0, 0);
  const own = fetched.filter((file) => !file.startsWith("chunk_"));
  const shared = fetched.filter((file) => file.startsWith("chunk_")).sort();
  console.log([name.replace("__wasm_split_load_", ""), ...own, ...shared].join(" "));
}
