// Builds the sample site with a Pagefind index, serves it on loopback, and
// types a jabatan name into the search box in headless Chromium.
// Usage: node tests/check_search.mjs SAKIP SOURCE_DIR
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, normalize, extname } from "node:path";

const [sakip, src] = process.argv.slice(2);
const { chromium } = await import(join(src, "node_modules/playwright-core/index.mjs"));
const work = mkdtempSync(join(tmpdir(), "sakip-search-"));
const site = join(work, "site");
let failures = 0;
const check = (ok, what) => {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures++;
};

execFileSync(sakip, ["build", "--content", join(src, "content"), "--out", site,
  "--search", "--pagefind", join(src, "node_modules/.bin/pagefind")],
  { stdio: "inherit" });
check(existsSync(join(site, "2024/pagefind/pagefind.js")), "index written for 2024");
check(existsSync(join(site, "arsip-iki-satpolpp/pagefind/pagefind.js")),
  "index written for the archived version");

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript",
  ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json",
  ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  let file = join(site, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file.startsWith(site) || !existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "Content-Type": types[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // From a deep page: the box is in the header of every page.
  await page.goto(`${base}/2024/pemkab-lumajang/satpol-pp/index.html`);
  check(await page.isVisible("#kata-cari"), "search box visible on a unit page");
  await page.fill("#kata-cari", "Kepala Seksi Ketentraman");
  await page.press("#kata-cari", "Enter");
  await page.waitForURL(/cari\.html\?q=/);
  await page.waitForSelector("#hasil-cari li a", { timeout: 60000 });
  const first = await page.textContent("#hasil-cari li a");
  check(/Ketentraman/i.test(first), `first result names the jabatan: ${first}`);
  // On the search page: results follow the typing.
  await page.fill("#kata-cari", "");
  await page.type("#kata-cari", "Sekretaris Camat", { delay: 30 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#hasil-cari li a")].some((a) => /Sekretaris/i.test(a.textContent)),
    null, { timeout: 60000 });
  const link = await page.getAttribute("#hasil-cari li a", "href");
  const response = await page.goto(new URL(link, page.url()).href);
  check(response.status() === 200, `result link ${link} opens`);
  check(/Sekretaris/i.test(await page.textContent("h1")), "result page is the jabatan");
  await page.goto(`${base}/2024/cari.html?q=zzzqqq`);
  await page.waitForFunction(() => document.getElementById("status-cari").textContent.includes("Tidak ada"));
  check(true, "no results message");

  // The search page opened with a query (and a unit): what it shows once
  // the search is done.
  const results = async (q, unit = "") => {
    const params = new URLSearchParams({ q });
    if (unit) params.set("unit", unit);
    await page.goto(`${base}/2024/cari.html?${params}`);
    await page.waitForFunction(() =>
      /hasil/.test(document.getElementById("status-cari").textContent), null,
      { timeout: 60000 });
    return {
      status: await page.textContent("#status-cari"),
      items: await page.$$eval("#hasil-cari > li", (lis) => lis.map((li) => ({
        title: li.querySelector("a").textContent,
        href: li.querySelector("a").getAttribute("href"),
        unit: li.querySelector(".hasil-unit")?.textContent || "",
      }))),
    };
  };
  // Nonsense finds nothing: no list letters ("x.", "q.") or one-letter
  // words standing in for a word that is in no page.
  for (const word of ["xyzzy", "qwerty"]) {
    const r = await results(word);
    check(r.items.length === 0 && /Tidak ada hasil/.test(r.status),
      `"${word}" finds nothing (${r.items.length}: ${r.status})`);
  }
  const fire = await results("kebakaran");
  check(fire.items.length >= 2, `"kebakaran" finds ${fire.items.length} pages`);
  check(fire.items.every((i) => /Satuan Polisi Pamong Praja/.test(i.unit)),
    "every \"kebakaran\" result names the Satpol PP unit: " +
    fire.items.map((i) => `${i.title} [${i.unit}]`).join("; "));
  check(fire.items.some((i) => /Jabatan/.test(i.unit) && /Kebakaran/.test(i.title)),
    "the jabatan of fire fighting is among them, shown as a jabatan");
  // A misspelling is not 62 unrelated pages: only what its first letters find.
  const typo = await results("kebakran");
  check(typo.items.length < 10 &&
    typo.items.every((i) => /Satuan Polisi Pamong Praja/.test(i.unit)),
    `"kebakran" finds only Satpol PP pages (${typo.items.length}: ${typo.status})`);
  // Same title, different units: each result says which.
  const kasi = (await results("Kepala Seksi Pemerintahan")).items
    .filter((i) => i.title === "Kepala Seksi Pemerintahan");
  check(kasi.length >= 2 && new Set(kasi.map((i) => i.unit)).size === kasi.length &&
    kasi.some((i) => /Kanigaran/.test(i.unit)) && kasi.some((i) => /Ranuyoso/.test(i.unit)),
    "identical titles told apart by their unit: " + kasi.map((i) => i.unit).join(" | "));
  // The unit filter: its choices come from the index, and narrow the results.
  const all = await results("kepala");
  const units = await page.$$eval("#saring-unit option", (os) => os.map((o) => o.value));
  const ranuyoso = units.find((u) => /^Kecamatan Ranuyoso/.test(u));
  check(units.length >= 5 && ranuyoso, `unit filter lists the units: ${units.join(" | ")}`);
  const narrowed = await results("kepala", ranuyoso || "none");
  check(narrowed.items.length > 0 && narrowed.items.every((i) => /Ranuyoso/.test(i.unit)) &&
    /Ranuyoso/.test(narrowed.status) && narrowed.status !== all.status,
    `filter by unit keeps only its pages (${narrowed.items.length}: ${narrowed.status})`);
  await page.selectOption("#saring-unit", "");
  await page.waitForFunction((s) => document.getElementById("status-cari").textContent === s,
    all.status, { timeout: 60000 });
  check(true, "clearing the filter shows every unit again");
  // All results reachable: 20 at a time, then "Tampilkan lebih banyak".
  const total = Number(/^(\d+) hasil/.exec(all.status)?.[1] || 0);
  check(total > 20 && all.items.length === 20, `"kepala": ${total} results, 20 shown first`);
  while (await page.isVisible("#lebih-banyak")) {
    const before = await page.$$eval("#hasil-cari > li", (l) => l.length);
    await page.click("#lebih-banyak");
    await page.waitForFunction((n) => document.querySelectorAll("#hasil-cari > li").length > n,
      before, { timeout: 60000 });
  }
  const other = await page.getAttribute(".pemilih-versi a", "href");
  check(/arsip-iki-satpolpp\/cari\.html\?q=kepala$/.test(other),
    `the version switcher keeps the search: ${other}`);
  const hrefs = await page.$$eval("#hasil-cari > li > a", (as) => as.map((a) => a.getAttribute("href")));
  check(hrefs.length === total && new Set(hrefs).size === total,
    `all ${total} results reachable (${hrefs.length} shown, ${new Set(hrefs).size} distinct)`);
  check(errors.length === 0, `no page errors ${errors.join("; ")}`);
} finally {
  await browser.close();
  server.close();
}

// Without Pagefind: the site builds and has no box.
const bare = join(work, "bare");
execFileSync(sakip, ["build", "--content", join(src, "content"), "--out", bare,
  "--search", "--pagefind", "/nonexistent/pagefind"], { stdio: "pipe" });
const home = readFileSync(join(bare, "2024/index.html"), "utf8");
check(!home.includes("kotak-cari") && !existsSync(join(bare, "2024/cari.html")),
  "without Pagefind: no search box, no search page");
rmSync(work, { recursive: true, force: true });
console.log(failures ? `check_search: ${failures} failed` : "check_search: all passed");
process.exit(failures ? 1 : 0);
