// Voix boot, appended to wasm-bindgen's glue by scripts/build-widget to make pkg/voix.js.
// The wasm is addressed by its content hash, so the server can let browsers cache it for a year;
// voix.js itself stays short-lived so partners pick up new versions.
//
// When the widget cannot start (most often a partner page's Content Security Policy without 'wasm-unsafe-eval' in
// script-src, or without the Voix server in connect-src), cannot-start.js, fetched only then, puts a short message
// where the widget would be and tells the webmaster the exact directive to set; the policy violations it reads
// are recorded from the start.
import { setMainExports as __voix_set_main_exports } from "@SPLIT_LOADER@";
const __voix_violations = [];
const __voix_note = (event) => __voix_violations.push(event);
document.addEventListener("securitypolicyviolation", __voix_note);
try {
  // The letter's and petition's chunks link against the main module's memory and table.
  __voix_set_main_exports(await __wbg_init({ module_or_path: new URL("voix_bg.wasm?v=@WASM_HASH@", import.meta.url) }));
  boot(import.meta.url);
} catch (error) {
  // Contained: a failure to start never throws into the host page.
  console.error("[voix] the widget could not start:", error);
  await import("@CANNOT_START@")
    .then((module) => module.show(error, import.meta.url, __voix_violations))
    .catch((failure) => console.error("[voix]", failure));
} finally {
  document.removeEventListener("securitypolicyviolation", __voix_note);
}
