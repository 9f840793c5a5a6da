// Template data of the jabatan and keputusan pages (see site_data.h).
#include <algorithm>
#include <ctime>

#include "charts.h"
#include "indonesian_format.h"
#include "nip.h"
#include "site_data.h"
#include "site_data_cetak.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;

namespace {

data JabatanLink(const std::string& page, const Jabatan& j) {
  data d;
  Put(d, "nama", j.nama);
  Put(d, "url", RelativeUrl(page, JabatanPath(j)));
  Put(d, "unit", j.unit->nama);
  return d;
}

const char* AgregasiLabel(Agregasi a) {
  switch (a) {
    case Agregasi::kKumulatif:
      return "kumulatif";
    case Agregasi::kTerakhir:
      return "nilai terakhir";
    case Agregasi::kRataRata:
      return "rata-rata";
  }
  return "";
}

data IndikatorData(const SiteContext& c, const std::string& page,
                   const Indikator& ind, size_t index) {
  data d;
  Put(d, "no", std::to_string(index + 1));
  Put(d, "id", ind.id);
  Put(d, "sasaran", ind.sasaran);
  Put(d, "nama", ind.nama);
  Put(d, "formulasi", LinesData(ind.formulasi));
  Put(d, "ada_formulasi", !ind.formulasi.empty());
  Put(d, "sumber_data", TextsData(ind.sumber_data, "teks"));
  Put(d, "target", FormatTarget(ind));
  Put(d, "target_keterangan", ind.target ? ind.target_keterangan : "");
  Put(d, "satuan", ind.satuan);
  Put(d, "polaritas",
      ind.polaritas == Polaritas::kNegatif ? "negatif (makin rendah makin baik)"
                                           : "positif");
  Put(d, "agregasi", AgregasiLabel(ind.agregasi));
  Put(d, "catatan", ind.catatan);
  if (ind.anggaran) {
    data a;
    Put(a, "kode", ind.anggaran->kode);
    Put(a, "kegiatan", ind.anggaran->kegiatan);
    Put(a, "pagu",
        ind.anggaran->pagu ? FormatRupiah(*ind.anggaran->pagu) : kTanpaNilai);
    Put(a, "sumber_dana", ind.anggaran->sumber_dana);
    Put(d, "anggaran", std::move(a));
  }
  if (ind.mendukung) {
    data m;
    Put(m, "nama", ind.mendukung->nama);
    Put(m, "url", RelativeUrl(page, JabatanPath(*ind.mendukung_jabatan)));
    Put(m, "jabatan", ind.mendukung_jabatan->nama);
    Put(d, "mendukung", std::move(m));
  }
  (void)c;
  return d;
}

data HasilData(const SiteContext& c, const Jabatan& jabatan,
               std::vector<Bar>* bars) {
  data list = ListData();
  const std::vector<PredikatBand>& scale = c.model.site.skala_predikat;
  for (const Indikator& ind : jabatan.indikator) {
    const HasilIndikator* h = c.results.Find(c.tahun, &ind);
    if (!h || h->triwulan_terakhir == 0) continue;
    data item;
    Put(item, "nama", ind.nama);
    data quarters = ListData();
    for (const HasilTriwulan& q : h->triwulan) {
      if (!q.dilapor) continue;
      bool percent = ind.satuan == "%";
      data tw;
      Put(tw, "triwulan", Romawi(q.triwulan));
      Put(tw, "target", FormatNilai(q.target, percent));
      Put(tw, "realisasi", FormatNilai(q.realisasi, percent));
      Put(tw, "capaian", FormatNilai(q.capaian, true));
      Put(tw, "alasan", q.capaian.has_value() ? "" : q.capaian.alasan());
      // Progress towards the annual target has no predikat (compute.h).
      Put(tw, "progres", q.progres);
      Put(tw, "predikat", q.progres ? "" : q.predikat);
      Put(tw, "kelas", PredikatClass(scale, q.predikat));
      Put(tw, "realisasi_anggaran",
          q.realisasi_anggaran ? FormatRupiah(*q.realisasi_anggaran)
                               : kTanpaNilai);
      Put(tw, "serapan", FormatNilai(q.serapan, true));
      Put(tw, "efisiensi",
          q.efisiensi.has_value() ? FormatAngka(*q.efisiensi.value()) + " poin"
                                  : kTanpaNilai);
      Put(tw, "efisiensi_label", q.efisiensi_label);
      Put(tw, "dilaporkan", q.dilaporkan ? FormatPersen(*q.dilaporkan) : "");
      Put(tw, "rtl", TindakLanjutWeb(q, ind.satuan));
      Push(quarters, std::move(tw));
    }
    Put(item, "triwulan", std::move(quarters));
    Push(list, std::move(item));
    const HasilTriwulan* last = h->Terakhir();
    bars->push_back({ind.nama, last->capaian.value(),
                     last->capaian.has_value()
                         ? PredikatColor(scale, last->predikat)
                         : "#9e9e9e"});
  }
  return list;
}

}  // namespace

