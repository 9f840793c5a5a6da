// Template data of the printable documents (see site_data.h), laid out as
// in shared/spec/documents.md: the decree with its lampiran, standalone IKI
// sheets and quarterly performance reports.
#include "site_data_cetak.h"

#include <set>

#include "indonesian_format.h"
#include "nip.h"
#include "resolve.h"
#include "site_data.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;

namespace cetak {

std::string Upper(const std::string& text) {
  std::string out;
  for (char c : text)
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

namespace {

std::string Ukuran(const Site& site) {
  return site.kertas == "A4" ? "210mm 297mm" : "215mm 330mm";
}

data Kop(const Unit& unit, const std::string& page) {
  data d;
  // The logo is the unit's own, or the nearest ancestor's: a regency's
  // coat of arms heads the letters of all its offices.
  for (const Unit* owner = &unit; owner; owner = owner->parent) {
    if (owner->kop.logo_bytes.empty()) continue;
    Put(d, "logo", RelativeUrl(page, LogoPath(*owner)));
    Put(d, "logo_alt", "Logo " + owner->nama);
    break;
  }
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

}  // namespace

// The NIP is printed only when valid: a NIP a source printed wrongly
// (`nip_tercetak`) is never reproduced.
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

data TtdDua(const data& kiri, const data& kanan, const std::string& peran_kiri,
            const std::string& peran_kanan) {
  data d;
  auto field = [](const data& block, const char* key) {
    const data* value = block.is_object() ? block.get(key) : nullptr;
    return value && value->is_string() ? value->string_value() : std::string();
  };
  std::string tanggal = field(kanan, "tanggal");
  std::string tempat = field(kanan, "tempat");
  if (!tanggal.empty()) {
    Put(d, "tempat_tanggal",
        tempat.empty() ? tanggal : tempat + ", " + tanggal);
  }
  Put(d, "ada_peran", !peran_kiri.empty() || !peran_kanan.empty());
  Put(d, "peran_kiri", peran_kiri);
  Put(d, "peran_kanan", peran_kanan);
  for (const char* key : {"sebutan", "nama", "pangkat", "nip"}) {
    Put(d, std::string(key) + "_kiri", field(kiri, key));
    Put(d, std::string(key) + "_kanan", field(kanan, key));
  }
  Put(d, "ada_pangkat",
      !field(kiri, "pangkat").empty() || !field(kanan, "pangkat").empty());
  Put(d, "ada_nip",
      !field(kiri, "nip").empty() || !field(kanan, "nip").empty());
  return d;
}

std::string JabatanLengkap(const Jabatan& j) {
  std::string text = j.nama;
  if (text.find(j.unit->nama) == std::string::npos) text += " " + j.unit->nama;
  const std::string kPemerintah = "Pemerintah ";
  std::string wilayah = j.unit->pemerintah;
  if (wilayah.rfind(kPemerintah, 0) == 0) {
    wilayah = wilayah.substr(kPemerintah.size());
  }
  if (!wilayah.empty() && text.find(wilayah) == std::string::npos) {
    text += " " + wilayah;
  }
  return text;
}

const PerjanjianJabatan* PerjanjianOf(const Jabatan& j, int year,
                                      const Perjanjian** pk) {
  const Perjanjian* found = j.unit->FindPerjanjian(year);
  const PerjanjianJabatan* pj = found ? found->FindJabatan(j.id) : nullptr;
  if (pj && pj->jabatan != &j) pj = nullptr;
  if (pk) *pk = pj ? found : nullptr;
  return pj;
}

std::vector<const HasilIndikator*> BarisHasil(const Results& results,
                                              const Jabatan& j, int year) {
  std::vector<const HasilIndikator*> rows;
  if (const PerjanjianJabatan* pj = PerjanjianOf(j, year)) {
    for (const PerjanjianSasaran& s : pj->sasaran) {
      if (const HasilIndikator* h = results.Find(year, &s.indikator)) {
        rows.push_back(h);
      }
    }
  }
  for (const Indikator& ind : j.indikator) {
    const HasilIndikator* h = results.Find(year, &ind);
    // An IKI indicator a sasaran measures is shown once, as that sasaran.
    if (h && !h->sasaran) rows.push_back(h);
  }
  return rows;
}

namespace {

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

}  // namespace

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
  Put(page.data, "kop", Kop(unit, path));
  return page;
}

}  // namespace cetak

namespace {

using cetak::LembarIki;
using cetak::PrintPage;
using cetak::Ttd;
using cetak::Upper;

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
  // The sheet's title is this document's h1 (in a decree, an h3 under the
  // lampiran's h2).
  Put(page.data, "lembar_utama", true);
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

}  // namespace

std::vector<int> ReportedQuarters(const Jabatan& jabatan,
                                  const Results& results, int year) {
  // Bit q for quarter q (1..4): a std::set per jabatan cost more than the
  // rest of listing the pages.
  uint32_t reported = 0;
  for (const HasilIndikator* h : cetak::BarisHasil(results, jabatan, year)) {
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
    for (const auto& pk : unit.perjanjian) {
      const Perjanjian* p = pk.get();
      const PerjanjianJabatan* pj = cetak::PerjanjianOf(*j, p->tahun);
      if (!pj) continue;
      jobs.push_back(
          {CetakPerjanjianPath(*j, p->tahun), u,
           [&c, p, pj](Diagnostics*) { return PerjanjianCetak(c, *p, *pj); }});
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
