// A person's path through Cadre in a real (headless) Chromium, driven by playwright-core.
//
//   node e2e/path.mjs <base-url> <artefact-dir> <accounts-json>
//
// <accounts-json>: {"secretariat": {"username", "password"},
//                   "partner": {"username", "password", "organisation"}}
// Run by crates/cli/tests/cli/browser.rs (`cargo test --workspace`), which fills a demo
// database, creates the accounts and starts `cadre serve`.
//
// Every page of the path is checked the same way (see `check`): axe-core (WCAG 2.0/2.1/2.2 A
// and AA rules; serious and critical violations fail), full-page screenshots at 1280 and 360 px
// (NN-name-1280.png, NN-name-360.png), no horizontal scrolling at 360 px, and the bytes
// transferred for the page and its CSS (< 50 KB). The path is a list of steps: to add one,
// push `step("name", async (page, state) => { ...; })` where it belongs; the step leaves the
// browser on the page to check, and throws (assert) when the page is not what it should be.
//
// axe.json: per page its URL, `violations` (serious and critical: these fail), `minor` (moderate
// and minor: reported only), `width360` (scrollWidth at 360 px) and `bytes` (transferred, gzip).
// A step whose prerequisite failed (`needs`) is skipped and counts as a failure.
//
// Environment: CHROMIUM (path of the browser; default: chromium on the PATH, i.e. Debian's).
// Exit status: 0 when every page passed, 1 otherwise, 2 on bad usage.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync, existsSync, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";
import { get } from "node:http";
import assert from "node:assert/strict";

const [base, outDir, accountsJson] = process.argv.slice(2);
if (!base || !outDir || !accountsJson) {
  console.error("usage: node e2e/path.mjs <base-url> <artefact-dir> <accounts-json>");
  process.exit(2);
}
const accounts = JSON.parse(accountsJson);
mkdirSync(outDir, { recursive: true });

const MAX_BYTES = 50 * 1024;
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 360, height: 740 };
const SERIOUS = new Set(["serious", "critical"]);
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const url = (path) => new URL(path, base).href;

// ---------------------------------------------------------------------------------------
// The path.

const steps = [];
/** A page of the path. `needs`: keys of `state` that earlier steps set; when one is missing
 *  (an earlier step failed) this step is skipped rather than failed again. */
const step = (name, run, needs = []) => steps.push({ name, run, needs });

async function signIn(page, who) {
  await page.goto(url("/login"));
  await page.fill("#username", who.username);
  await page.fill("#password", who.password);
  await Promise.all([page.waitForNavigation(), page.click("main form button[type=submit]")]);
  assert.ok(!page.url().endsWith("/login"), `signed in as ${who.username} (still on ${page.url()})`);
  assert.ok(await page.locator("header .who a[href='/account']").count() === 1, "header names the account");
}

async function signOut(page) {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Se déconnecter" }).click()]);
  assert.equal(await page.locator("header .who a[href='/account']").count(), 0, "signed out");
}

async function statusOf(path) {
  // Outside the browser: no cookie, i.e. the public.
  return (await fetch(url(path), { redirect: "manual" })).status;
}

const htmlLang = (page) => page.locator("html").getAttribute("lang");

// 1. The public.
step("dashboard", async (page) => {
  await page.goto(url("/"));
  assert.equal(await htmlLang(page), "fr");
});
step("meetings", async (page) => {
  await page.goto(url("/meetings"));
  assert.equal(await page.getByText("brouillon", { exact: true }).count(), 0, "the public sees no draft");
});
step("meeting", async (page, state) => {
  await Promise.all([page.waitForNavigation(), page.locator("main table a[href^='/meetings/']").first().click()]);
  assert.match(page.url(), /\/meetings\/\d+$/);
  state.publicMeeting = new URL(page.url()).pathname;
});
step("actions", async (page) => {
  await page.goto(url("/actions"));
});
step("action-point", async (page) => {
  await Promise.all([page.waitForNavigation(), page.locator("main table a[href^='/actions/']").first().click()]);
  assert.match(page.url(), /\/actions\/\d+$/);
});
step("organisations", async (page) => { await page.goto(url("/organisations")); });
step("recommendations", async (page) => { await page.goto(url("/recommendations")); });
step("search", async (page) => {
  await page.goto(url("/search?q=migration"));
  assert.ok(await page.locator("main mark, main li, main tr").count() > 0, "search finds something");
});
step("login", async (page) => { await page.goto(url("/login")); });
step("not-found", async (page) => {
  const response = await page.goto(url("/meetings/999999"));
  assert.equal(response.status(), 404);
});
step("meetings-en", async (page) => {
  await page.goto(url("/meetings"));
  await Promise.all([page.waitForNavigation(), page.locator("header a[hreflang=en]").click()]);
  assert.equal(await htmlLang(page), "en");
  assert.match(page.url(), /\/meetings$/);
});
step("meetings-fr", async (page) => {
  await Promise.all([page.waitForNavigation(), page.locator("header a[hreflang=fr]").click()]);
  assert.equal(await htmlLang(page), "fr");
  assert.match(page.url(), /\/meetings$/);
});