data TindakLanjutWeb(const HasilTriwulan& q, const std::string& satuan) {
  data rows = ListData();
  for (const BarisTindakLanjut& b : q.tindak_lanjut) {
    data r;
    Put(r, "rtl_kegiatan",
        b.kegiatan.empty() || b.kode.empty() ? b.kegiatan
                                             : b.kode + " " + b.kegiatan);
    // Keys of their own: an absent key is looked up in the enclosing data.
    for (auto [key, text] : {std::pair{"rtl_evaluasi", &b.evaluasi},
                             std::pair{"rtl_tindak_lanjut", &b.tindak_lanjut},
                             std::pair{"rtl_keterangan", &b.keterangan}}) {
      Put(r, key, *text);
      Put(r, std::string(key) + "_catatan",
          CatatanAngkaEvaluasi(*text, q.capaian, q.serapan, q.realisasi,
                               satuan));
    }
    Push(rows, std::move(r));
  }
  return rows;
}

Page JabatanPage(const SiteContext& c, const Jabatan& j,
                 Diagnostics* diagnostics) {
  (void)diagnostics;
  Page page;
  page.path = JabatanPath(j);
  page.template_name = "jabatan";
  page.remah.push_back({"Beranda", HomePath()});
  page.judul = j.nama + " – " + j.unit->nama;
  page.unit = j.unit;
  for (const Unit* u = j.unit; u; u = u->parent) {
    page.remah.insert(page.remah.begin() + 1, {u->nama, UnitPath(*u)});
  }
  page.remah.push_back({j.nama, ""});
  data& d = page.data;
  Put(d, "nama", j.nama);
  Put(d, "unit", j.unit->nama);
  Put(d, "unit_url", RelativeUrl(page.path, UnitPath(*j.unit)));
  Put(d, "eselon", j.eselon);
  if (j.pejabat && !j.pejabat->nama.empty()) {
    data p;
    Put(p, "nama", j.pejabat->nama);
    std::string pangkat = j.pejabat->pangkat;
    if (!j.pejabat->golongan.empty()) {
      pangkat += (pangkat.empty() ? "" : ", ") + j.pejabat->golongan;
    }
    Put(p, "pangkat", pangkat);
    Put(d, "pejabat", std::move(p));
  }
  if (j.atasan) Put(d, "atasan", JabatanLink(page.path, *j.atasan));
  data bawahan = ListData();
  for (const Jabatan* b : j.bawahan)
    bawahan.push_back(JabatanLink(page.path, *b));
  Put(d, "bawahan", std::move(bawahan));
  Put(d, "ada_bawahan", !j.bawahan.empty());
  PutTugasFungsi(d, j);
  data indikator = ListData();
  for (size_t i = 0; i < j.indikator.size(); ++i) {
    Push(indikator, IndikatorData(c, page.path, j.indikator[i], i));
  }
  Put(d, "indikator", std::move(indikator));
  Put(d, "ada_indikator", !j.indikator.empty());
  Put(d, "perjanjian", PerjanjianData(c, page.path, j));
  std::vector<Bar> bars;
  data hasil = HasilData(c, j, &bars);
  if (!hasil.is_empty_list()) {
    data h;
    Put(h, "tahun", std::to_string(c.tahun));
    Put(h, "indikator", std::move(hasil));
    Put(h, "grafik",
        BarChartSvg(bars, "Capaian indikator " + j.nama + " tahun " +
                              std::to_string(c.tahun)));
    Put(d, "hasil", std::move(h));
  }
  std::string catatan = RenderMarkdown(j.body, c.markdown);
  // Notes that open with their own heading need no "Catatan" above it.
  Put(d, "catatan_berjudul", catatan.rfind("<h", 0) == 0);
  Put(d, "catatan_html", std::move(catatan));
  data riwayat = RiwayatData(c, j);
  Put(d, "ada_riwayat", !riwayat.is_empty_list());
  Put(d, "riwayat", std::move(riwayat));
  std::vector<PrintLink> print = PrintLinksOf(j, c.results);
  Put(d, "dokumen_cetak", PrintLinkData(c, page.path, print));
  Put(d, "ada_dokumen_cetak", !print.empty());
  return page;
}

