// Builds the sample site (with its search page) and the pk-unseen test tree
// and runs axe-core over every web and print page in headless Chromium:
// the WCAG 2.1 A and AA rules and axe's best practices (one main landmark,
// an h1, headings in order, all content in landmarks) at 1280 px, then,
// the page made 390 px wide (a phone), the rule whose outcome depends on
// the width: a box that scrolls sideways there must be reachable by
// keyboard. (The theme sets no colour by width, so contrast is checked
// once.) Any violation fails, reported with its page, width, rule and
// element. The pages are served on loopback (Pagefind needs http); a
// search page is checked showing the results of a query.
// One browser, a few tabs at a time: the CI machine has 2 cores.
// Usage: node tests/check_axe.mjs SAKIP SOURCE_DIR
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const [sakip, src] = process.argv.slice(2);
const { chromium } = await import(join(src, "node_modules/playwright-core/index.mjs"));
const axeSource = readFileSync(join(src, "node_modules/axe-core/axe.min.js"), "utf8");
const work = mkdtempSync(join(tmpdir(), "sakip-axe-"));

// The trees checked and the fewest pages each must have (a walk that finds
// almost nothing must not pass).
const trees = [
  { content: join(src, "content"), out: join(work, "sample"), least: 150,
    extra: ["--search", "--pagefind", join(src, "node_modules/.bin/pagefind")] },
  { content: join(src, "tests/data/pk-unseen"), out: join(work, "pk-unseen"), least: 15,
    extra: [] },
];

function htmlPages(dir, into) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) htmlPages(path, into);
    // A redirect (the site's index.html) shows nothing.
    else if (e.name.endsWith(".html") &&
             !readFileSync(path, "utf8").includes('http-equiv="refresh"')) {
      into.push(path);
    }
  }
  return into;
}

let failures = 0;
const pages = [];
for (const t of trees) {
  execFileSync(sakip, ["build", "--content", t.content, "--out", t.out, ...t.extra],
    { stdio: ["ignore", "ignore", "inherit"] });
  const found = htmlPages(t.out, []).sort();
  if (found.length < t.least) {
    console.log(`FAIL only ${found.length} pages found in ${t.out}`);
    failures++;
  }
  if (t.extra.includes("--search") && !found.some((f) => f.endsWith("/cari.html"))) {
    console.log(`FAIL no search page in ${t.out} (is Pagefind installed?)`);
    failures++;
  }
  pages.push(...found);
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript",
  ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json",
  ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const file = join(work, normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
  try {
    if (!file.startsWith(work + "/")) throw new Error("outside the sites");
    const body = readFileSync(file);
    res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const everyRule = { runOnly: { type: "tag",
  values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } };
const phoneRules = { runOnly: { type: "rule", values: ["scrollable-region-focusable"] } };
const widths = [[1280, everyRule], [390, phoneRules]];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"] });
let violations = 0;
let next = 0;
async function tab() {
  const context = await browser.newContext();
  const page = await context.newPage();
  while (next < pages.length) {
    const file = pages[next++];
    await page.setViewportSize({ width: widths[0][0], height: 900 });
    const name = file.slice(work.length);
    if (name.endsWith("/cari.html")) {
      // Results are links in the main part; the page has none before.
      await page.goto(base + name + "?q=kepala");
      await page.waitForSelector("main a", { timeout: 60000 });
    } else {
      await page.goto(base + name);
    }
    await page.evaluate(axeSource);
    for (const [width, options] of widths) {
      await page.setViewportSize({ width, height: 900 });
      const result = await page.evaluate(async (options) =>
        axe.run(document, { ...options, resultTypes: ["violations"] }), options);
      for (const v of result.violations) {
        for (const n of v.nodes) {
          console.log(`FAIL ${name} @${width}px: ${v.id} (${v.impact}) ` +
                      `${n.target.join(" ")}: ${v.help}`);
          violations++;
        }
      }
    }
  }
  await context.close();
}
const started = Date.now();
await Promise.all([tab(), tab(), tab()]);
await browser.close();
server.close();
rmSync(work, { recursive: true, force: true });
console.log(`${pages.length} pages checked at 1280 and 390 px in ` +
            `${((Date.now() - started) / 1000).toFixed(0)} s: ${violations} violation(s)`);
process.exit(failures || violations ? 1 : 0);
