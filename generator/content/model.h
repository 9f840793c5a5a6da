// The content model: plain structs filled by the loader and linked by the
// resolver. It knows nothing about HTML or any other output format.
#ifndef SAKIP_MODEL_H_
#define SAKIP_MODEL_H_

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "boxed.h"
#include "date.h"
#include "diagnostic.h"
#include "link.h"

namespace sakip {

struct Jabatan;
struct Unit;

// A reference as written in content (`camat`, `../camat`,
// `/unit/path/camat`, optionally `#indikator`) and where it was written.
struct Reference {
  std::string text;
  SourcePos pos;
  bool empty() const { return text.empty(); }
};

struct PredikatBand {
  double min = 0;
  std::string label;
};

struct VersionSpec {
  std::string nama;
  std::string ref;    // a git ref, or empty
  std::string dir;    // a folder with a content tree, or empty
  std::string judul;  // title in the version switcher
  SourcePos pos;
};

struct Site {
  std::string judul;
  std::string deskripsi;
  std::string base_url;
  std::optional<int> tahun;
  std::string kertas = "F4";
  bool izinkan_html = false;  // pass raw HTML in Markdown through
  // `riwayat: { tampilkan_commit: true }`: jabatan histories show each
  // commit's author, subject and id (the staff's words, off by default).
  bool riwayat_commit = false;
  std::string source_hash;                   // of site.yaml
  std::vector<PredikatBand> skala_predikat;  // highest band first
  std::vector<VersionSpec> versi;
  SourcePos pos;
};

// The default predikat scale (Permendagri 86/2017).
std::vector<PredikatBand> DefaultPredikatScale();

struct Pejabat {
  std::string nama;
  std::string nip;  // as written; validated by nip.h
  // A NIP a source document prints wrongly, kept for the record; never
  // printed on an official document.
  std::string nip_tercetak;
  std::string pangkat;
  std::string golongan;
  std::string sebutan;  // the title printed above the name, when given
  SourcePos pos;
  SourcePos nip_pos;
};

struct Rumus {
  std::string pembilang;
  std::string penyebut;
  double pengali = 1;
};

struct Anggaran {
  std::string kode;
  std::string kegiatan;
  std::optional<double> pagu;
  std::string sumber_dana;
};

enum class Polaritas { kPositif, kNegatif };
enum class RumusNegatif { kSelisih, kKebalikan };
enum class Agregasi { kKumulatif, kTerakhir, kRataRata };

struct Indikator {
  std::string id;
  std::string sasaran;
  std::string nama;
  std::string formulasi;
  Boxed<Rumus> rumus;  // given for few indicators: on the heap
  std::vector<std::string> sumber_data;
  std::string satuan;
  std::optional<double> target;
  std::string target_keterangan;  // target as printed when not a plain number
  std::string catatan;            // a note shown with the indicator
  std::vector<double> target_triwulan;  // empty, or one per quarter (4)
  Polaritas polaritas = Polaritas::kPositif;
  RumusNegatif rumus_negatif = RumusNegatif::kSelisih;
  Agregasi agregasi = Agregasi::kKumulatif;
  Reference mendukung_ref;
  Link<const Jabatan> mendukung_jabatan;  // resolved
  // Resolved; in mendukung_jabatan, whose unit a page reads by following
  // that link (an indicator does not know its unit).
  const Indikator* mendukung = nullptr;
  Boxed<Anggaran> anggaran;  // likewise
  SourcePos pos;
};

struct Tujuan {
  std::string uraian;
  std::string indikator;
};

struct TandaTangan {
  std::string tempat;
  std::optional<Date> tanggal;
  std::string sebutan;  // title printed above the signature, when not `nama`
};

struct Jabatan {
  std::string id;
  std::string path;  // content file, for diagnostics and links
  Link<Unit> unit;
  std::string nama;
  std::string jenis;
  std::string eselon;
  Reference atasan_ref;
  Link<Jabatan> atasan;                // resolved; may be in another unit
  std::vector<Link<Jabatan>> bawahan;  // resolved, in load order
  std::optional<Pejabat> pejabat;
  std::vector<std::string> tugas;
  std::vector<std::string> fungsi;
  std::vector<Tujuan> tujuan;
  std::vector<Indikator> indikator;
  std::optional<TandaTangan> tanda_tangan;
  std::string body;     // Markdown after the front matter
  int body_line = 0;    // 1-based line of the body's first line in `path`
  bool parsed = false;  // false when the front matter could not be read
  SourcePos pos;

