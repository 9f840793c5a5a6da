// Template data of the Perjanjian Kinerja (PK) of one jabatan, laid out as
// PermenPANRB 53/2014 and shared/spec/documents.md: the agreement page, the
// lampiran with the sasaran and budget tables, and the Rencana Aksi as the
// second lampiran when any sasaran has one.
#include "indonesian_format.h"
#include "site_data.h"
#include "site_data_cetak.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;
using cetak::Upper;

namespace {

std::string AngkaTarget(const Indikator& ind, double value) {
  std::string text = FormatAngka(value);
  if (!ind.satuan.empty()) text += " " + ind.satuan;
  return text;
}

data SasaranRows(const PerjanjianJabatan& pj) {
  data rows = ListData();
  for (size_t i = 0; i < pj.sasaran.size(); ++i) {
    const Indikator& ind = pj.sasaran[i].indikator;
    data row;
    Put(row, "no", std::to_string(i + 1));
    Put(row, "sasaran", ind.sasaran);
    Put(row, "indikator", ind.nama);
    Put(row, "target", FormatTarget(ind));
    Push(rows, std::move(row));
  }
  return rows;
}

// The budget rows and their total, in Rupiah as the PK prints them.
void PutAnggaran(data& d, const PerjanjianJabatan& pj) {
  data rows = ListData();
  double total = 0;
  for (size_t i = 0; i < pj.anggaran.size(); ++i) {
    const Anggaran& a = pj.anggaran[i].anggaran;
    data row;
    Put(row, "no", std::to_string(i + 1));
    Put(row, "kegiatan", a.kegiatan);
    Put(row, "pagu", a.pagu ? FormatAngka(*a.pagu, 0) : kTanpaNilai);
    Put(row, "sumber_dana", a.sumber_dana);
    Push(rows, std::move(row));
    total += a.pagu.value_or(0);
  }
  Put(d, "ada_anggaran", !rows.is_empty_list());
  Put(d, "anggaran", std::move(rows));
  Put(d, "total_anggaran", FormatAngka(total, 0));
}

// The Rencana Aksi rows: the sasaran with a plan, their annual target and
// the target to each quarter (as aggregated).
data RencanaAksiRows(const PerjanjianJabatan& pj) {
  data rows = ListData();
  for (const PerjanjianSasaran& s : pj.sasaran) {
    if (s.rencana_aksi.empty()) continue;
    data row;
    Put(row, "no", std::to_string(rows.list_value().size() + 1));
    Put(row, "sasaran", s.indikator.sasaran);
    Put(row, "indikator", s.indikator.nama);
    Put(row, "target", FormatTarget(s.indikator));
    data quarters = ListData();
    for (double value : s.rencana_aksi) {
      data cell;
      Put(cell, "nilai", AngkaTarget(s.indikator, value));
      Push(quarters, std::move(cell));
    }
    Put(row, "triwulan", std::move(quarters));
    Push(rows, std::move(row));
  }
  return rows;
}

// Where a jabatan has no holder in the content, the PK leaves a dotted line
// for the name and NIP, as a blank form does: a PK is signed by people, and
// a statement with "Nama :" and a signature block with no name line reads
// as a broken page.
constexpr const char* kIsian = "....................................";

data Pihak(const Jabatan* j) {
  data d;
  if (!j) return d;
  Put(d, "nama", j->pejabat ? j->pejabat->nama : kIsian);
  Put(d, "jabatan", cetak::JabatanLengkap(*j));
  return d;
}

data TtdPihak(const Jabatan* j, const std::string& tempat,
              const std::optional<Date>& tanggal) {
  if (!j) return cetak::Ttd(tempat, tanggal, "", nullptr);
  const Pejabat* pejabat = j->pejabat ? &*j->pejabat : nullptr;
  std::string sebutan = pejabat && !pejabat->sebutan.empty()
                            ? pejabat->sebutan
                            : cetak::JabatanLengkap(*j);
  if (pejabat) return cetak::Ttd(tempat, tanggal, Upper(sebutan), pejabat);
  Pejabat kosong;
  kosong.nama = kIsian;
  data d = cetak::Ttd(tempat, tanggal, Upper(sebutan), &kosong);
  Put(d, "nip", kIsian);
  return d;
}

}  // namespace

Page PerjanjianCetak(const SiteContext& c, const Perjanjian& pk,
                     const PerjanjianJabatan& pj) {
  const Jabatan& j = *pj.jabatan;
  std::string tahun = std::to_string(pk.tahun);
  Page page = cetak::PrintPage(
      c, CetakPerjanjianPath(j, pk.tahun), "cetak_perjanjian",
      "Perjanjian Kinerja Tahun " + tahun + " " + j.nama, *j.unit);
  data& d = page.data;
  bool perubahan = pk.jenis == "perubahan";
  Put(d, "judul_pk",
      std::string("PERJANJIAN KINERJA ") + (perubahan ? "PERUBAHAN " : "") +
          "TAHUN " + tahun);
  Put(d, "jabatan", Upper(j.nama));
  Put(d, "unit", Upper(j.unit->nama));
  Put(d, "pemerintah", Upper(j.unit->pemerintah));
  Put(d, "pertama", Pihak(&j));
  Put(d, "kedua", Pihak(pj.pihak_kedua));
  std::string tanggal = pk.tanggal ? FormatTanggal(*pk.tanggal) : "";
  Put(d, "tempat_tanggal",
      pk.tempat.empty() || tanggal.empty() ? pk.tempat + tanggal
                                           : pk.tempat + ", " + tanggal);
  Put(d, "ttd_dua",
      cetak::TtdDua(TtdPihak(pj.pihak_kedua, "", std::nullopt),
                    TtdPihak(&j, pk.tempat, pk.tanggal), "PIHAK KEDUA,",
                    "PIHAK PERTAMA,"));
  Put(d, "sasaran", SasaranRows(pj));
  PutAnggaran(d, pj);
  data rencana = RencanaAksiRows(pj);
  Put(d, "ada_rencana_aksi", !rencana.is_empty_list());
  Put(d, "rencana_aksi", std::move(rencana));
  return page;
}

}  // namespace sakip
