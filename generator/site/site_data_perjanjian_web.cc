// Template data of the Perjanjian Kinerja section of a jabatan page: the
// agreement of the year shown, its Rencana Aksi, and each quarter's result
// against that quarter's own target (see site_data.h).
#include "charts.h"
#include "indonesian_format.h"
#include "site_data.h"
#include "urls.h"

namespace sakip {

using data = TemplateData;

namespace {

const char* SumberLabel(SumberTarget sumber) {
  switch (sumber) {
    case SumberTarget::kRencanaAksi:
      return "Rencana Aksi";
    case SumberTarget::kTargetTriwulan:
      return "target triwulan IKI";
    case SumberTarget::kTahunan:
      return "target tahunan";
    case SumberTarget::kTidakAda:
      break;
  }
  return "";
}

// A value with its satuan ("2 dokumen"); percentages carry their sign.
std::string WithSatuan(const Nilai& nilai, const Indikator& ind) {
  bool percent = ind.satuan == "%";
  std::string text = FormatNilai(nilai, percent);
  if (percent || ind.satuan.empty() || !nilai.has_value()) return text;
  return text + " " + ind.satuan;
}

// One quarter cell: the quarter's target (whatever the realisasi), and when
// reported the realisasi and the capaian with its predikat, or the progress
// towards the annual target, labelled, without a predikat.
data QuarterCell(const SiteContext& c, const PerjanjianSasaran& s, int k,
                 const HasilIndikator* hasil) {
  const Indikator& ind = s.indikator;
  TargetTriwulan target = TargetPada(ind, k, s.rencana_aksi);
  data cell;
  Put(cell, "triwulan", Romawi(k));
  Put(cell, "target", WithSatuan(target.target, ind));
  Put(cell, "sumber_target", SumberLabel(target.sumber));
  Put(cell, "progres", target.progres);
  const HasilTriwulan* q = hasil ? &hasil->triwulan[k - 1] : nullptr;
  bool reported = q && q->dilapor;
  Put(cell, "dilapor", reported);
  if (!reported) {
    Put(cell, "kelas", "belum");
    return cell;
  }
  Put(cell, "realisasi", WithSatuan(q->realisasi, ind));
  Put(cell, "capaian", FormatNilai(q->capaian, true));
  // Absent keys are looked up in the enclosing sections: set both.
  if (q->capaian.has_value() || q->capaian.alasan().empty()) {
    Put(cell, "alasan", false);
  } else {
    Put(cell, "alasan", q->capaian.alasan());
  }
  // A progress figure is never judged (content-format.md, Computation).
  if (!q->progres && !q->predikat.empty()) {
    Put(cell, "predikat", q->predikat);
    Put(cell, "kelas", PredikatClass(c.model.site.skala_predikat, q->predikat));
  } else {
    Put(cell, "predikat", false);
    Put(cell, "kelas", q->progres ? "progres" : "tanpa-predikat");
  }
  return cell;
}

data SasaranData(const SiteContext& c, const PerjanjianSasaran& s, int tahun,
                 size_t index) {
  const Indikator& ind = s.indikator;
  data d;
  Put(d, "no", std::to_string(index + 1));
  Put(d, "id", ind.id);
  Put(d, "sasaran", ind.sasaran);
  Put(d, "indikator", ind.nama);
  Put(d, "target", FormatTarget(ind));
  // Set either way: a sasaran without one must not find the section's flag.
  Put(d, "ada_rencana_aksi", !s.rencana_aksi.empty());
  if (!s.rencana_aksi.empty()) {
    data plan = ListData();
    for (size_t k = 0; k < 4; ++k) {
      data item;
      Put(item, "triwulan", Romawi(static_cast<int>(k) + 1));
      Put(item, "target",
          k < s.rencana_aksi.size()
              ? WithSatuan(Nilai::Of(s.rencana_aksi[k]), ind)
              : kTanpaNilai);
      Push(plan, std::move(item));
    }
    Put(d, "rencana_aksi", std::move(plan));
  }
  const HasilIndikator* hasil = c.results.Find(tahun, &ind);
  data quarters = ListData();
  for (int k = 1; k <= 4; ++k) Push(quarters, QuarterCell(c, s, k, hasil));
  Put(d, "triwulan", std::move(quarters));
  // The Rencana Tindak Lanjut rows of each reported quarter.
  data tindak_lanjut = ListData();
  for (int k = 1; hasil && k <= 4; ++k) {
    const HasilTriwulan& q = hasil->triwulan[k - 1];
    if (q.tindak_lanjut.empty()) continue;
    data item;
    Put(item, "rtl_triwulan", Romawi(k));
    Put(item, "rtl", TindakLanjutWeb(q, ind.satuan));
    Push(tindak_lanjut, std::move(item));
  }
  Put(d, "ada_tindak_lanjut", !tindak_lanjut.is_empty_list());
  Put(d, "tindak_lanjut", std::move(tindak_lanjut));
  return d;
}

data PihakKeduaData(const std::string& page, const Jabatan& j) {
  data d;
  Put(d, "jabatan", j.nama);
  Put(d, "url", RelativeUrl(page, JabatanPath(j)));
  if (j.pejabat && !j.pejabat->nama.empty()) {
    Put(d, "nama", j.pejabat->nama);
  } else {
    Put(d, "nama", false);  // not the page's own `nama`
  }
  return d;
}

data AnggaranData(const PerjanjianJabatan& pk) {
  data d;
  data rows = ListData();
  double total = 0;
  for (size_t i = 0; i < pk.anggaran.size(); ++i) {
    const Anggaran& a = pk.anggaran[i].anggaran;
    data row;
    Put(row, "no", std::to_string(i + 1));
    Put(row, "kode", a.kode);
    Put(row, "kegiatan", a.kegiatan);
    Put(row, "pagu", a.pagu ? FormatRupiah(*a.pagu) : kTanpaNilai);
    Put(row, "sumber_dana", a.sumber_dana);
    total += a.pagu.value_or(0);
    Push(rows, std::move(row));
  }
  Put(d, "baris", std::move(rows));
  Put(d, "jumlah", FormatRupiah(total));
  return d;
}

}  // namespace

// The year whose PK a jabatan page shows: the results year, or, on a site
// without results, the latest year with a PK.
int TahunPerjanjian(const SiteContext& c, const Unit& unit) {
  if (c.tahun != 0 || unit.perjanjian.empty()) return c.tahun;
  return unit.perjanjian.back()->tahun;
}

TemplateData PerjanjianData(const SiteContext& c, const std::string& page,
                            const Jabatan& j) {
  int tahun = TahunPerjanjian(c, *j.unit);
  const Perjanjian* p = tahun ? j.unit->FindPerjanjian(tahun) : nullptr;
  const PerjanjianJabatan* pk = p ? p->FindJabatan(j.id) : nullptr;
  if (!pk) return data(false);
  data d;
  Put(d, "tahun", std::to_string(tahun));
  Put(d, "perubahan", p->jenis == "perubahan");
  Put(d, "tempat", p->tempat);
  Put(d, "tanggal", p->tanggal ? FormatTanggal(*p->tanggal) : "");
  if (pk->pihak_kedua)
    Put(d, "pihak_kedua", PihakKeduaData(page, *pk->pihak_kedua));
  data sasaran = ListData();
  bool plan = false;
  for (size_t i = 0; i < pk->sasaran.size(); ++i) {
    Push(sasaran, SasaranData(c, pk->sasaran[i], tahun, i));
    plan |= !pk->sasaran[i].rencana_aksi.empty();
  }
  Put(d, "sasaran", std::move(sasaran));
  Put(d, "ada_rencana_aksi", plan);
  if (!pk->anggaran.empty()) Put(d, "anggaran", AnggaranData(*pk));
  Put(d, "dokumen_cetak",
      PrintLinkData(c, page,
                    {{std::string("Naskah Perjanjian Kinerja ") +
                          (plan ? "dan Rencana Aksi " : "") + "untuk dicetak",
                      PerjanjianPrintPath(*j.unit, tahun, j.id)}}));
  return d;
}

}  // namespace sakip