// 2. The secretariat validates and publishes a draft.
step("login-secretariat", async (page, state) => {
  await signIn(page, accounts.secretariat);
  state.secretariat = true;
});
step("meetings-secretariat", async (page, state) => {
  await page.goto(url("/meetings"));
  // Two drafts: with a single meeting ticked, the server goes back to that meeting's page;
  // with several it answers with the list of outcomes ("désormais publié").
  const rows = page.locator("main tbody tr", { has: page.locator(".badge", { hasText: /^brouillon$/ }) });
  assert.ok(await rows.count() >= 2, "two drafts on the first page of meetings");
  state.drafts = [];
  for (const row of (await rows.all()).slice(0, 2)) {
    state.drafts.push(await row.locator("input[type=checkbox]").getAttribute("value"));
  }
  state.draft = `/meetings/${state.drafts[0]}`;
  for (const id of state.drafts) {
    assert.equal(await statusOf(`/meetings/${id}`), 404, `/meetings/${id} is not public before publication`);
  }
}, ["secretariat"]);
async function tickAndApply(page, ids, button) {
  for (const id of ids) await page.check(`main input[type=checkbox][value='${id}']`);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: button, exact: true }).first().click()]);
}
step("validated", async (page, state) => {
  assert.ok(state.drafts, "drafts were found");
  await tickAndApply(page, state.drafts, "Valider");
  const text = await page.locator("main").innerText();
  assert.equal(text.match(/désormais validé/g)?.length, 2, `both validated: ${text}`);
  state.validated = true;
}, ["drafts"]);
step("published", async (page, state) => {
  await page.goto(url("/meetings"));
  await tickAndApply(page, state.drafts, "Publier");
  const text = await page.locator("main").innerText();
  assert.equal(text.match(/désormais publié/g)?.length, 2, `both published: ${text}`);
  state.published = true;
}, ["validated"]);
// An imported draft corrected beside what the import read, and how: the fields it inferred
// are named first.
step("correction-form", async (page) => {
  const response = await page.goto(url(accounts.correction));
  assert.equal(response.status(), 200, "the correction form");
  const text = await page.locator("main").innerText();
  const first = text.split("À vérifier en premier")[1]?.split("\n")[0] ?? "";
  assert.ok(first.includes("Instance"), `the body, inferred from the place, is to check first: ${text}`);
  assert.ok(!first.includes("Date"), "the date was read, not inferred");
  assert.ok(text.includes("dans une phrase"), "the date and place were read in a sentence");
  assert.equal(await page.locator("#date").inputValue(), "2022-02-03", "the meeting's date, not the letter's");
}, ["secretariat"]);
// The secretariat writes minutes in the canevas, with an action point for the partner's
// organisation, then validates and publishes them from their page.
step("write-form", async (page, state) => {
  await page.goto(url("/meetings/new?body=gtm-agadez"));
  assert.equal(await page.locator("form.minutes").count(), 1, "the minutes form");
  state.writtenAction = "Organiser la restitution de l’étude sur les retours";
  await page.fill("#title", "Réunion du GTM Agadez écrite dans Cadre");
  await page.fill("#start", "09:30");
  await page.fill("#place", "Salle de réunion de la DRECM-R Agadez");
  await page.fill("#attendance", `${accounts.partner.organisation}\nSP/CCM`);
  await page.fill("#item-0-title", "Restitution de l’étude sur les retours");
  await page.fill("#item-0-discussion", "- Présentation des résultats\n- Questions des partenaires");
  await page.fill("#item-0-ap-0-what", state.writtenAction);
  await page.fill("#item-0-ap-0-who", accounts.partner.organisation);
  await page.fill("#item-0-ap-0-deadline", "Le plus tôt possible");
  state.writeForm = true;
}, ["secretariat"]);
step("written-draft", async (page, state) => {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Enregistrer le brouillon" }).click()]);
  assert.match(page.url(), /\/meetings\/\d+$/, `saved: ${page.url()}`);
  state.written = new URL(page.url()).pathname;
  assert.ok((await page.locator("main").innerText()).includes("Brouillon"), "a draft");
  assert.equal(await statusOf(state.written), 404, "not public yet");
}, ["writeForm"]);
step("written-published", async (page, state) => {
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Valider", exact: true }).click()]);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Publier", exact: true }).click()]);
  assert.ok((await page.locator("form.lifecycle").innerText()).includes("Retirer la publication"), "published");
  state.writtenPublished = true;
}, ["written"]);
step("signed-out", async (page) => {
  await signOut(page);
}, ["secretariat"]);

