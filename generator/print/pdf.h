// PDFs of the printable documents, made by an external engine from the
// print HTML already written to the staging folder: headless Chromium (the
// default) or WeasyPrint. One job per core; a PDF whose inputs did not
// change since the previous build is copied instead of rendered again.
#ifndef SAKIP_PDF_H_
#define SAKIP_PDF_H_

#include <string>
#include <vector>

#include "diagnostic.h"
#include "pdf_shard.h"
#include "stable_hash.h"

namespace sakip {

struct PdfOptions {
  std::string engine = "chromium";  // chromium | weasyprint
  int jobs = 0;                     // 0: one per core
  // The previous site, to reuse PDFs whose inputs did not change; may be "".
  std::string previous_dir;
  // "YYYYMMDDHHmmSS" (UTC): written as every new PDF's creation and
  // modification date, so that the same document gives the same bytes on
  // every machine; "": the engine's clock.
  std::string date;
  // Make only this share of the documents (pdf_shard.h), and write
  // kPdfShardFile beside the list of PDFs.
  PdfShard shard;
  // A merge: this version's folder in each share's output. Every PDF is
  // taken from its share (or the previous site), none is rendered.
  std::vector<std::string> shard_dirs;
};

struct PdfReport {
  int rendered = 0;
  int reused = 0;
  int failed = 0;
  int merged = 0;  // taken from a share (--pdf-from)
};

// Makes `<doc>.pdf` beside every `<doc>.html` in `html_paths` (relative to
// `dir`). `inputs_hash` is folded into each document's cache key (the
// stylesheets and fonts it uses). Reports a missing engine or a failed
// document; a document that failed keeps the previous build's PDF.
PdfReport RenderPdfs(const std::string& dir,
                     const std::vector<std::string>& html_paths,
                     const std::string& inputs_hash, const PdfOptions& options,
                     Diagnostics* diagnostics);

// Takes out of the PDF `bytes` what depends on when and in which order the
// engine made it, without moving a byte (the cross-reference table holds
// offsets): sets the creation and modification dates to `date`
// ("YYYYMMDDHHmmSS", UTC; "" leaves them; a date of another length is
// left), and numbers the structure elements' ids `(nodeNNNNNNNN)`, which
// Chromium takes from a counter shared by all documents one browser prints,
// 1, 2, ... in their order. False when nothing changed.
bool MakePdfStable(std::string* bytes, const std::string& date);

// The PDF made from `html` (a path ending in .html).
std::string PdfPathOf(const std::string& html);

// The name of the cache manifest inside the output folder.
inline constexpr const char* kPdfManifest = "cetak/pdf-cache.json";

}  // namespace sakip

#endif  // SAKIP_PDF_H_
