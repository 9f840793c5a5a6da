// Search over the version's Pagefind index, as the reader types. Loaded on
// every page only when the build made an index (`sakip build --search`).
const form = document.querySelector(".kotak-cari");
const box = document.getElementById("kata-cari");
const list = document.getElementById("hasil-cari");
const status = document.getElementById("status-cari");
const unitFilter = document.getElementById("saring-unit");
const more = document.getElementById("lebih-banyak");

// Results are shown this many at a time; "Tampilkan lebih banyak" adds more.
const PAGE_SIZE = 20;

// The search page sits at the version root, beside pagefind/.
const root = new URL(form.getAttribute("action"), document.baseURI);
let pagefind = null;

async function load() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    // Pagefind's URLs start at the folder it indexed: this version's.
    await pagefind.options({
      baseUrl: new URL(".", root).pathname,
      excerptLength: 24,
    });
  }
  return pagefind;
}

function normalize(word) {
  return word.toLocaleLowerCase("id").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "").replace(/[^\p{L}\p{N}]/gu, "");
}

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

// When a word is in no page, Pagefind shortens it until something matches,
// down to one letter: "xyzzy" finds every page with an "x" and "kebakran"
// every "b.". A word counts as found only when the words Pagefind matched
// for it share its first letters (all of a short word, four of a longer
// one): typing "kebakar" or "pemerintahn" still finds what it should.
const found = new Map();
async function wordIsFound(word) {
  if (found.has(word)) return found.get(word);
  const pf = await load();
  const result = (await pf.search(word)).results[0];
  let ok = false;
  if (result) {
    const data = await result.data();
    const words = data.content.split(/\s+/);
    const need = Math.min(word.length, 4);
    ok = data.locations.some((at) =>
      commonPrefix(normalize(words[at] || ""), word) >= need);
  }
  found.set(word, ok);
  return ok;
}

// The words of a query Pagefind finds nothing real for.
async function missingWords(query) {
  const words = query.split(/\s+/).map(normalize).filter((w) => w);
  const missing = [];
  for (const word of words) {
    if (!(await wordIsFound(word))) missing.push(word);
  }
  return missing;
}

// A misspelt long word is tried again by its first letters, the longest
// that Pagefind finds ("sekretariz" by "sekretari"), and the reader is told
// so. Pagefind's stemmer takes prefixes such as "ke-" off short words, so
// "kebakran" finds nothing this way either: better nothing than noise.
async function shortened(query, missing) {
  let changed = false;
  const words = [];
  for (const w of query.split(/\s+/).filter((x) => x)) {
    const n = normalize(w);
    if (!missing.includes(n)) {
      words.push(w);
      continue;
    }
    let prefix = null;
    for (let len = n.length - 1; len >= Math.max(4, n.length - 3); len--) {
      if (await wordIsFound(n.slice(0, len))) {
        prefix = n.slice(0, len);
        break;
      }
    }
    if (!prefix) return null;
    words.push(prefix);
    changed = true;
  }
  return changed ? words.join(" ") : null;
}

// Excerpts come with <mark> around the hits; everything else is text.
function excerptNode(excerpt) {
  const p = document.createElement("p");
  const parts = excerpt.split(/<mark>|<\/mark>/);
  parts.forEach((part, i) => {
    const text = document.createTextNode(
      part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
        .replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
    if (i % 2 === 1) {
      const mark = document.createElement("mark");
      mark.appendChild(text);
      p.appendChild(mark);
    } else {
      p.appendChild(text);
    }
  });
  return p;
}

// Each result names its kind and unit: jabatan of different units share
// titles ("Kepala Seksi Pemerintahan").
function resultNode(item) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = item.url;
  a.textContent = (item.meta && item.meta.title) || item.url;
  li.appendChild(a);
  const where = [item.meta && item.meta.jenis, item.meta && item.meta.unit]
    .filter((x) => x).join(" · ");
  if (where) {
    const p = document.createElement("p");
    p.className = "hasil-unit";
    p.textContent = where;
    li.appendChild(p);
  }
  li.appendChild(excerptNode(item.excerpt || ""));
  return li;
}

let latest = 0;
let results = [];
let shown = 0;
let summary = "";

async function showMore(ticket) {
  const next = results.slice(shown, shown + PAGE_SIZE);
  const items = await Promise.all(next.map((r) => r.data()));
  if (ticket !== latest) return;
  for (const item of items) list.appendChild(resultNode(item));
  shown += next.length;
  more.hidden = shown >= results.length;
  status.textContent = summary + (results.length > shown
    ? " Ditampilkan " + shown + " hasil pertama." : "");
}

function quoted(text) {
  return "\u201c" + text + "\u201d";
}

async function search() {
  const ticket = ++latest;
  const q = box.value.trim();
  const unit = unitFilter ? unitFilter.value : "";
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (unit) params.set("unit", unit);
  history.replaceState(null, "", "?" + params.toString());
  // The version switcher opens the same search in the other version.
  for (const a of document.querySelectorAll(".pemilih-versi a")) {
    const url = new URL(a.href);
    if (url.pathname.endsWith("/cari.html")) {
      url.search = params.toString();
      a.href = url.href;
    }
  }
  list.replaceChildren();
  results = [];
  shown = 0;
  more.hidden = true;
  if (!q && !unit) {
    status.textContent = "";
    return;
  }
  status.textContent = "Mencari\u2026";
  const options = unit ? { filters: { unit } } : {};
  let query = q;
  let note = "";
  let what = "";
  try {
    const pf = await load();
    if (q) {
      const missing = await missingWords(q);
      if (missing.length) {
        const retry = await shortened(q, missing);
        if (retry) {
          note = "Tidak ada hasil untuk " + quoted(q) + ". ";
          what = "kata berawalan " + quoted(retry);
          query = retry;
        } else {
          query = null;
        }
      }
    }
    if (query !== null) {
      results = (await pf.search(query || null, options)).results;
    }
  } catch (e) {
    if (ticket === latest) {
      status.textContent = "Indeks pencarian tidak dapat dimuat.";
    }
    return;
  }
  if (ticket !== latest) return;
  what = (what || (q ? quoted(q) : "semua halaman")) + (unit ? " di " + unit : "");
  if (results.length === 0) {
    status.textContent = "Tidak ada hasil untuk " + what + "." +
      (q ? " Periksa ejaan kata yang dicari." : "");
    return;
  }
  summary = note + results.length + " hasil untuk " + what + ".";
  await showMore(ticket);
}

// The unit filter lists every unit of the index, with its page count.
async function fillUnits(selected) {
  const units = (await (await load()).filters()).unit || {};
  for (const name of Object.keys(units).sort((a, b) => a.localeCompare(b, "id"))) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name + " (" + units[name] + ")";
    unitFilter.appendChild(option);
  }
  unitFilter.value = selected;
}

if (list && box) {
  const params = new URLSearchParams(location.search);
  box.value = params.get("q") || "";
  let timer = 0;
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  more.addEventListener("click", () => showMore(latest));
  if (unitFilter) {
    unitFilter.addEventListener("change", search);
    fillUnits(params.get("unit") || "").catch(() => {}).finally(search);
  } else {
    search();
  }
}
