// Builds the sample site (with its search page) and the pk-unseen test tree
// and checks every web and print page, with the SVG charts inline in them,
// and the site's SVG and CSS files with the Nu HTML checker (vnu.jar, the
// W3C validator) under Debian's Java, all files in one JVM run. Any error
// or warning (such as "Section lacks heading") fails, reported with its
// file, line and message; notes ("info": a trailing slash in cmark's
// `<br />`) do not. Language detection is off: it takes Indonesian
// government prose for Javanese.
// Usage: node tests/check_nu.mjs SAKIP SOURCE_DIR
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [sakip, src] = process.argv.slice(2);
const vnu = join(src, "node_modules/vnu-jar/build/dist/vnu.jar");
const work = mkdtempSync(join(tmpdir(), "sakip-nu-"));

// The trees checked and the fewest pages each must have (a walk that finds
// almost nothing must not pass).
const trees = [
  { content: join(src, "content"), out: join(work, "sample"), least: 150,
    extra: ["--search", "--pagefind", join(src, "node_modules/.bin/pagefind")] },
  { content: join(src, "tests/data/pk-unseen"), out: join(work, "pk-unseen"), least: 15,
    extra: [] },
];

// Pagefind's own files (its UI's CSS) are not the site's to fix.
function filesToCheck(dir, into) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "pagefind") filesToCheck(path, into);
    } else if (/\.(html|svg|css)$/.test(e.name)) {
      into.push(path);
    }
  }
  return into;
}

let failures = 0;
const files = [];
for (const t of trees) {
  execFileSync(sakip, ["build", "--content", t.content, "--out", t.out, ...t.extra],
    { stdio: ["ignore", "ignore", "inherit"] });
  const found = filesToCheck(t.out, []).sort();
  const pages = found.filter((f) => f.endsWith(".html")).length;
  if (pages < t.least) {
    console.log(`FAIL only ${pages} pages found in ${t.out}`);
    failures++;
  }
  files.push(...found);
}

const started = Date.now();
// vnu prints its JSON report on stderr; exit status 1 only says "errors".
const run = spawnSync("java", ["-jar", vnu, "--format", "json", "--no-langdetect",
  "--also-check-svg", "--also-check-css", ...files],
  { encoding: "utf8", maxBuffer: 256 << 20 });
let messages = [];
try {
  messages = JSON.parse(run.stderr).messages;
} catch (e) {
  console.log(`FAIL vnu gave no report (status ${run.status}): ${run.error || ""}\n` +
              run.stderr.slice(0, 2000));
  failures++;
}
let errors = 0;
for (const m of messages) {
  if (m.type === "info" && m.subType !== "warning") continue;
  const where = (m.url || "").replace("file:" + work, "");
  console.log(`FAIL ${where}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ` +
              `${m.type}${m.subType ? "/" + m.subType : ""}: ${m.message}` +
              (m.extract ? `\n    ${m.extract.replace(/\n/g, " ").slice(0, 160)}` : ""));
  errors++;
}
rmSync(work, { recursive: true, force: true });
console.log(`${files.length} files checked in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
            `${errors} error(s) and warning(s)`);
process.exit(failures || errors ? 1 : 0);
