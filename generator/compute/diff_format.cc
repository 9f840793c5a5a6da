// Text, Markdown (for pull-request comments) and JSON forms of a ModelDiff.
#include <map>
#include <nlohmann/json.hpp>

#include "diff.h"

namespace sakip {

const char* ChangeKindWord(ChangeKind k) {
  switch (k) {
    case ChangeKind::kAdded:
      return "ditambah";
    case ChangeKind::kRemoved:
      return "dihapus";
    case ChangeKind::kMoved:
      return "dipindah";
    case ChangeKind::kChanged:
      return "diubah";
  }
  return "";
}

std::string FieldLabel(const std::string& field) {
  static const std::map<std::string, std::string> kLabels = {
      {"nama", "Nama"},
      {"jenis", "Jenis"},
      {"pemerintah", "Pemerintah daerah"},
      {"dasar_hukum", "Dasar hukum"},
      {"pimpinan", "Pimpinan"},
      {"eselon", "Eselon"},
      {"atasan", "Atasan"},
      {"pejabat", "Pejabat"},
      {"tugas", "Tugas"},
      {"fungsi", "Fungsi"},
      {"sasaran", "Sasaran"},
      {"formulasi", "Formulasi"},
      {"sumber_data", "Sumber data"},
      {"satuan", "Satuan"},
      {"target", "Target"},
      {"target_triwulan", "Target triwulan"},
      {"polaritas", "Polaritas"},
      {"agregasi", "Agregasi"},
      {"mendukung", "Mendukung indikator"},
      {"anggaran", "Anggaran"},
  };
  auto it = kLabels.find(field);
  if (it != kLabels.end()) return it->second;
  // A field added to diff.cc without a label: readable all the same.
  std::string label = field;
  for (char& c : label) c = c == '_' ? ' ' : c;
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] -= 32;
  return label;
}

namespace {

std::string Summary(const ModelDiff& diff) {
  int counts[4] = {0, 0, 0, 0};
  for (const Change& c : diff.changes) ++counts[static_cast<int>(c.kind)];
  std::string out = std::to_string(diff.changes.size()) + " perubahan";
  if (diff.changes.empty()) return "tidak ada perubahan";
  std::string parts;
  for (int k = 0; k < 4; ++k) {
    if (!counts[k]) continue;
    parts += (parts.empty() ? "" : ", ") + std::to_string(counts[k]) + " " +
             ChangeKindWord(static_cast<ChangeKind>(k));
  }
  return out + " (" + parts + ")";
}

std::string Words(const FieldChange& f, const char* del_open,
                  const char* del_close, const char* add_open,
                  const char* add_close) {
  std::string out;
  for (const WordDiffPart& p : f.words) {
    if (!out.empty()) out += " ";
    if (p.kind == WordDiffPart::kRemoved) {
      out += del_open + p.text + del_close;
    } else if (p.kind == WordDiffPart::kAdded) {
      out += add_open + p.text + add_close;
    } else {
      out += p.text;
    }
  }
  return out;
}

std::string OrDash(const std::string& s) { return s.empty() ? "–" : s; }

// Markdown text that cannot break the surrounding list or table.
std::string Md(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += ' ';
    } else {
      if (std::string("\\`*_[]<>|~").find(c) != std::string::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string FormatDiffText(const ModelDiff& diff) {
  std::string out = "Perubahan dari " + diff.from_label + " ke " +
                    diff.to_label + ": " + Summary(diff) + "\n";
  for (const Change& c : diff.changes) {
    const char* mark = c.kind == ChangeKind::kAdded     ? "+"
                       : c.kind == ChangeKind::kRemoved ? "-"
                       : c.kind == ChangeKind::kMoved   ? ">"
                                                        : "~";
    out += std::string(mark) + " " + c.what + " " + c.key + " (" + c.nama + ")";
    if (c.kind == ChangeKind::kMoved) out += ", dipindah dari " + c.from;
    out += "\n";
    for (const FieldChange& f : c.fields) {
      out += "    " + f.field + ": ";
      out += f.words.empty() ? OrDash(f.before) + " -> " + OrDash(f.after)
                             : Words(f, "[-", "-]", "{+", "+}");
      out += "\n";
    }
  }
  return out;
}

std::string FormatDiffMarkdown(const ModelDiff& diff) {
  std::string out = "### Perubahan indikator kinerja: " + Md(diff.from_label) +
                    " → " + Md(diff.to_label) + "\n\n**" + Summary(diff) +
                    "**\n";
  const char* sections[][2] = {{"unit", "Unit kerja"},
                               {"jabatan", "Jabatan"},
                               {"indikator", "Indikator"},
                               {"perjanjian", "Perjanjian Kinerja"},
                               {"sasaran", "Sasaran Perjanjian Kinerja"}};
  for (const auto& section : sections) {
    std::string body;
    for (const Change& c : diff.changes) {
      if (c.what != section[0]) continue;
      body += "- **" + std::string(ChangeKindWord(c.kind)) + "** `" + c.key +
              "` " + Md(c.nama);
      if (c.kind == ChangeKind::kMoved) body += " (dari `" + c.from + "`)";
      body += "\n";
      for (const FieldChange& f : c.fields) {
        body += "  - `" + f.field + "`: ";
        body += f.words.empty()
                    ? Md(OrDash(f.before)) + " → " + Md(OrDash(f.after))
                    : Words(f, "~~", "~~", "**", "**");
        body += "\n";
      }
    }
    if (!body.empty())
      out += "\n#### " + std::string(section[1]) + "\n\n" + body;
  }
  return out;
}

std::string FormatDiffJson(const ModelDiff& diff) {
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const Change& c : diff.changes) {
    nlohmann::ordered_json item;
    item["kind"] = ChangeKindWord(c.kind);
    item["what"] = c.what;
    item["key"] = c.key;
    item["nama"] = c.nama;
    if (c.kind == ChangeKind::kMoved) item["from"] = c.from;
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const FieldChange& f : c.fields) {
      fields.push_back(
          {{"field", f.field},
           {"before",
            f.before.empty() ? nullptr : nlohmann::ordered_json(f.before)},
           {"after",
            f.after.empty() ? nullptr : nlohmann::ordered_json(f.after)}});
    }
    item["fields"] = fields;
    changes.push_back(item);
  }
  nlohmann::ordered_json root;
  root["from"] = diff.from_label;
  root["to"] = diff.to_label;
  root["changes"] = changes;
  return root.dump(1) + "\n";
}

}  // namespace sakip