Page KeputusanPage(const SiteContext& c, const Keputusan& k) {
  Page page;
  page.path = KeputusanPath(k);
  page.template_name = "keputusan";
  page.remah.push_back({"Beranda", HomePath()});
  page.judul = k.jenis + " Nomor " + k.nomor;
  page.unit = k.unit;
  for (const Unit* u = k.unit; u; u = u->parent) {
    page.remah.insert(page.remah.begin() + 1, {u->nama, UnitPath(*u)});
  }
  page.remah.push_back({"Keputusan " + k.nomor, ""});
  data& d = page.data;
  Put(d, "jenis", k.jenis);
  Put(d, "nomor", k.nomor);
  Put(d, "tentang", k.tentang);
  Put(d, "menimbang", LetteredData(k.menimbang));
  Put(d, "mengingat", LetteredData(k.mengingat));
  Put(d, "menetapkan", k.menetapkan);
  data diktum = ListData();
  for (size_t i = 0; i < k.diktum.size(); ++i) {
    data item;
    Put(item, "urutan", KataUrutan(static_cast<int>(i) + 1));
    MarkdownOptions legal = c.markdown;
    legal.hard_breaks = true;
    Put(item, "html", RenderMarkdown(k.diktum[i], legal));
    Push(diktum, std::move(item));
  }
  Put(d, "diktum", std::move(diktum));
  Put(d, "ditetapkan_di", k.ditetapkan_di);
  Put(d, "tanggal", k.tanggal ? FormatTanggal(*k.tanggal) : "");
  if (k.penandatangan) {
    data p;
    Put(p, "sebutan",
        k.sebutan_penandatangan.empty() ? k.penandatangan->nama
                                        : k.sebutan_penandatangan);
    Put(p, "url", RelativeUrl(page.path, JabatanPath(*k.penandatangan)));
    if (const auto& pejabat = k.penandatangan->pejabat) {
      Put(p, "nama", pejabat->nama);
      Put(p, "pangkat", pejabat->pangkat);
      NipCheck nip = CheckNip(pejabat->nip);
      Put(p, "nip", nip.ok ? FormatNip(nip.digits) : "");
    }
    Put(d, "penandatangan", std::move(p));
  }
  if (k.lampiran) {
    data l;
    Put(l, "judul", k.lampiran->judul);
    Put(l, "dasar", k.lampiran->dasar);
    data jabatan = ListData();
    for (const Jabatan* j : k.lampiran->jabatan) {
      data item = JabatanLink(page.path, *j);
      Put(item, "jumlah_indikator", std::to_string(j->indikator.size()));
      Push(jabatan, std::move(item));
    }
    Put(l, "jabatan", std::move(jabatan));
    Put(d, "lampiran", std::move(l));
  }
  Put(d, "unit", k.unit->nama);
  Put(d, "unit_url", RelativeUrl(page.path, UnitPath(*k.unit)));
  Put(d, "dokumen_cetak",
      PrintLinkData(c, page.path,
                    {{"Naskah untuk dicetak (keputusan dan lampiran)",
                      CetakKeputusanPath(k)}}));
  return page;
}

}  // namespace sakip
