// Shared by the printable documents (site_data_cetak.cc, the Perjanjian
// Kinerja in site_data_perjanjian.cc and the quarterly report in
// site_data_laporan.cc): the page frame, the letterhead and the signature
// blocks, so that every document prints them the same way.
#ifndef SAKIP_SITE_DATA_CETAK_H_
#define SAKIP_SITE_DATA_CETAK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compute.h"
#include "model.h"
#include "site_data.h"

namespace sakip::cetak {

std::string Upper(const std::string& text);

// A print page of `unit` with paper size, stylesheet and letterhead set.
Page PrintPage(const SiteContext& c, const std::string& path,
               const std::string& template_name, const std::string& judul,
               const Unit& unit);

// One signature block: place and date, title, name, pangkat and the NIP
// (only when valid, grouped 8-6-1-3).
TemplateData Ttd(const std::string& tempat, const std::optional<Date>& tanggal,
                 const std::string& sebutan, const Pejabat* pejabat);

// Two signature blocks side by side as one table, so that titles, names,
// pangkat and NIPs of both sit on the same lines: `kiri` (the superior) on
// the left, `kanan` on the right; the place and date (of `kanan`) above the
// right one; `peran_*` an optional line above the titles (PIHAK KEDUA).
TemplateData TtdDua(const TemplateData& kiri, const TemplateData& kanan,
                    const std::string& peran_kiri = "",
                    const std::string& peran_kanan = "");

// The jabatan with its unit and region, as a PK names it: "Sekretaris
// Satuan Polisi Pamong Praja Kabupaten Lumajang".
std::string JabatanLengkap(const Jabatan& jabatan);

// The result rows of `jabatan` in `year`: the sasaran of its PK of that
// year, then its IKI indicators no sasaran measures (as compute.h orders
// them). Rows without results are left out.
std::vector<const HasilIndikator*> BarisHasil(const Results& results,
                                              const Jabatan& jabatan, int year);

// The agreement of `jabatan` in its unit's PK of `year`, or null.
const PerjanjianJabatan* PerjanjianOf(const Jabatan& jabatan, int year,
                                      const Perjanjian** pk = nullptr);

}  // namespace sakip::cetak

namespace sakip {

// cetak/<unit>/perjanjian/<tahun>/<jabatan>.html
Page PerjanjianCetak(const SiteContext& c, const Perjanjian& pk,
                     const PerjanjianJabatan& pj);
// cetak/<unit>/laporan/<tahun>-<q>/<jabatan>.html
Page LaporanCetak(const SiteContext& c, const Jabatan& j, int tahun, int q);

// The note under a copied evaluasi text that quotes a percentage within 1
// point of neither the computed `capaian` nor `serapan` of its row, or a
// count in the indicator's `satuan` other than the computed `realisasi`:
// the computed figures, saying which is which; "" when every figure agrees.
std::string CatatanAngkaEvaluasi(std::string_view teks, const Nilai& capaian,
                                 const Nilai& serapan, const Nilai& realisasi,
                                 const std::string& satuan);

}  // namespace sakip

#endif  // SAKIP_SITE_DATA_CETAK_H_
