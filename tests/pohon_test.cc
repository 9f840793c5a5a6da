// The cascade of a year's Perjanjian Kinerja: `mendukung` on a PK sasaran
// (resolved against the superior's PK of the same year, then its IKI),
// inherited through `iki`, and the pohon kinerja drawn from the rows of
// the year shown.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>

#include "charts.h"
#include "compute.h"
#include "test_tree.h"
#include "urls.h"

namespace sakip {
namespace {

// ValidTree's sekretaris has the IKI `dokumen`, `mendukung:
// camat#kinerja-kecamatan`; the camat's PK sasaran `kinerja-pk` measures
// that IKI indicator.
constexpr const char* kPk2024 =
    "tahun: 2024\n"                                             // 1
    "jabatan:\n"                                                // 2
    "  camat:\n"                                                // 3
    "    sasaran:\n"                                            // 4
    "      - { id: kinerja-pk, iki: kinerja-kecamatan }\n"      // 5
    "      - { id: layanan, indikator: Layanan, target: 9 }\n"  // 6
    "  sekretaris:\n"                                           // 7
    "    sasaran:\n"                                            // 8
    "      - id: rencana\n"                                     // 9
    "        mendukung: camat#kinerja-pk\n"                     // 10
    "        indikator: Rencana kerja\n"                        // 11
    "        target: 1\n"                                       // 12
    "      - id: dokumen\n"                                     // 13
    "        iki: dokumen\n"                                    // 14
    "      - id: ke-iki\n"                                      // 15
    "        mendukung: camat#kinerja-kecamatan\n"              // 16
    "        indikator: Ke IKI\n"                               // 17
    "        target: 2\n"                                       // 18
    "      - id: sendiri\n"                                     // 19
    "        iki: dokumen\n"                                    // 20
    "        mendukung: camat#layanan\n"                        // 21
    "      - id: salah\n"                                       // 22
    "        mendukung: camat#kinerja-pkk\n"                    // 23
    "        indikator: Salah\n"                                // 24
    "        target: 3\n"                                       // 25
    "      - id: tahun-lain\n"                                  // 26
    "        mendukung: camat#lama\n"                           // 27
    "        indikator: Tahun lain\n"                           // 28
    "        target: 4\n";                                      // 29

// The camat's 2023 PK has a sasaran `lama`: not visible from 2024.
constexpr const char* kPk2023 =
    "tahun: 2023\njabatan:\n  camat:\n    sasaran:\n"
    "      - { id: lama, indikator: Lama, target: 1 }\n";

MemoryFileSystem CascadeTree() {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/perjanjian/2024.yaml", kPk2024);
  fs.Write("kota/kec/perjanjian/2023.yaml", kPk2023);
  return fs;
}

const PerjanjianSasaran& Sasaran(const Unit& unit, int year,
                                 const std::string& jabatan,
                                 const std::string& id) {
  const PerjanjianSasaran* s =
      unit.FindPerjanjian(year)->FindJabatan(jabatan)->FindSasaran(id);
  REQUIRE(s);
  return *s;
}

TEST_CASE("PK sasaran mendukung: sasaran first, then IKI, inherited by iki") {
  testing::Checked c = testing::Check(CascadeTree());
  const Unit& kec = *c.model.FindUnit("kota/kec");
  const Jabatan& camat = *kec.FindJabatan("camat");
  const Indikator& camat_pk =
      Sasaran(kec, 2024, "camat", "kinerja-pk").indikator;
  const Indikator& layanan = Sasaran(kec, 2024, "camat", "layanan").indikator;

  // A sasaran of the superior's PK of the same year.
  const Indikator& rencana =
      Sasaran(kec, 2024, "sekretaris", "rencana").indikator;
  CHECK(rencana.mendukung == &camat_pk);
  CHECK(rencana.mendukung_jabatan == &camat);
  // No such sasaran: the superior's IKI indicator.
  const Indikator& ke_iki =
      Sasaran(kec, 2024, "sekretaris", "ke-iki").indikator;
  CHECK(ke_iki.mendukung == camat.FindIndikator("kinerja-kecamatan"));
  // No `mendukung` of its own: the linked IKI indicator's.
  const Indikator& dokumen =
      Sasaran(kec, 2024, "sekretaris", "dokumen").indikator;
  CHECK(dokumen.mendukung_ref.text == "camat#kinerja-kecamatan");
  CHECK(dokumen.mendukung == camat.FindIndikator("kinerja-kecamatan"));
  // Its own wins over the IKI's.
  const Indikator& sendiri =
      Sasaran(kec, 2024, "sekretaris", "sendiri").indikator;
  CHECK(sendiri.mendukung == &layanan);

  // Unknown: file:line:col, with the nearest of the sasaran and IKI ids.
  std::vector<std::string> errors;
  for (const Diagnostic& d : c.diagnostics.all()) {
    errors.push_back(d.pos.path.str() + ":" + std::to_string(d.pos.line) + ":" +
                     std::to_string(d.pos.col) + ": " + d.message + " | " +
                     d.hint);
  }
  std::sort(errors.begin(), errors.end());
  CHECK(errors == std::vector<std::string>{
                      "kota/kec/perjanjian/2024.yaml:23:20: `mendukung`: "
                      "jabatan `camat` has no sasaran `kinerja-pkk` in its "
                      "2024 PK and no IKI indikator `kinerja-pkk` | did you "
                      "mean `kinerja-pk`?",
                      "kota/kec/perjanjian/2024.yaml:27:20: `mendukung`: "
                      "jabatan `camat` has no sasaran `lama` in its 2024 PK "
                      "and no IKI indikator `lama` | "});
  CHECK(Sasaran(kec, 2024, "sekretaris", "salah").indikator.mendukung ==
        nullptr);
}

TEST_CASE("PK sasaran mendukung: bad form and unknown jabatan") {
  MemoryFileSystem fs = testing::ValidTree();
  fs.Write("kota/kec/perjanjian/2024.yaml",
           "tahun: 2024\njabatan:\n  sekretaris:\n    sasaran:\n"
           "      - { id: a, indikator: A, target: 1, mendukung: camat }\n"
           "      - { id: b, indikator: B, target: 1, mendukung: camt#x }\n");
  testing::Checked c = testing::Check(fs);
  std::vector<std::string> lines = c.Lines();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find("2024.yaml:5:") != std::string::npos);
  CHECK(lines[0].find("`mendukung` names an indicator") != std::string::npos);
  CHECK(lines[1].find("2024.yaml:6:") != std::string::npos);
  CHECK(lines[1].find("no jabatan `camt`") != std::string::npos);
  const Diagnostic* unknown = nullptr;
  for (const Diagnostic& d : c.diagnostics.all()) {
    if (d.message.find("camt") != std::string::npos) unknown = &d;
  }
  REQUIRE(unknown);
  CHECK(unknown->hint == "did you mean `camat`?");
}

std::map<std::string, std::string> NodeLabels(const GraphSpec& spec) {
  std::map<std::string, std::string> labels;
  for (const GraphNode& n : spec.nodes) {
    labels[n.id] = n.attributes.at("label");
  }
  return labels;
}

std::set<std::pair<std::string, std::string>> Edges(const GraphSpec& spec) {
  std::set<std::pair<std::string, std::string>> edges;
  for (const GraphEdge& e : spec.edges) edges.insert({e.from, e.to});
  return edges;
}

TEST_CASE("pohon kinerja: the PK rows in a PK year, the IKI otherwise") {
  MemoryFileSystem fs = CascadeTree();
  // Without the two bad links.
  std::string pk = kPk2024;
  pk = pk.substr(0, pk.find("      - id: salah\n"));
  fs.Write("kota/kec/perjanjian/2024.yaml", pk);
  testing::Checked c = testing::Check(fs);
  REQUIRE(c.Lines().empty());
  Results results = ComputeResults(c.model, &c.diagnostics);
  const Unit& kec = *c.model.FindUnit("kota/kec");
  const std::string page = UnitPath(kec);

  GraphSpec pohon = PohonKinerja(kec, page, results, 2024, c.model.site);
  CHECK(pohon.graph.at("id") == "pohon");
  const std::string k = "kota/kec/";
  // The links to the camat's IKI `kinerja-kecamatan` are drawn to the
  // sasaran that measures it in 2024.
  CHECK(Edges(pohon) ==
        std::set<std::pair<std::string, std::string>>{
            {k + "camat#pk:kinerja-pk", k + "sekretaris#pk:rencana"},
            {k + "camat#pk:kinerja-pk", k + "sekretaris#pk:dokumen"},
            {k + "camat#pk:kinerja-pk", k + "sekretaris#pk:ke-iki"},
            {k + "camat#pk:layanan", k + "sekretaris#pk:sendiri"}});
  std::map<std::string, std::string> labels = NodeLabels(pohon);
  CHECK(labels.size() == 6);
  CHECK(labels[k + "camat#pk:kinerja-pk"].find("Nilai kinerja kecamatan") == 0);
  CHECK(labels[k + "sekretaris#pk:rencana"].find("Rencana kerja") == 0);
  CHECK(labels[k + "sekretaris#pk:rencana"].find("Sekretaris Kecamatan") !=
        std::string::npos);
  for (const GraphNode& n : pohon.nodes) {
    bool camat = n.id.find("/camat#") != std::string::npos;
    CHECK(n.attributes.at("URL") == (camat ? "jabatan/camat/index.html"
                                           : "jabatan/sekretaris/index.html"));
  }

  // 2023: the camat's PK has no sasaran of the sekretaris; the sekretaris
  // has no PK, so its IKI row cascades into the camat's IKI.
  GraphSpec iki = PohonKinerja(kec, page, results, 2023, c.model.site);
  CHECK(Edges(iki) ==
        std::set<std::pair<std::string, std::string>>{
            {k + "camat#kinerja-kecamatan", k + "sekretaris#dokumen"}});
}

}  // namespace
}  // namespace sakip
