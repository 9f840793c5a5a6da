// Template data of the printable documents (see site_data.h), laid out as
// in shared/spec/documents.md: the decree with its lampiran, standalone IKI
// sheets and quarterly performance reports.
#include <set>

#include "indonesian_format.h"
#include "nip.h"
#include "resolve.h"
#include "site_data.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;

namespace {

std::string Upper(const std::string& text) {
  std::string out;
  for (char c : text)
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Ukuran(const Site& site) {
  return site.kertas == "A4" ? "210mm 297mm" : "215mm 330mm";
}

data Kop(const Unit& unit) {
  data d;
  // The letterhead is the unit's own, or the nearest ancestor's that has one.
  const Unit* u = &unit;
  while (u->parent && u->kop.alamat.empty() && u->kop.email.empty())
    u = u->parent;
  Put(d, "pemerintah", Upper(unit.pemerintah));
  Put(d, "nama", Upper(unit.nama));
  Put(d, "alamat", u->kop.alamat);
  Put(d, "telepon", u->kop.telepon);
  Put(d, "faks", u->kop.faks);
  Put(d, "email", u->kop.email);
  Put(d, "kota", Upper(u->kop.kota));
  Put(d, "kode_pos", u->kop.kode_pos);
  return d;
}

// A signature block. The NIP is printed only when valid: a NIP a source
// printed wrongly (`nip_tercetak`) is never reproduced.
data Ttd(const std::string& tempat, const std::optional<Date>& tanggal,
         const std::string& sebutan, const Pejabat* pejabat) {
  data d;
  Put(d, "tempat", tempat);
  Put(d, "tanggal", tanggal ? FormatTanggal(*tanggal) : "");
  Put(d, "sebutan", sebutan);
  if (pejabat) {
    Put(d, "nama", pejabat->nama);
    std::string pangkat = pejabat->pangkat;
    if (!pejabat->golongan.empty()) {
      pangkat += (pangkat.empty() ? "" : " (") + pejabat->golongan +
                 (pejabat->pangkat.empty() ? "" : ")");
    }
    Put(d, "pangkat", pangkat);
    NipCheck nip = CheckNip(pejabat->nip);
    if (nip.ok) Put(d, "nip", FormatNip(nip.digits));
  }
  return d;
}

// One IKI sheet: jabatan, tugas, fungsi, tujuan and the indicator table,
// with the sasaran cell spanning the rows that share it (as printed).
data LembarIki(const Jabatan& j) {
  data d;
  Put(d, "jabatan", j.nama);
  Put(d, "eselon", j.eselon);
  PutTugasFungsi(d, j);
  data rows = ListData();
  for (size_t i = 0; i < j.indikator.size(); ++i) {
    const Indikator& ind = j.indikator[i];
    data row;
    Put(row, "no", std::to_string(i + 1));
    bool first = i == 0 || j.indikator[i - 1].sasaran != ind.sasaran;
    if (first) {
      size_t span = 1;
      while (i + span < j.indikator.size() &&
             j.indikator[i + span].sasaran == ind.sasaran) {
        ++span;
      }
      Put(row, "sasaran_awal", true);
      Put(row, "rentang", std::to_string(span));
      Put(row, "sasaran", ind.sasaran);
    }
    Put(row, "indikator", ind.nama);
    Put(row, "formulasi", LinesData(ind.formulasi));
    Put(row, "sumber_data", TextsData(ind.sumber_data, "baris"));
    Put(row, "target", FormatTarget(ind));
    Push(rows, std::move(row));
  }
  Put(d, "tabel", std::move(rows));
  Put(d, "ada_tabel", !j.indikator.empty());
  return d;
}

Page PrintPage(const SiteContext& c, const std::string& path,
               const std::string& template_name, const std::string& judul,
               const Unit& unit) {
  Page page;
  page.path = path;
  page.template_name = template_name;
  page.judul = judul;
  page.unit = &unit;
  Put(page.data, "ukuran_kertas", Ukuran(c.model.site));
  Put(page.data, "kertas", c.model.site.kertas);
  Put(page.data, "css_cetak", RelativeUrl(path, AssetPath("cetak.css")));
  Put(page.data, "kop", Kop(unit));
  return page;
}

Page KeputusanCetak(const SiteContext& c, const Keputusan& k) {
  Page page = PrintPage(c, CetakKeputusanPath(k), "cetak_keputusan",
                        k.jenis + " Nomor " + k.nomor, *k.unit);
  data& d = page.data;
  std::string jenis = Upper(k.jenis);
  Put(d, "jenis", jenis);
  Put(d, "nomor", k.nomor);
  Put(d, "tentang", Upper(k.tentang));
  std::string sebutan = k.sebutan_penandatangan.empty() && k.penandatangan
                            ? k.penandatangan->nama
                            : k.sebutan_penandatangan;
  Put(d, "sebutan", Upper(sebutan));
  Put(d, "menimbang", LetteredData(k.menimbang));
  Put(d, "mengingat", LetteredData(k.mengingat));
  Put(d, "menetapkan",
      k.menetapkan.empty() ? jenis + " TENTANG " + Upper(k.tentang) + "."
                           : k.menetapkan);
  data diktum = ListData();
  MarkdownOptions legal = c.markdown;
  legal.hard_breaks = true;
  for (size_t i = 0; i < k.diktum.size(); ++i) {
    data item;
    Put(item, "urutan", KataUrutan(static_cast<int>(i) + 1));
    Put(item, "html", RenderMarkdown(k.diktum[i], legal));
    Push(diktum, std::move(item));
  }
  Put(d, "diktum", std::move(diktum));
  const Pejabat* pejabat = k.penandatangan && k.penandatangan->pejabat
                               ? &*k.penandatangan->pejabat
                               : nullptr;
  Put(d, "ttd", Ttd(k.ditetapkan_di, k.tanggal, Upper(sebutan), pejabat));
  if (k.lampiran) {
    data l;
    Put(l, "jenis", jenis);
    Put(l, "nomor", k.nomor);
    Put(l, "tanggal", k.tanggal ? FormatTanggal(*k.tanggal) : "");
    Put(l, "tentang", Upper(k.tentang));
    Put(l, "judul", Upper(k.lampiran->judul));
    Put(l, "dasar", k.lampiran->dasar);
    data sheets = ListData();
    for (const Jabatan* j : k.lampiran->jabatan) Push(sheets, LembarIki(*j));
    Put(l, "lembar", std::move(sheets));
    Put(d, "lampiran", std::move(l));
  }
  return page;
}

Page IkiCetak(const SiteContext& c, const Jabatan& j) {
  Page page = PrintPage(c, CetakIkiPath(j), "cetak_iki",
                        "Indikator Kinerja Individu " + j.nama, *j.unit);
  Put(page.data, "lembar", LembarIki(j));
  const Pejabat* pejabat = j.pejabat ? &*j.pejabat : nullptr;
  std::string tempat = j.tanda_tangan ? j.tanda_tangan->tempat : "";
  std::optional<Date> tanggal =
      j.tanda_tangan ? j.tanda_tangan->tanggal : std::nullopt;
  std::string sebutan = j.tanda_tangan && !j.tanda_tangan->sebutan.empty()
                            ? j.tanda_tangan->sebutan
                            : j.nama;
  Put(page.data, "ttd", Ttd(tempat, tanggal, sebutan, pejabat));
  return page;
}

const LaporanTriwulan* FindLaporan(const Jabatan& j, int tahun, int q) {
  for (const auto& r : j.unit->realisasi) {
    if (r->tahun != tahun) continue;
    auto it = r->laporan.find(j.id);
    if (it != r->laporan.end() && it->second[q - 1]) return &*it->second[q - 1];
  }
  return nullptr;
}

Page LaporanCetak(const SiteContext& c, const Jabatan& j, int tahun, int q) {
  Page page = PrintPage(c, CetakLaporanPath(j, tahun, q), "cetak_laporan",
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
  data pk = ListData(), anggaran = ListData(), capaian = ListData(),
       biaya = ListData(), evaluasi = ListData(), rtl = ListData();
  double total = 0;
  int n = 0;
  for (const Indikator& ind : j.indikator) {
    ++n;
    std::string no = std::to_string(n);
    const HasilIndikator* h = c.results.Find(tahun, &ind);
    const HasilTriwulan* hq = h ? &h->triwulan[q - 1] : nullptr;
    bool percent = ind.satuan == "%";
    data row;
    Put(row, "no", no);
    Put(row, "sasaran", ind.sasaran);
    Put(row, "indikator", ind.nama);
    Put(row, "target", FormatTarget(ind));
    Push(pk, row);
    if (ind.anggaran) {
      data a;
      Put(a, "no", std::to_string(anggaran.list_value().size() + 1));
      Put(a, "kegiatan", ind.anggaran->kegiatan);
      Put(a, "pagu",
          ind.anggaran->pagu ? FormatAngka(*ind.anggaran->pagu, 0)
                             : kTanpaNilai);
      Put(a, "sumber_dana", ind.anggaran->sumber_dana);
      Push(anggaran, std::move(a));
      total += ind.anggaran->pagu.value_or(0);
    }
    if (!hq) continue;
    data cap = row;
    Put(cap, "target_angka", FormatNilai(hq->target, percent));
    Put(cap, "realisasi", FormatNilai(hq->realisasi, percent));
    Put(cap, "capaian", FormatNilai(hq->capaian, true));
    Put(cap, "predikat", hq->predikat);
    Push(capaian, cap);
    data b = cap;
    Put(b, "pagu",
        ind.anggaran && ind.anggaran->pagu ? FormatAngka(*ind.anggaran->pagu, 0)
                                           : kTanpaNilai);
    Put(b, "realisasi_anggaran",
        hq->realisasi_anggaran ? FormatAngka(*hq->realisasi_anggaran, 0)
                               : kTanpaNilai);
    Put(b, "serapan", FormatNilai(hq->serapan, true));
    Put(b, "efisiensi",
        hq->efisiensi.has_value() ? FormatAngka(*hq->efisiensi.value())
                                  : kTanpaNilai);
    Put(b, "efisiensi_label", hq->efisiensi_label);
    Push(biaya, std::move(b));
    if (!hq->evaluasi.empty()) {
      data e;
      Put(e, "no", no);
      Put(e, "kegiatan", ind.anggaran ? ind.anggaran->kegiatan : ind.nama);
      Put(e, "indikator", ind.nama);
      Put(e, "teks", hq->evaluasi);
      Push(evaluasi, std::move(e));
    }
    if (!hq->evaluasi.empty() || !hq->tindak_lanjut.empty()) {
      data r;
      Put(r, "kode", ind.anggaran ? ind.anggaran->kode : "");
      Put(r, "kegiatan", ind.anggaran ? ind.anggaran->kegiatan : ind.nama);
      Put(r, "evaluasi", hq->evaluasi);
      Put(r, "tindak_lanjut", hq->tindak_lanjut);
      Push(rtl, std::move(r));
    }
  }
  Put(d, "pk", std::move(pk));
  Put(d, "ada_anggaran", !anggaran.is_empty_list());
  Put(d, "anggaran", std::move(anggaran));
  Put(d, "total_anggaran", FormatAngka(total, 0));
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
  Put(d, "ttd_pejabat", Ttd(tempat, tanggal, Upper(self_title), self));
  Put(d, "ttd_atasan", Ttd("", std::nullopt, Upper(boss_title), boss));
  return page;
}

// Quarters of `year` in which `jabatan` reported anything.
std::vector<int> ReportedQuarters(const Jabatan& jabatan,
                                  const Results& results, int year) {
  // Bit q for quarter q (1..4): a std::set per jabatan cost more than the
  // rest of listing the pages.
  uint32_t reported = 0;
  for (const Indikator& ind : jabatan.indikator) {
    const HasilIndikator* h = results.Find(year, &ind);
    if (!h) continue;
    for (const HasilTriwulan& q : h->triwulan) {
      if (q.dilapor && q.triwulan >= 0 && q.triwulan < 32) {
        reported |= 1u << q.triwulan;
      }
    }
  }
  std::vector<int> quarters;
  for (int q = 0; q < 32; ++q) {
    if (reported & (1u << q)) quarters.push_back(q);
  }
  return quarters;
}

}  // namespace

std::vector<PageJob> UnitPrintPageJobs(const SiteContext& c, const Unit& unit) {
  std::vector<PageJob> jobs;
  const Unit* u = &unit;
  for (const auto& k : unit.keputusan) {
    const Keputusan* keputusan = k.get();
    jobs.push_back(
        {CetakKeputusanPath(*keputusan), u, [&c, keputusan](Diagnostics*) {
           return KeputusanCetak(c, *keputusan);
         }});
  }
  for (const Jabatan* j : HierarchyOrder(unit)) {
    if (!j->indikator.empty()) {
      jobs.push_back({CetakIkiPath(*j), u,
                      [&c, j](Diagnostics*) { return IkiCetak(c, *j); }});
    }
    for (int year : c.results.tahun) {
      for (int q : ReportedQuarters(*j, c.results, year)) {
        jobs.push_back(
            {CetakLaporanPath(*j, year, q), u, [&c, j, year, q](Diagnostics*) {
               return LaporanCetak(c, *j, year, q);
             }});
      }
    }
  }
  return jobs;
}

std::vector<PrintLink> PrintLinksOf(const Jabatan& j, const Results& results) {
  std::vector<PrintLink> links;
  if (!j.indikator.empty()) {
    links.push_back({"Lembar Indikator Kinerja Individu", CetakIkiPath(j)});
  }
  for (int year : results.tahun) {
    for (int q : ReportedQuarters(j, results, year)) {
      links.push_back({"Laporan Kinerja Triwulan " + Romawi(q) + " Tahun " +
                           std::to_string(year),
                       CetakLaporanPath(j, year, q)});
    }
  }
  return links;
}

std::vector<PrintLink> PrintLinksOf(const Unit& unit, const Results& results) {
  std::vector<PrintLink> links;
  for (const auto& k : unit.keputusan) {
    links.push_back({k->jenis + " Nomor " + k->nomor, CetakKeputusanPath(*k)});
  }
  for (const Jabatan* j : HierarchyOrder(unit)) {
    for (PrintLink& link : PrintLinksOf(*j, results)) {
      link.judul += " – " + j->nama;
      links.push_back(link);
    }
  }
  return links;
}

}  // namespace sakip
