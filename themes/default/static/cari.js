// Search over the version's Pagefind index, as the reader types. Loaded on
// every page only when the build made an index (`sakip build --search`).
const form = document.querySelector(".kotak-cari");
const box = document.getElementById("kata-cari");
const list = document.getElementById("hasil-cari");
const status = document.getElementById("status-cari");

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

let latest = 0;
async function search(query) {
  const ticket = ++latest;
  const q = query.trim();
  list.replaceChildren();
  if (!q) {
    status.textContent = "";
    return;
  }
  status.textContent = "Mencari…";
  let found;
  try {
    found = await (await load()).search(q);
  } catch (e) {
    status.textContent = "Indeks pencarian tidak dapat dimuat.";
    return;
  }
  const top = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  if (ticket !== latest) return;
  status.textContent = found.results.length === 0
    ? "Tidak ada hasil untuk \u201c" + q + "\u201d."
    : found.results.length + " hasil untuk \u201c" + q + "\u201d.";
  for (const item of top) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = item.url;
    a.textContent = (item.meta && item.meta.title) || item.url;
    li.appendChild(a);
    li.appendChild(excerptNode(item.excerpt || ""));
    list.appendChild(li);
  }
}

if (list && box) {
  const q = new URLSearchParams(location.search).get("q") || "";
  box.value = q;
  let timer = 0;
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(box.value), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(box.value);
  });
  search(q);
}
