// PDFs of one site made on several machines: `sakip build --pdf --shard I/N`
// makes the PDFs of share I of the documents (with the whole site around
// them), and `sakip build --pdf --pdf-from DIR...` puts the N shares
// together into the site one `sakip build --pdf` would make, byte for byte.
// A document's share is a hash of its path, not its place in the list, so
// that a new document moves no other to another share.
#ifndef SAKIP_PDF_SHARD_H_
#define SAKIP_PDF_SHARD_H_

#include <string>
#include <vector>

#include "diagnostic.h"

namespace sakip {

// Share `index` (1-based) of `count`; count 0: every document, no shares.
struct PdfShard {
  int index = 0;
  int count = 0;
  bool all() const { return count == 0; }
};

// More shares than this is a typing error, not a plan.
inline constexpr int kMaxPdfShards = 1000;

// The file a shard build writes beside its PDF list (in each version's
// folder): its share and what its documents were made from.
inline constexpr const char* kPdfShardFile = "cetak/pdf-shard.json";

// Reads "I/N" (1 <= I <= N <= kMaxPdfShards); false with `error` set.
bool ParsePdfShard(const std::string& text, PdfShard* shard,
                   std::string* error);

// The share (1..count) of the document at `path` (relative to its version's
// folder).
int PdfShardOf(const std::string& path, int count);

// What every share's documents were made from: the cache keys of all the
// version's documents (`pdf` path and key, sorted by path), so that shares
// of other content, theme, engine or sakip do not match.
std::string PdfInputsHash(
    const std::vector<std::pair<std::string, std::string>>& keys);

// The text of kPdfShardFile.
std::string FormatPdfShard(const PdfShard& shard, const std::string& inputs);

// For a merge: the version folder of each share in `dirs` (each the version's
// folder inside one shard build's output), in share order (index 0 is share
// 1). Reports a folder that is no shard, shares made from other inputs than
// `inputs`, of different counts, given twice, or missing; on any problem
// returns an empty list.
std::vector<std::string> MatchPdfShards(const std::vector<std::string>& dirs,
                                        const std::string& inputs,
                                        Diagnostics* diagnostics);

}  // namespace sakip

#endif  // SAKIP_PDF_SHARD_H_
