#include "scaffold.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "content_parsers.h"
#include "file_system.h"
#include "resolve.h"
#include "suggest.h"

namespace sakip {

namespace {

// "kecamatan-ranuyoso" -> "Kecamatan Ranuyoso": a name to replace.
std::string TitleFromId(const std::string& id) {
  std::string out;
  bool start = true;
  for (char c : id) {
    if (c == '-') {
      out += ' ';
      start = true;
      continue;
    }
    out += start
               ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
               : c;
    start = false;
  }
  return out;
}

std::string IdProblem(const std::string& what, const std::string& id) {
  if (IsValidId(id)) return "";
  std::string suggestion = SuggestId(id);
  return what + " `" + id +
         "` is not a valid id: use lower-case letters and digits joined by "
         "`-`" +
         (suggestion.empty() ? "" : " (e.g. `" + suggestion + "`)");
}

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

const Unit* FindUnitOrError(const Model& model, const std::string& unit_path,
                            NewFile* out) {
  const Unit* unit = model.FindUnit(unit_path);
  if (!unit) {
    out->error = "no unit `" + unit_path +
                 "` in the content (a unit is a folder with unit.yaml); "
                 "make it with `sakip new unit " +
                 unit_path + "`";
  }
  return unit;
}

}  // namespace

NewFile NewUnit(const Model& model, const std::string& unit_path) {
  NewFile out;
  std::filesystem::path path(unit_path);
  for (const auto& part : path) {
    std::string problem = IdProblem("folder", part.string());
    if (!problem.empty()) {
      out.error = problem;
      return out;
    }
  }
  std::string parent = path.parent_path().string();
  if (!parent.empty() && !model.FindUnit(parent)) {
    out.error = "the parent folder `" + parent +
                "` is not a unit; make it first with `sakip new unit " +
                parent + "`";
    return out;
  }
  out.path = unit_path + "/unit.yaml";
  out.text =
      "# Unit kerja. Format: docs/content-format.md; the folder name is the "
      "unit id.\n"
      "nama: " +
      Quoted(TitleFromId(path.filename().string())) +
      "\n"
      "# pemda | dinas | badan | satpol-pp | kecamatan | kelurahan | desa | "
      "sekretariat | lainnya\n"
      "jenis: lainnya\n"
      "# First line of the letterhead (kop surat) of printed documents:\n"
      "# pemerintah: Pemerintah Kabupaten ...\n"
      "# kop:\n"
      "#   alamat: Jalan ...\n"
      "#   telepon: (0334) ...\n"
      "#   kota: ...\n"
      "# The regulation that sets the unit's tasks:\n"
      "# dasar_hukum: Peraturan Bupati Nomor ... Tahun ... tentang ...\n"
      "# The jabatan id of the head (add it with `sakip new jabatan " +
      unit_path + " ID`):\n# pimpinan: kepala\n";
  return out;
}

NewFile NewJabatan(const Model& model, const std::string& unit_path,
                   const std::string& id) {
  NewFile out;
  if (!(out.error = IdProblem("jabatan", id)).empty()) return out;
  const Unit* unit = FindUnitOrError(model, unit_path, &out);
  if (!unit) return out;
  // The head of this unit, else of the nearest unit above that has one.
  std::string atasan;
  std::string up;
  for (const Unit* u = unit; u && atasan.empty(); u = u->parent, up += "../") {
    if (u->pimpinan && u->pimpinan->id != id) atasan = up + u->pimpinan->id;
  }
  out.path = unit_path + "/jabatan/" + id + ".md";
  out.text =
      "---\n"
      "# Jabatan. Format: docs/content-format.md; the file name is its id.\n"
      "nama: " +
      Quoted(TitleFromId(id)) +
      "\n"
      "jenis: pelaksana          # jpt | administrator | pengawas | "
      "fungsional | pelaksana\n" +
      (atasan.empty()
           ? "# atasan: ...             # none: this is the head of the unit\n"
           : "atasan: " + atasan + "  # the superior jabatan\n") +
      "# pejabat:                 # the current holder\n"
      "#   nama: ...\n"
      "#   nip: \"...\"             # 18 digits\n"
      "#   pangkat: ...\n"
      "#   golongan: ...\n"
      "tugas: Tuliskan tugas jabatan ini.\n"
      "fungsi: []                # the functions, one item each\n"
      "indikator:\n"
      "  - id: indikator-1\n"
      "    sasaran: Tuliskan sasaran kinerja\n"
      "    nama: Persentase ...\n"
      "    formulasi: Jumlah ... dibagi jumlah ... dikali 100%\n"
      "    sumber_data: [Tuliskan sumber data]\n"
      "    satuan: \"%\"\n"
      "    target: 100\n"
      "    # target_triwulan: [25, 50, 75, 100]\n"
      "    # polaritas: negatif     # when lower is better\n"
      "---\n"
      "Catatan tentang jabatan ini (Markdown, boleh dikosongkan).\n";
  return out;
}

NewFile NewKeputusan(const Model& model, const std::string& unit_path,
                     const std::string& id, const Date& today) {
  NewFile out;
  if (!(out.error = IdProblem("keputusan", id)).empty()) return out;
  const Unit* unit = FindUnitOrError(model, unit_path, &out);
  if (!unit) return out;
  if (!unit->pimpinan) {
    out.error = "unit `" + unit_path +
                "` has no head to sign the keputusan; add one with `sakip "
                "new jabatan " +
                unit_path + " ID` first";
    return out;
  }
  std::string tahun = std::to_string(today.year);
  out.path = unit_path + "/keputusan/" + id + ".md";
  out.text =
      "---\n"
      "# Keputusan that sets the IKI. Format: docs/content-format.md.\n"
      "jenis: Keputusan " +
      TitleFromId(unit->pimpinan->id) +
      "\n"
      "nomor: 000/000/" +
      tahun +
      "               # as registered\n"
      "tentang: " +
      Quoted("Indikator Kinerja Individu " + unit->nama + " Tahun " + tahun) +
      "\n"
      "menimbang:\n"
      "  - bahwa dalam rangka meningkatkan akuntabilitas kinerja perlu "
      "ditetapkan Indikator Kinerja Individu;\n"
      "mengingat:\n"
      "  - Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
      "Akuntabilitas Kinerja Instansi Pemerintah;\n"
      "diktum:\n"
      "  - Indikator Kinerja Individu sebagaimana tercantum dalam Lampiran "
      "Keputusan ini.\n"
      "  - Keputusan ini mulai berlaku pada tanggal ditetapkan.\n"
      "ditetapkan_di: " +
      Quoted(unit->kop.kota.empty() ? "..." : unit->kop.kota) +
      "\n"
      "tanggal: " +
      tahun + "-" + TwoDigits(today.month) + "-" + TwoDigits(today.day) +
      "\n"
      "penandatangan: " +
      unit->pimpinan->id +
      "\n"
      "lampiran:\n"
      "  judul: " +
      Quoted("Indikator Kinerja Individu " + unit->nama + " Tahun " + tahun) +
      "\n"
      "  # jabatan: [...]         # default: every jabatan of the unit\n"
      "  # sub_unit: true         # also the jabatan of the units below\n"
      "---\n";
  return out;
}

namespace {

// One jabatan's agreement: its IKI as sasaran, each linked by `iki`.
std::string AgreementOf(const Jabatan& jabatan) {
  std::string text =
      "  " + jabatan.id + ":  # pihak pertama: " + Quoted(jabatan.nama) + "\n";
  text +=
      jabatan.atasan_ref.empty()
          ? "    # pihak_kedua: ...  # no atasan: name the superior\n"
          : "    pihak_kedua: " + jabatan.atasan_ref.text + "  # its atasan\n";
  if (jabatan.indikator.empty()) {
    return text + "    sasaran: []  # no IKI yet: add sasaran of its own\n";
  }
  text += "    sasaran:\n";
  for (const Indikator& ind : jabatan.indikator) {
    text += "      - id: " + ind.id + "\n        iki: " + ind.id +
            "  # inherits sasaran, indikator, target, satuan, ...\n"
            "        # target: 100  # to promise another figure than the "
            "IKI's\n"
            "        # rencana_aksi: [25, 50, 75, 100]  # target to quarter "
            "I..IV, as aggregated\n";
  }
  return text +
         "    # anggaran:  # the budget table of the PK lampiran\n"
         "    #   - kode: ...\n"
         "    #     kegiatan: ...\n"
         "    #     pagu: 0\n"
         "    #     sumber_dana: ...\n"
         "    #     sasaran: " +
         jabatan.indikator[0].id + "  # the sasaran it funds\n";
}

}  // namespace

NewFile NewPerjanjian(const Model& model, const std::string& unit_path,
                      const std::string& tahun, const Date& today) {
  NewFile out;
  bool year =
      tahun.size() == 4 && std::all_of(tahun.begin(), tahun.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
  if (!year) {
    out.error = "`" + tahun + "` is not a year: write it as 4 digits, e.g. " +
                std::to_string(today.year);
    return out;
  }
  const Unit* unit = FindUnitOrError(model, unit_path, &out);
  if (!unit) return out;
  std::vector<const Jabatan*> jabatan = HierarchyOrder(*unit);
  if (jabatan.empty()) {
    out.error = "unit `" + unit_path +
                "` has no jabatan to make an agreement; add them with "
                "`sakip new jabatan " +
                unit_path + " ID` first";
    return out;
  }
  out.path = unit_path + "/perjanjian/" + tahun + ".yaml";
  out.text = "# Perjanjian Kinerja (PK) " + tahun + " of " + unit->nama +
             ", with its Rencana Aksi.\n"
             "# Format: docs/content-format.md (perjanjian/<tahun>.yaml).\n"
             "tahun: " +
             tahun +
             "\n"
             "jenis: murni  # murni | perubahan (after the APBD-P)\n"
             "tempat: " +
             Quoted(unit->kop.kota.empty() ? "..." : unit->kop.kota) +
             "\n"
             "tanggal: " +
             std::to_string(today.year) + "-" + TwoDigits(today.month) + "-" +
             TwoDigits(today.day) + "\njabatan:\n";
  for (const Jabatan* j : jabatan) out.text += AgreementOf(*j);
  return out;
}

bool WriteNewFile(const std::string& path, const std::string& text,
                  std::string* error) {
  std::error_code ec;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = errno == EEXIST
                 ? path + " already exists; sakip new never replaces a file"
                 : "cannot create " + path + ": " + std::strerror(errno);
    return false;
  }
  if (!WriteAll(fd, text)) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    close(fd);
    return false;
  }
  if (close(fd) != 0) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace sakip
