// The build, as named phases called in order from one function:
// load -> resolve/validate -> compute -> render -> publish.
#ifndef SAKIP_PIPELINE_H_
#define SAKIP_PIPELINE_H_

#include <string>
#include <vector>

#include "diagnostic.h"
#include "file_system.h"
#include "model.h"
#include "pdf_shard.h"

namespace sakip {

struct PipelineOptions {
  std::string display_root;  // prefix of paths in diagnostics
  // The content folder on disk, for versions read from git; "" when the
  // content is not on disk (tests with an in-memory tree).
  std::string content_dir;
  std::string out_dir;    // empty: check only, write nothing
  bool strict = false;    // warnings fail the run
  std::string theme_dir;  // empty: the theme compiled into the binary
  std::string dibangun;   // build date shown in the footer
  bool pdf = false;       // also make PDFs of the printable documents
  std::string pdf_engine = "chromium";
  int pdf_jobs = 0;  // 0: one per core
  int jobs = 0;      // threads that render pages (0: one per core)
  // Only documents whose path contains one of these (all when empty).
  std::vector<std::string> pdf_only;
  // "YYYYMMDDHHmmSS" (UTC), the date written into new PDFs ("": the
  // engine's clock); see PdfOptions::date.
  std::string pdf_date;
  // Only this share of the PDFs (`--shard I/N`, pdf_shard.h).
  PdfShard pdf_shard;
  // A merge (`--pdf-from`): the output folders of every share's build, whose
  // PDFs this build takes instead of rendering them. A merge that is refused
  // publishes nothing.
  std::vector<std::string> pdf_from;
  bool search = false;   // make a Pagefind search index, when available
  std::string pagefind;  // the Pagefind program ("": look for it)
  // The process exits after this run: the loaded content is left for the
  // system to take back instead of freed item by item (a twentieth of a
  // rebuild of 15,000 jabatan). Never for `serve`, which builds again.
  bool exit_after = false;
};

// Exit status of a run: 0 success, 1 content errors (or warnings under
// --strict), 2 the output could not be written.
int RunPipeline(const FileSystem& content, const PipelineOptions& options,
                Diagnostics* diagnostics);

// Phases 1 and 2: the model with references resolved. Parsed units are
// cached in `cache_dir` when it is given (unit_cache.h); units are read on
// `jobs` threads (0: one per core).
Model LoadAndResolve(const FileSystem& content, const std::string& display_root,
                     Diagnostics* diagnostics,
                     const std::string& cache_dir = "", int jobs = 0);

}  // namespace sakip

#endif  // SAKIP_PIPELINE_H_