// 3. The public sees the meeting just published.
step("published-meeting", async (page, state) => {
  const response = await page.goto(url(state.draft));
  assert.equal(response.status(), 200, `${state.draft} is public now`);
  assert.equal(await statusOf(state.draft), 200);
}, ["published"]);

step("written-public", async (page, state) => {
  const response = await page.goto(url(state.written));
  assert.equal(response.status(), 200, "the written minutes are public");
  assert.ok((await page.locator("main").innerText()).includes(state.writtenAction));
}, ["writtenPublished"]);

// 4. A partner editor reports on one of its organisation's action points.
step("login-partner", async (page, state) => {
  await signIn(page, accounts.partner);
  state.partner = true;
});
step("actions-mine", async (page) => {
  await page.goto(url("/actions/mine"));
  assert.match(page.url(), /\/actions\?.*organisation=\d+/, "/actions/mine leads to the organisation's points");
}, ["partner"]);
step("report-form", async (page) => {
  // The action point of the minutes just written, when they were; else the first of the list.
  const link = state.written
    ? (await page.goto(url(state.written)), page.locator("main table a[href^='/actions/']", { hasText: state.writtenAction }))
    : page.locator("main table a[href^='/actions/']");
  await Promise.all([page.waitForNavigation(), link.first().click()]);
  assert.match(page.url(), /\/actions\/\d+$/);
  assert.equal(await page.locator("form[action$='/reports']").count(), 1, "the partner editor gets the report form");
  state.reportForm = true;
}, ["partner"]);
step("reported", async (page, state) => {
  const word = Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 8);
  // No digits: a long number would be masked as a phone number.
  state.comment = `Atelier de restitution tenu, compte rendu ${word}.`;
  await page.selectOption("#status", { label: "en cours" });
  await page.fill("#comment", state.comment);
  await Promise.all([page.waitForNavigation(), page.locator("form[action$='/reports'] button[type=submit]").click()]);
  const history = await page.locator("ol.history").innerText();
  assert.ok(history.includes(state.comment), `the history shows the comment: ${history}`);
}, ["reportForm"]);
step("signed-out-partner", async (page) => {
  await signOut(page);
}, ["partner"]);

// ---------------------------------------------------------------------------------------
// The checks run on every page.

/** Bytes transferred per request, filled as requests finish. */
function watchTransfers(page) {
  const log = [];
  page.on("request", (request) => log.push({ request, size: null }));
  page.on("requestfinished", (request) => {
    const entry = log.find((e) => e.request === request);
    if (entry) entry.size = request.sizes().then((s) => s.responseBodySize).catch(() => 0);
  });
  return log;
}

/** Bytes of a stylesheet as sent compressed, asked for once per URL (Chromium serves repeats
 *  from its memory cache, without a network transfer to measure). */
const cssBytes = new Map();
function transferred(href) {
  if (!cssBytes.has(href)) {
    cssBytes.set(href, new Promise((resolve, reject) => {
      get(href, { headers: { "accept-encoding": "gzip, deflate, br" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk) => { bytes += chunk.length; });
        response.on("end", () => resolve(bytes));
      }).on("error", reject);
    }));
  }
  return cssBytes.get(href);
}

/** Bytes transferred for the page: its (last main-frame) document and its stylesheets. */
async function pageBytes(page, log) {
  let documentBytes = null;
  for (let i = log.length - 1; i >= 0; i--) {
    const r = log[i].request;
    if (r.resourceType() === "document" && r.frame() === page.mainFrame() && !r.redirectedTo()) {
      documentBytes = await log[i].size;
      break;
    }
  }
  if (documentBytes === null || documentBytes < 0) return null;
  const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href).filter(Boolean));
  let total = documentBytes;
  for (const href of sheets) total += await transferred(href);
  return total;
}

async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    // Evaluated through the DevTools protocol: the page's CSP (script-src 'none') stays on.
    await page.evaluate(axeSource);
  }
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), AXE_TAGS);
}

