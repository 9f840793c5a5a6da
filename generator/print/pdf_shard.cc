#include "pdf_shard.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "file_system.h"
#include "stable_hash.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

// A whole number of at most four digits, nothing else ("+1", " 1", "1.0"
// are not shares).
bool ReadCount(const std::string& text, int* value) {
  if (text.empty() || text.size() > 4) return false;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  *value = n;
  return true;
}

struct ShardFile {
  PdfShard shard;
  std::string inputs;
};

// The share written in `version_dir`; false when the folder has none, or
// one that is not whole.
bool ReadShardFile(const std::string& version_dir, ShardFile* file) {
  std::string text = ReadWholeFile(fs::path(version_dir) / kPdfShardFile);
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object() || !json["shard"].is_number_integer() ||
      !json["shards"].is_number_integer() || !json["inputs"].is_string()) {
    return false;
  }
  file->shard.index = json["shard"];
  file->shard.count = json["shards"];
  file->inputs = json["inputs"];
  return file->shard.count >= 1 && file->shard.count <= kMaxPdfShards &&
         file->shard.index >= 1 && file->shard.index <= file->shard.count;
}

std::string Name(const PdfShard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

}  // namespace

bool ParsePdfShard(const std::string& text, PdfShard* shard,
                   std::string* error) {
  size_t slash = text.find('/');
  int index = 0;
  int count = 0;
  if (slash == std::string::npos || !ReadCount(text.substr(0, slash), &index) ||
      !ReadCount(text.substr(slash + 1), &count)) {
    *error = "`" + text + "` is not I/N (e.g. 1/3: the first of three shares)";
    return false;
  }
  if (count < 1 || count > kMaxPdfShards || index < 1 || index > count) {
    *error = "`" + text + "`: I must be 1 to N, and N 1 to " +
             std::to_string(kMaxPdfShards);
    return false;
  }
  *shard = {index, count};
  return true;
}

int PdfShardOf(const std::string& path, int count) {
  unsigned long long hash = std::stoull(StableHash(path), nullptr, 16);
  return static_cast<int>(hash % static_cast<unsigned>(count)) + 1;
}

std::string PdfInputsHash(
    const std::vector<std::pair<std::string, std::string>>& keys) {
  std::string lines;
  for (const auto& [pdf, key] : keys) lines += pdf + " " + key + "\n";
  return StableHash(lines);
}

std::string FormatPdfShard(const PdfShard& shard, const std::string& inputs) {
  nlohmann::ordered_json json;
  json["shard"] = shard.index;
  json["shards"] = shard.count;
  json["inputs"] = inputs;
  return json.dump(1) + "\n";
}

std::vector<std::string> MatchPdfShards(const std::vector<std::string>& dirs,
                                        const std::string& inputs,
                                        Diagnostics* diagnostics) {
  const std::string fix =
      "make every share with `sakip build --pdf --shard "
      "I/N` from the same commit, theme and sakip";
  std::map<int, std::string> by_index;
  int count = 0;
  bool ok = true;
  for (const std::string& dir : dirs) {
    ShardFile file;
    if (!ReadShardFile(dir, &file)) {
      diagnostics->Error(
          {dir, 0, 0},
          std::string("not a PDF shard: no readable ") + kPdfShardFile, fix);
      ok = false;
      continue;
    }
    if (file.inputs != inputs) {
      diagnostics->Error({dir, 0, 0},
                         "shard " + Name(file.shard) +
                             " was made from other content, theme, PDF "
                             "engine or sakip than this build (inputs " +
                             file.inputs + ", here " + inputs + ")",
                         fix);
      ok = false;
    }
    if (count != 0 && file.shard.count != count) {
      diagnostics->Error({dir, 0, 0},
                         "shard " + Name(file.shard) + " is one of " +
                             std::to_string(file.shard.count) +
                             " shares, the others of " + std::to_string(count),
                         fix);
      ok = false;
      continue;
    }
    count = file.shard.count;
    auto [it, added] = by_index.emplace(file.shard.index, dir);
    if (!added) {
      diagnostics->Error({dir, 0, 0},
                         "shard " + Name(file.shard) +
                             " is given twice (also " + it->second + ")",
                         "give each share's folder once");
      ok = false;
    }
  }
  for (int i = 1; ok && i <= count; ++i) {
    if (by_index.count(i)) continue;
    diagnostics->Error(
        {"--pdf-from", 0, 0},
        "shard " + Name({i, count}) + " is missing: its PDFs would be left out",
        "add the folder of every share, 1/" + std::to_string(count) + " to " +
            Name({count, count}));
    ok = false;
  }
  std::vector<std::string> shares;
  if (!ok) return shares;
  for (const auto& [index, dir] : by_index) shares.push_back(dir);
  return shares;
}

}  // namespace sakip
