// Starts `sakip serve` on a free loopback port over a copy of content/,
// edits files and watches the served pages follow, in headless Chromium.
// Usage: node tests/check_serve.mjs SAKIP SOURCE_DIR [LIMIT_MS]
// LIMIT_MS bounds each wait for an event (a rebuild served, a reload): a
// generous bound that only a hang reaches, never the expected time. The
// time each event took is printed (serve aims at 2 s on a quiet machine).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [sakip, src, limitArg] = process.argv.slice(2);
const limit = Number(limitArg || 60000);
const { chromium } = await import(join(src, "node_modules/playwright-core/index.mjs"));
const work = mkdtempSync(join(tmpdir(), "sakip-serve-"));
const content = join(work, "content");
cpSync(join(src, "content"), content, { recursive: true });
let failures = 0;
const check = (ok, what) => {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures++;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = spawn(sakip, ["serve", "--content", content, "--out", join(work, "site"), "--port", "0"],
  { stdio: ["ignore", "pipe", "pipe"] });
let stderr = "";
server.stderr.on("data", (d) => { stderr += d; });
const port = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) resolve(Number(m[1]));
  });
  server.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
});
const base = `http://127.0.0.1:${port}`;

// Raw requests, so that `..` reaches the server as written.
function get(path) {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d) => { body += d; });
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("error", (e) => resolve({ status: 0, body: String(e) }));
    req.end();
  });
}
async function waitFor(what, test, ms = limit) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await test()) {
      check(true, `${what} (${Date.now() - start} ms)`);
      return;
    }
    await sleep(50);
  }
  check(false, `${what}: not within ${ms} ms`);
}

const jabatanFile = join(content, "pemkab-lumajang/satpol-pp/jabatan/sekretaris.md");
const jabatanUrl = "/2024/pemkab-lumajang/satpol-pp/jabatan/sekretaris/index.html";
const original = readFileSync(jabatanFile, "utf8");
try {
  const home = await get("/2024/index.html");
  check(home.status === 200 && home.body.includes("/__sakip/reload.js"), "page served with the reload script");
  check((await get("/")).status === 200, "root served");
  check((await get("/2024/pemkab-lumajang/")).status === 200, "folder gives its index.html");

  // Traversal and symlinks: never outside the output folder.
  symlinkSync("/etc", join(work, "site/2024/keluar"));
  for (const path of ["/../content/site.yaml", "/2024/../../content/site.yaml",
    "/%2e%2e/content/site.yaml", "/2024/%2E%2E/%2e%2e/content/site.yaml",
    "/..%2fcontent/site.yaml", "/2024/keluar/passwd", "/2024/keluar/", "/%00/x"]) {
    const r = await get(path);
    check((r.status === 403 || r.status === 404) && !r.body.includes("judul:") && !r.body.includes("root:"),
      `${path} refused with ${r.status}`);
  }
  const missing = await get("/2024/tidak-ada.html");
  check(missing.status === 404 && missing.body.includes("Halaman tidak ditemukan"), "404 page for a missing path");

  // A content change is served (the time is printed).
  writeFileSync(jabatanFile, original.replace(/^nama: .*$/m, "nama: Sekretaris Pratinjau Langsung"));
  await waitFor("edited jabatan served", async () =>
    (await get(jabatanUrl)).body.includes("Sekretaris Pratinjau Langsung"));

  // In the browser: an error shows as an overlay; fixing the file clears it
  // and the page reloads by itself.
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    let polls = 0;
    page.on("response", (r) => { if (r.url().endsWith("/__sakip/status")) polls++; });
    await page.goto(base + jabatanUrl);
    // The page has seen the current build: its second poll of the status
    // starts only after it has read the first one's answer.
    await waitFor("the page polls the build status", async () => polls >= 2);
    writeFileSync(jabatanFile, original.replace(/^jenis: .*$/m, "jenis: [administrator"));
    await page.waitForSelector("#sakip-galat", { timeout: limit + 1000 });
    const text = await page.textContent("#sakip-galat");
    check(/sekretaris\.md:\d+:\d+: error/.test(text), "overlay names file:line:col");
    check(stderr.includes("sekretaris.md"), "error printed in the terminal");
    check((await get(jabatanUrl)).status === 200, "the previous site is still served");
    writeFileSync(jabatanFile, original.replace(/^nama: .*$/m, "nama: Sekretaris Sudah Diperbaiki"));
    await page.waitForFunction(() => document.querySelector("h1") &&
      document.querySelector("h1").textContent.includes("Diperbaiki") &&
      !document.getElementById("sakip-galat"), null, { timeout: limit + 1000 });
    check(true, "fixed: page reloaded, overlay gone");
  } finally {
    await browser.close();
  }
} catch (e) {
  check(false, String(e));
} finally {
  server.kill("SIGINT");
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), limit);
    server.on("exit", (c) => { clearTimeout(timer); resolve(c); });
  });
  check(code === 0, `Ctrl-C stops the server cleanly (exit ${code})`);
  rmSync(work, { recursive: true, force: true });
}
console.log(failures ? `check_serve: ${failures} failed` : "check_serve: all passed");
process.exit(failures ? 1 : 0);