  const Indikator* FindIndikator(const std::string& indikator_id) const;
};

struct Lampiran {
  std::string judul;
  std::string dasar;
  std::vector<Reference> jabatan_refs;
  bool sub_unit = false;
  std::vector<Link<const Jabatan>> jabatan;  // resolved, in printing order
};

struct Keputusan {
  std::string id;
  std::string path;
  Link<Unit> unit;
  std::string jenis;
  std::string nomor;
  std::string tentang;
  std::vector<std::string> menimbang;
  std::vector<std::string> mengingat;
  std::string menetapkan;
  std::vector<std::string> diktum;  // Markdown
  std::string ditetapkan_di;
  std::optional<Date> tanggal;
  Reference penandatangan_ref;
  Link<const Jabatan> penandatangan;  // resolved
  std::string sebutan_penandatangan;  // e.g. CAMAT KANIGARAN KOTA PROBOLINGGO
  std::optional<Lampiran> lampiran;
  std::string body;
  int body_line = 0;
  SourcePos pos;
};

// One quarter's reported figure: either the value itself or the components
// of a structured rumus. Absent quarters are "not reported", never 0.
struct NilaiTriwulan {
  std::optional<double> nilai;
  std::optional<double> pembilang;
  std::optional<double> penyebut;
  bool has_components() const { return pembilang || penyebut; }
};

template <typename T>
using PerTriwulan = std::array<std::optional<T>, 4>;

struct PerjanjianSasaran;

// One row of a quarterly report's Rencana Tindak Lanjut table. Every text
// is optional. `kode` and `kegiatan` are given only by a row that names its
// own activity; the others belong to the indicator's budget line.
struct BarisTindakLanjut {
  std::string kode;
  std::string kegiatan;
  std::string evaluasi;
  std::string tindak_lanjut;
  std::string keterangan;
};

struct RealisasiIndikator {
  std::string indikator_id;
  // Resolved: the year's PK sasaran (its indikator is the sasaran's
  // effective one), else the jabatan's IKI indicator (`sasaran` null).
  const Indikator* indikator = nullptr;
  const PerjanjianSasaran* sasaran = nullptr;
  PerTriwulan<NilaiTriwulan> triwulan;
  PerTriwulan<double> anggaran;    // realised spending, cumulative
  PerTriwulan<double> dilaporkan;  // capaian printed in the report
  // Texts written for a few quarters of a few indicators: held apart, so
  // that the many indicators without them cost a pointer. Per quarter, the
  // rows of `rencana_tindak_lanjut`, or the one row that `evaluasi` and
  // `tindak_lanjut` make.
  struct Catatan {
    std::array<std::vector<BarisTindakLanjut>, 4> tindak_lanjut;
  };
  std::shared_ptr<Catatan> catatan;  // null when there is no text
  SourcePos pos;

