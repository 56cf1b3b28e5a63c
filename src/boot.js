// Voix boot, appended to wasm-bindgen's glue by scripts/build-widget to make pkg/voix.js.
// The wasm is addressed by its content hash, so the server can let browsers cache it for a year;
// voix.js itself stays short-lived so partners pick up new versions.
import { setMainExports as __voix_set_main_exports } from "@SPLIT_LOADER@";
try {
  // The letter's and petition's chunks link against the main module's memory and table.
  __voix_set_main_exports(await __wbg_init({ module_or_path: new URL("voix_bg.wasm?v=@WASM_HASH@", import.meta.url) }));
  boot(import.meta.url);
} catch (error) {
  // Contained: a failure to start never throws into the host page.
  console.error("[voix] the widget could not start:", error);
}
