// Builds the sample site and opens every page, web and print, in headless
// Chromium 390 px wide (a common phone): no page may be wider than the
// screen, so that nothing makes the whole page scroll sideways (wide
// tables and charts scroll inside their own box).
// Usage: node tests/check_phone_width.mjs SAKIP SOURCE_DIR
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [sakip, src] = process.argv.slice(2);
const { chromium } = await import(join(src, "node_modules/playwright-core/index.mjs"));
const work = mkdtempSync(join(tmpdir(), "sakip-phone-"));
const site = join(work, "site");
execFileSync(sakip, ["build", "--content", join(src, "content"), "--out", site],
  { stdio: "inherit" });

const pages = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path);
    // A redirect (the site's index.html) has nothing to lay out.
    else if (e.name.endsWith(".html") &&
             !readFileSync(path, "utf8").includes('http-equiv="refresh"')) {
      pages.push(path);
    }
  }
})(site);
pages.sort();

const width = 390;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width, height: 800 } });
let wide = 0;
for (const file of pages) {
  await page.goto("file://" + file);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll > width) {
    console.log(`FAIL ${file.slice(site.length)}: ${scroll} px wide`);
    wide++;
  }
}
await browser.close();
rmSync(work, { recursive: true, force: true });
console.log(`${pages.length - wide} passed, ${wide} failed`);
if (pages.length < 150) {
  console.log(`FAIL only ${pages.length} pages found`);
  process.exit(1);
}
process.exit(wide ? 1 : 0);