async function check(page, log, number, name) {
  await page.waitForLoadState("load");
  const file = `${String(number).padStart(2, "0")}-${name}`;
  const result = { page: name, url: page.url(), violations: [], minor: [], width360: null, bytes: null };
  const seen = new Set();
  for (const [label, size] of [["1280", WIDE], ["360", NARROW]]) {
    await page.setViewportSize(size);
    if (label === "360") {
      result.width360 = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    await page.screenshot({ path: join(outDir, `${file}-${label}.png`), fullPage: true });
    const axe = await runAxe(page);
    for (const v of axe.violations) {
      for (const node of v.nodes) {
        const key = `${v.id} ${node.target.join(" ")}`;
        if (seen.has(key)) continue;
        seen.add(key);
        (SERIOUS.has(v.impact) ? result.violations : result.minor).push({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, width: Number(label),
          target: node.target, html: node.html, summary: node.failureSummary,
        });
      }
    }
  }
  await page.setViewportSize(WIDE);
  result.bytes = await pageBytes(page, log);
  return result;
}

// ---------------------------------------------------------------------------------------

function chromiumPath() {
  let path = process.env.CHROMIUM;
  if (!path) {
    for (const dir of (process.env.PATH || "").split(delimiter)) {
      if (dir && existsSync(join(dir, "chromium"))) { path = join(dir, "chromium"); break; }
    }
  }
  if (!path) throw new Error("no chromium on the PATH (apt-get install chromium), or set CHROMIUM");
  // Debian's /usr/bin/chromium is a shell wrapper; the browser itself is beside its libraries.
  const real = realpathSync(path);
  if (real === "/usr/bin/chromium" && existsSync("/usr/lib/chromium/chromium")) return "/usr/lib/chromium/chromium";
  return real;
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: WIDE, locale: "fr-FR" });
const page = await context.newPage();
page.setDefaultTimeout(15_000);
// Every page as on a first visit: its CSS transferred again, no 304s.
await (await context.newCDPSession(page)).send("Network.setCacheDisabled", { cacheDisabled: true });
const log = watchTransfers(page);

const results = [];
const failures = [];
const state = {};
let number = 0;
for (const { name, run, needs } of steps) {
  number += 1;
  const missing = needs.filter((key) => !state[key]);
  if (missing.length) {
    results.push({ page: name, skipped: `needs ${missing.join(", ")} (an earlier step failed)`, violations: [], minor: [] });
    continue;
  }
  let error = null;
  try {
    await run(page, state);
  } catch (e) {
    error = e;
  }
  let result;
  try {
    result = await check(page, log, number, name);
  } catch (e) {
    result = { page: name, url: page.url(), violations: [], width360: null, bytes: null };
    error = error ?? e;
  }
  if (error) {
    result.error = String(error.message || error).split("\n")[0];
    failures.push(`${name}: ${result.error}`);
  }
  results.push(result);
  log.length = 0;
}
await browser.close();

writeFileSync(join(outDir, "axe.json"), JSON.stringify({ base, tags: AXE_TAGS, pages: results }, null, 2) + "\n");

// Summary.
const rows = [["#", "page", "serious/critical", "width@360", "KB", "problems"]];
results.forEach((r, i) => {
  if (r.skipped) {
    rows.push([String(i + 1).padStart(2, "0"), r.page, "-", "-", "-", `skipped: ${r.skipped}`]);
    return;
  }
  const ids = [...new Set(r.violations.map((v) => v.id))];
  const problems = [];
  if (r.violations.length) problems.push(ids.join(","));
  if (r.width360 === null || r.width360 > NARROW.width) problems.push("too wide at 360");
  if (r.bytes === null) problems.push("size unknown");
  else if (r.bytes >= MAX_BYTES) problems.push(`heavier than ${MAX_BYTES / 1024} KB`);
  if (r.error) problems.push("ASSERTION: " + r.error);
  r.failed = problems.length > 0;
  rows.push([String(i + 1).padStart(2, "0"), r.page, String(r.violations.length), String(r.width360 ?? "?"),
    r.bytes === null ? "?" : (r.bytes / 1024).toFixed(1), problems.join("; ") || "ok"]);
});
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
for (const row of rows) {
  console.log(row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join("  "));
}
for (const r of results) {
  for (const v of [...r.violations, ...r.minor]) {
    console.log(`  ${r.page}: ${v.impact} ${v.id} at ${v.width}px: ${v.target.join(" ")} — ${v.html.slice(0, 140)}`);
  }
}
const bad = results.filter((r) => r.failed);
const skipped = results.filter((r) => r.skipped);
console.log(`\npages: ${results.length - bad.length - skipped.length} ok, ${bad.length} with problems, ${skipped.length} skipped`);
console.log(`screenshots and axe.json in ${outDir}`);
process.exit(bad.length || skipped.length ? 1 : 0);
