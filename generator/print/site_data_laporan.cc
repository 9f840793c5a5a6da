// Template data of the quarterly performance report (Laporan Kinerja
// Triwulan), laid out as in shared/spec/documents.md: part A from the
// year's Perjanjian Kinerja when there is one, the capaian and
// cost-per-outcome tables from the computed results, and the copied
// evaluasi texts, marked where they quote a figure the computation replaced.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <span>

#include "indonesian_format.h"
#include "site_data.h"
#include "site_data_cetak.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;
using cetak::Upper;

namespace {

const LaporanTriwulan* FindLaporan(const Jabatan& j, int tahun, int q) {
  for (const auto& r : j.unit->realisasi) {
    if (r->tahun != tahun) continue;
    auto it = r->laporan.find(j.id);
    if (it != r->laporan.end() && it->second[q - 1]) return &*it->second[q - 1];
  }
  return nullptr;
}

std::string Persen(double value) { return FormatAngka(value) + " %"; }

}  // namespace

// The percentages an evaluasi text quotes that are within 1 point of
// neither the computed capaian nor the computed serapan of its row: such a
// text was copied from the official report and quotes the figure the
// computation replaced. Returns the note that gives both, or "" (see
// docs/decisions.md).
std::string CatatanAngkaEvaluasi(std::string_view teks, const Nilai& capaian,
                                 const Nilai& serapan, const Nilai& realisasi,
                                 const std::string& satuan) {
  if (!capaian.has_value() && !serapan.has_value() && !realisasi.has_value()) {
    return "";
  }
  static const std::regex kPersen(R"((-?\d+(?:,\d+)?)\s*%)");
  std::vector<std::string> lain;
  std::string text(teks);
  for (std::sregex_iterator it(text.begin(), text.end(), kPersen), end;
       it != end; ++it) {
    std::string number = (*it)[1];
    for (char& ch : number) {
      if (ch == ',') ch = '.';
    }
    double quoted = std::strtod(number.c_str(), nullptr);
    auto near = [quoted](const Nilai& n) {
      return n.has_value() && std::fabs(*n.value() - quoted) <= 1;
    };
    // The nearest of "kinerja" and "anggaran" before the figure names the
    // quantity it is ("capaian serapan anggaran 40 %, capaian kinerja
    // 43 %"): a capaian kinerja that happens to equal the serapan is still
    // a replaced capaian. Without either word, either figure will do.
    std::string before = text.substr(0, it->position());
    std::transform(before.begin(), before.end(), before.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    size_t kinerja = before.rfind("kinerja");
    size_t anggaran = before.rfind("anggaran");
    bool is_capaian = kinerja != std::string::npos &&
                      (anggaran == std::string::npos || kinerja > anggaran);
    bool is_serapan = anggaran != std::string::npos && !is_capaian;
    if (is_capaian   ? near(capaian)
        : is_serapan ? near(serapan)
                     : near(capaian) || near(serapan)) {
      continue;
    }
    std::string shown = Persen(quoted);
    if (std::find(lain.begin(), lain.end(), shown) == lain.end()) {
      lain.push_back(shown);
    }
  }
  // A count in the indicator's own unit ("361 kasus") that is not the
  // computed realisasi (351) is a replaced figure too.
  bool jumlah_lain = false;
  if (realisasi.has_value() && !satuan.empty() && satuan != "%") {
    std::string escaped;
    for (char ch : satuan) {
      if (!std::isalnum(static_cast<unsigned char>(ch))) escaped += '\\';
      escaped += ch;
    }
    const std::regex kJumlah(R"((^|[^\d.,])(\d+)\s+)" + escaped + R"(\b)",
                             std::regex::icase);
    for (std::sregex_iterator it(text.begin(), text.end(), kJumlah), end;
         it != end; ++it) {
      double quoted = std::strtod(std::string((*it)[2]).c_str(), nullptr);
      if (std::fabs(*realisasi.value() - quoted) < 0.005) continue;
      std::string shown = std::string((*it)[2]) + " " + satuan;
      if (std::find(lain.begin(), lain.end(), shown) == lain.end()) {
        lain.push_back(shown);
      }
      jumlah_lain = true;
    }
  }
  if (lain.empty()) return "";
  std::string quoted;
  for (const std::string& one : lain) {
    quoted += (quoted.empty() ? "" : ", ") + one;
  }
  std::string computed;
  if (capaian.has_value()) computed = "capaian " + Persen(*capaian.value());
  if (serapan.has_value()) {
    computed += (computed.empty() ? "" : ", ") +
                std::string("serapan anggaran ") + Persen(*serapan.value());
  }
  if (jumlah_lain) {
    computed += (computed.empty() ? "" : ", ") + std::string("realisasi ") +
                FormatAngka(*realisasi.value()) + " " + satuan;
  }
  return "Angka dalam teks ini dikutip dari laporan resmi (" + quoted +
         "); hasil perhitungan: " + computed + ".";
}

namespace {

// Part A: the sasaran and budget tables of the year's PK, or without a PK
// the jabatan's IKI indicators and their budgets.
void PutPerjanjian(data& d, const Jabatan& j, int tahun) {
  data pk = ListData(), anggaran = ListData();
  double total = 0;
  auto add_anggaran = [&](const Anggaran& a) {
    data row;
    Put(row, "no", std::to_string(anggaran.list_value().size() + 1));
    Put(row, "kegiatan", a.kegiatan);
    Put(row, "pagu", a.pagu ? FormatAngka(*a.pagu, 0) : kTanpaNilai);
    Put(row, "sumber_dana", a.sumber_dana);
    Push(anggaran, std::move(row));
    total += a.pagu.value_or(0);
  };
  auto add_sasaran = [&](const Indikator& ind) {
    data row;
    Put(row, "no", std::to_string(pk.list_value().size() + 1));
    Put(row, "sasaran", ind.sasaran);
    Put(row, "indikator", ind.nama);
    Put(row, "target", FormatTarget(ind));
    Push(pk, std::move(row));
  };
  if (const PerjanjianJabatan* pj = cetak::PerjanjianOf(j, tahun)) {
    for (const PerjanjianSasaran& s : pj->sasaran) add_sasaran(s.indikator);
    for (const PerjanjianAnggaran& a : pj->anggaran) add_anggaran(a.anggaran);
    Put(d, "dari_pk", true);
  } else {
    for (const Indikator& ind : j.indikator) {
      add_sasaran(ind);
      if (ind.anggaran) add_anggaran(*ind.anggaran);
    }
  }
  Put(d, "pk", std::move(pk));
  Put(d, "ada_anggaran", !anggaran.is_empty_list());
  Put(d, "anggaran", std::move(anggaran));
  Put(d, "total_anggaran", FormatAngka(total, 0));
}

// The Keterangan of a capaian row: the predikat, or that the figure is
// progress towards the annual target (never judged); and the official
// report's figure when it differs from the computed one.
std::string Keterangan(const HasilTriwulan& q) {
  std::string text;
  if (q.progres && q.capaian.has_value()) {
    text = "Progres terhadap target tahunan, tanpa predikat";
  } else if (!q.predikat.empty()) {
    text = "Predikat: " + std::string(q.predikat);
  }
  if (q.dilaporkan) {
    std::string official = Persen(*q.dilaporkan);
    if (FormatNilai(q.capaian, true) != official) {
      text += (text.empty() ? "" : "; ") +
              std::string("capaian dalam laporan resmi: ") + official;
    }
  }
  return text;
}

// A text of the report with its note, when it quotes a figure the
// computation replaced (CatatanAngkaEvaluasi).
void PutTeks(data& d, const std::string& key, const std::string& teks,
             const HasilTriwulan& q, const std::string& satuan) {
  Put(d, key, teks);
  Put(d, key + "_catatan",
      CatatanAngkaEvaluasi(teks, q.capaian, q.serapan, q.realisasi, satuan));
}

// Part D: one table row per Rencana Tindak Lanjut row. The Kode and
// Kegiatan cells span the rows that follow until one names its own
// activity, as in the official report's merged cells.
void PushTindakLanjut(data& rtl, const HasilTriwulan& q,
                      const Anggaran* anggaran, const std::string& kegiatan,
                      const std::string& satuan) {
  std::span<const BarisTindakLanjut> rows = q.tindak_lanjut;
  auto own_activity = [](const BarisTindakLanjut& b) {
    return !b.kode.empty() || !b.kegiatan.empty();
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    const BarisTindakLanjut& b = rows[i];
    data r;
    if (i == 0 || own_activity(b)) {
      size_t span = 1;
      while (i + span < rows.size() && !own_activity(rows[i + span])) ++span;
      Put(r, "rtl_kepala", true);
      Put(r, "rtl_rowspan", std::to_string(span));
      bool own = own_activity(b);
      Put(r, "rtl_kode", own ? b.kode : (anggaran ? anggaran->kode : ""));
      Put(r, "rtl_kegiatan",
          own && !b.kegiatan.empty() ? b.kegiatan : kegiatan);
    }
    // Keys of their own: an absent key is looked up in the enclosing data.
    PutTeks(r, "rtl_evaluasi", b.evaluasi, q, satuan);
    PutTeks(r, "rtl_tindak_lanjut", b.tindak_lanjut, q, satuan);
    PutTeks(r, "rtl_keterangan", b.keterangan, q, satuan);
    Push(rtl, std::move(r));
  }
}

}  // namespace

Page LaporanCetak(const SiteContext& c, const Jabatan& j, int tahun, int q) {
  Page page =
      cetak::PrintPage(c, CetakLaporanPath(j, tahun, q), "cetak_laporan",
                       "Laporan Kinerja Triwulan " + Romawi(q) + " " +
                           std::to_string(tahun) + " " + j.nama,
                       *j.unit);
  data& d = page.data;
  Put(d, "triwulan", Romawi(q));
  Put(d, "tahun", std::to_string(tahun));
  Put(d, "jabatan", Upper(j.nama));
  Put(d, "jabatan_biasa", j.nama);
  Put(d, "unit", Upper(j.unit->nama));
  Put(d, "unit_biasa", j.unit->nama);
  Put(d, "pemerintah", Upper(j.unit->pemerintah));
  PutTugasFungsi(d, j);
  Put(d, "atasan", j.atasan ? j.atasan->nama : "");
  PutPerjanjian(d, j, tahun);
  data capaian = ListData(), biaya = ListData(), evaluasi = ListData(),
       rtl = ListData();
  int n = 0;
  bool dari_pk = cetak::PerjanjianOf(j, tahun) != nullptr;
  for (const HasilIndikator* h : cetak::BarisHasil(c.results, j, tahun)) {
    const Indikator& ind = *h->indikator;
    const HasilTriwulan& hq = h->triwulan[q - 1];
    // A year with a PK reports against the PK: an IKI indicator beside it
    // is shown only when figures were reported for it this quarter.
    if (dari_pk && !h->sasaran && !hq.dilapor) continue;
    std::string no = std::to_string(++n);
    bool percent = ind.satuan == "%";
    const Anggaran* anggaran = ind.anggaran ? &*ind.anggaran : nullptr;
    data cap;
    Put(cap, "no", no);
    Put(cap, "sasaran", ind.sasaran);
    Put(cap, "indikator", ind.nama);
    Put(cap, "target_angka", FormatNilai(hq.target, percent));
    Put(cap, "realisasi", FormatNilai(hq.realisasi, percent));
    Put(cap, "capaian", FormatNilai(hq.capaian, true));
    Put(cap, "progres", hq.progres && hq.capaian.has_value());
    Put(cap, "keterangan", Keterangan(hq));
    Push(capaian, cap);
    data b = cap;
    Put(b, "pagu",
        anggaran && anggaran->pagu ? FormatAngka(*anggaran->pagu, 0)
                                   : kTanpaNilai);
    Put(b, "realisasi_anggaran",
        hq.realisasi_anggaran ? FormatAngka(*hq.realisasi_anggaran, 0)
                              : kTanpaNilai);
    Put(b, "serapan", FormatNilai(hq.serapan, true));
    Put(b, "efisiensi",
        hq.efisiensi.has_value() ? FormatAngka(*hq.efisiensi.value())
                                 : kTanpaNilai);
    Put(b, "efisiensi_label", hq.efisiensi_label);
    Push(biaya, std::move(b));
    std::string kegiatan = anggaran ? anggaran->kegiatan : ind.nama;
    // Part C lists the first evaluasi of the quarter: the summary row of
    // the indicator; part D has every row.
    auto first = std::find_if(
        hq.tindak_lanjut.begin(), hq.tindak_lanjut.end(),
        [](const BarisTindakLanjut& b) { return !b.evaluasi.empty(); });
    if (first != hq.tindak_lanjut.end()) {
      data e;
      Put(e, "no", no);
      Put(e, "kegiatan", kegiatan);
      Put(e, "indikator", ind.nama);
      PutTeks(e, "teks", first->evaluasi, hq, ind.satuan);
      Push(evaluasi, std::move(e));
    }
    PushTindakLanjut(rtl, hq, anggaran, kegiatan, ind.satuan);
  }
  Put(d, "capaian", std::move(capaian));
  Put(d, "biaya", std::move(biaya));
  Put(d, "ada_evaluasi", !evaluasi.is_empty_list());
  Put(d, "evaluasi", std::move(evaluasi));
  Put(d, "ada_rtl", !rtl.is_empty_list());
  Put(d, "rtl", std::move(rtl));
  const LaporanTriwulan* laporan = FindLaporan(j, tahun, q);
  std::string tempat = laporan ? laporan->tempat : "";
  std::optional<Date> tanggal = laporan ? laporan->tanggal : std::nullopt;
  const Pejabat* self = laporan && laporan->pejabat ? &*laporan->pejabat
                        : j.pejabat                 ? &*j.pejabat
                                                    : nullptr;
  const Pejabat* boss = laporan && laporan->atasan      ? &*laporan->atasan
                        : j.atasan && j.atasan->pejabat ? &*j.atasan->pejabat
                                                        : nullptr;
  std::string self_title =
      self && !self->sebutan.empty() ? self->sebutan : j.nama;
  std::string boss_title = boss && !boss->sebutan.empty()
                               ? boss->sebutan
                               : (j.atasan ? j.atasan->nama : "");
  Put(d, "ttd_dua",
      cetak::TtdDua(cetak::Ttd("", std::nullopt, Upper(boss_title), boss),
                    cetak::Ttd(tempat, tanggal, Upper(self_title), self)));
  return page;
}

}  // namespace sakip
