// Loaded by voix.js only when the widget could not start: a short message for the reader where the widget would
// be (in English or French, with the organiser's link when the campaign can still be read), and one console line
// for the webmaster naming the Content-Security-Policy directive to set, with its exact value.

/** The values of the directive of `policy` that governs `directive` (falling back to default-src). */
function sources(policy, directive) {
  const directives = new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).filter((words) => words[0])
    .map(([name, ...values]) => [name.toLowerCase(), values]));
  return directives.get(directive) ?? directives.get("default-src") ?? [];
}

/** The console line that tells the webmaster what to change, or null when no policy blocked the widget. */
export function policyAdvice(error, server, violations) {
  // Violation events arrive as their own tasks, after the failure they caused may already have been caught.
  const blocked = (directive, uri) =>
    violations.find((event) => event.effectiveDirective === directive && uri(event.blockedURI));
  const compileRefused = typeof WebAssembly !== "undefined" && error instanceof WebAssembly.CompileError;
  const wasm = blocked("script-src", (uri) => uri === "wasm-eval" || uri === "eval") ?? (compileRefused ? {} : null);
  const connect = blocked("connect-src", (uri) => uri.startsWith(server));
  const advise = (event, directive, value) => {
    const start = "[voix] this page's Content-Security-Policy blocks the widget:";
    if (!event.originalPolicy) return `${start} add ${value} to its ${directive} directive`;
    const values = sources(event.originalPolicy, directive).filter((v) => v !== value);
    return `${start} set the directive "${[directive, ...values, value].join(" ")}" (it adds ${value} to ${directive})`;
  };
  if (connect) return advise(connect, "connect-src", server);
  if (wasm) return advise(wasm, "script-src", "'wasm-unsafe-eval'");
  return null;
}

/** The campaign's organiser ({ name, href }), read the ways this page's policy may still allow. */
async function organiser(campaignUrl, server) {
  let campaign = null;
  if (new URL(campaignUrl).origin === server) {
    // script-src admits the Voix server (voix.js came from it), connect-src may not: the same file as a module.
    campaign = await import(campaignUrl.replace(/\.json$/, ".js")).then((module) => module.default, () => null);
  }
  campaign ??= await fetch(campaignUrl, { credentials: "omit", referrerPolicy: "no-referrer" })
    .then((response) => (response.ok ? response.json() : null), () => null);
  const who = campaign?.organiser;
  if (!who) return null;
  const href = who.website ?? (who.email ? `mailto:${who.email}` : null);
  return href ? { name: who.name, href } : null;
}

/** Shows the message in place of every embed of `moduleUrl` (voix.js) that did not start. */
export async function show(error, moduleUrl, violations) {
  const server = new URL(moduleUrl).origin;
  await new Promise((resolve) => setTimeout(resolve, 50));
  const advice = policyAdvice(error, server, violations);
  console.error(advice ?? `[voix] the widget's code could not be downloaded from ${server}: ${error}`);
  const used = new Set();
  for (const script of document.querySelectorAll("script[src]")) {
    if (script.src !== moduleUrl || script.hasAttribute("data-voix-booted")) continue;
    script.setAttribute("data-voix-booted", "");
    const attribute = script.getAttribute("data-campaign");
    const campaignUrl = attribute ? new URL(attribute, moduleUrl).href : null;
    const tag = (script.getAttribute("data-lang") || document.documentElement.lang || navigator.language || "en").toLowerCase();
    const lang = tag.startsWith("fr") ? "fr" : "en";
    const found = campaignUrl ? await organiser(campaignUrl, server) : null;
    // Where the widget would have been: its first placeholder for this campaign, or just after the script tag.
    const placeholder = [...document.querySelectorAll("[data-voix]:not([data-voix-mounted])")].find((element) => {
      const own = element.getAttribute("data-campaign");
      return !used.has(element) && (!own || new URL(own, moduleUrl).href === campaignUrl);
    });
    let host = placeholder;
    if (host) used.add(host);
    else {
      host = document.createElement("voix-campaign");
      script.after(host);
    }
    host.setAttribute("data-voix-mounted", "");
    const message = document.createElement("p");
    message.setAttribute("role", "status");
    message.lang = lang;
    message.textContent = lang === "fr"
      ? "L'outil de cette campagne n'a pas pu démarrer sur cette page."
      : "This campaign's tool could not start on this page.";
    if (found) {
      const link = document.createElement("a");
      link.href = found.href;
      link.textContent = (found.name && (found.name[lang] ?? found.name.en)) || found.href;
      message.append(lang === "fr" ? " Vous pouvez agir auprès de l'organisme\u00a0: " : " You can take part with the organiser: ", link, ".");
    }
    host.replaceChildren(message);
  }
}
