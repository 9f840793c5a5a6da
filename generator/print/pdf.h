// PDFs of the printable documents, made by an external engine from the
// print HTML already written to the staging folder: headless Chromium (the
// default) or WeasyPrint. One job per core; a PDF whose inputs did not
// change since the previous build is copied instead of rendered again.
#ifndef SAKIP_PDF_H_
#define SAKIP_PDF_H_

#include <string>
#include <vector>

#include "diagnostic.h"
#include "stable_hash.h"

namespace sakip {

struct PdfOptions {
  std::string engine = "chromium";  // chromium | weasyprint
  int jobs = 0;                     // 0: one per core
  // The previous site, to reuse PDFs whose inputs did not change; may be "".
  std::string previous_dir;
};

struct PdfReport {
  int rendered = 0;
  int reused = 0;
  int failed = 0;
};

// Makes `<doc>.pdf` beside every `<doc>.html` in `html_paths` (relative to
// `dir`). `inputs_hash` is folded into each document's cache key (the
// stylesheets and fonts it uses). Reports a missing engine or a failed
// document; a document that failed keeps the previous build's PDF.
PdfReport RenderPdfs(const std::string& dir,
                     const std::vector<std::string>& html_paths,
                     const std::string& inputs_hash, const PdfOptions& options,
                     Diagnostics* diagnostics);

// The PDF made from `html` (a path ending in .html).
std::string PdfPathOf(const std::string& html);

// The name of the cache manifest inside the output folder.
inline constexpr const char* kPdfManifest = "cetak/pdf-cache.json";

}  // namespace sakip

#endif  // SAKIP_PDF_H_