  bool HasCatatan(int quarter_index) const {
    return catatan && !catatan->tindak_lanjut[quarter_index].empty();
  }
};

struct RealisasiJabatan {
  std::string jabatan_id;
  Link<const Jabatan> jabatan;  // resolved
  std::vector<RealisasiIndikator> indikator;
  SourcePos pos;
};

// The signature blocks of one quarterly report: who signed it then (not
// necessarily today's holder) and the superior who countersigned.
struct LaporanTriwulan {
  std::string tempat;
  std::optional<Date> tanggal;
  std::optional<Pejabat> pejabat;
  std::optional<Pejabat> atasan;
  SourcePos pos;
};

struct Realisasi {
  int tahun = 0;
  std::string path;
  Link<Unit> unit;
  std::vector<RealisasiJabatan> jabatan;
  // By jabatan id, then quarter (0..3).
  std::map<std::string, PerTriwulan<LaporanTriwulan>> laporan;
  std::map<std::string, SourcePos> laporan_pos;
  SourcePos pos;
};

// One sasaran of a Perjanjian Kinerja. `indikator` is the effective
// indicator the computation uses: what the PK writes, completed at resolve
// time from the linked IKI indicator for every optional field not given.
struct PerjanjianSasaran {
  // Which optional IKI-like fields the PK itself gives (bits of `Diberi`).
  enum Diberi : unsigned {
    kSasaran = 1u << 0,
    kIndikator = 1u << 1,
    kTarget = 1u << 2,
    kSatuan = 1u << 3,
    kFormulasi = 1u << 4,
    kRumus = 1u << 5,
    kSumberData = 1u << 6,
    kPolaritas = 1u << 7,
    kRumusNegatif = 1u << 8,
    kAgregasi = 1u << 9,
  };
  Indikator indikator;  // id = the sasaran id; nama = its `indikator` text
  unsigned diberi = 0;  // Diberi bits
  Reference iki_ref;    // text: an IKI indikator id of the same jabatan
  const Indikator* iki = nullptr;    // resolved
  std::vector<double> rencana_aksi;  // empty, or the target to quarter I..IV
  SourcePos rencana_aksi_pos;
  SourcePos target_pos;
};

// A row of the PK's budget table.
struct PerjanjianAnggaran {
  Anggaran anggaran;
  Reference sasaran_ref;  // text: a sasaran id of the same jabatan, or ""
  const PerjanjianSasaran* sasaran = nullptr;  // resolved
  SourcePos pos;
};

// The agreement of one jabatan (pihak pertama) in a PK file.
struct PerjanjianJabatan {
  std::string jabatan_id;
  Link<const Jabatan> jabatan;      // resolved
  Reference pihak_kedua_ref;        // empty: the jabatan's atasan
  Link<const Jabatan> pihak_kedua;  // resolved (or the atasan)
  std::vector<PerjanjianSasaran> sasaran;
  std::vector<PerjanjianAnggaran> anggaran;
  SourcePos pos;

  const PerjanjianSasaran* FindSasaran(const std::string& sasaran_id) const;
};

// perjanjian/<tahun>.yaml: the Perjanjian Kinerja and its Rencana Aksi.
struct Perjanjian {
  int tahun = 0;
  std::string path;
  Link<Unit> unit;
  std::string jenis = "murni";  // murni | perubahan
  std::string tempat;
  std::optional<Date> tanggal;
  std::vector<PerjanjianJabatan> jabatan;
  SourcePos pos;

  const PerjanjianJabatan* FindJabatan(const std::string& jabatan_id) const;
};

struct Kop {
  std::string alamat;
  std::string telepon;
  std::string faks;
  std::string email;
  std::string kota;
  std::string kode_pos;
  std::string logo;  // path inside the unit folder
  SourcePos logo_pos;
  // The logo file itself, read by the loader (renderers never read the
  // disk); not kept in the parse cache.
  std::string logo_bytes;
};

struct Unit {
  std::string id;    // folder name
  std::string path;  // folder path under content/, e.g. a/b
  Link<Unit> parent;
  std::vector<Link<Unit>> children;  // sorted by id
  std::string nama;
  std::string jenis;
  std::string pemerintah;
  Kop kop;
  std::string dasar_hukum;
  Reference pimpinan_ref;
  Link<const Jabatan> pimpinan;  // resolved (or the unit's root jabatan)
  std::string profil;            // Markdown of index.md
  // A hash of the unit's own files (not its sub-units'): pages made from
  // them are kept by the next build while it stays the same.
  std::string source_hash;
  std::vector<std::unique_ptr<Jabatan>> jabatan;  // sorted by id
  std::vector<std::unique_ptr<Keputusan>> keputusan;
  std::vector<std::unique_ptr<Realisasi>> realisasi;    // sorted by year
  std::vector<std::unique_ptr<Perjanjian>> perjanjian;  // sorted by year
  SourcePos pos;

  const Jabatan* FindJabatan(const std::string& jabatan_id) const;
  const Perjanjian* FindPerjanjian(int tahun) const;
};

struct Model {
  Site site;
  std::vector<std::unique_ptr<Unit>> units;  // depth-first, parents first
  std::vector<Link<Unit>> roots;

  const Unit* FindUnit(const std::string& unit_path) const;
  std::vector<const Jabatan*> AllJabatan() const;
};

inline const Unit* OwnerUnit(const Jabatan* jabatan) {
  return jabatan->unit.raw();
}

}  // namespace sakip

#endif  // SAKIP_MODEL_H_
