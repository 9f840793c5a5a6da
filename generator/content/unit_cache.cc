#include "unit_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <type_traits>

#include "file_system.h"
#include "output_disk.h"
#include "stable_hash.h"
#include "version.h"

namespace sakip {
namespace {

namespace fs = std::filesystem;

// 2: units hold their Perjanjian Kinerja. 3: Rencana Tindak Lanjut rows.
constexpr const char* kMagic = "sakip-unit-cache 3\n";

// A field added to one of these structs must be added to its Io() below;
// the sizes catch a forgotten one (x86-64, libstdc++).
static_assert(sizeof(Indikator) == 400, "add the new field to Io(Indikator)");
static_assert(sizeof(Jabatan) == 720, "add the new field to Io(Jabatan)");
static_assert(sizeof(Keputusan) == 592, "add the new field to Io(Keputusan)");
static_assert(sizeof(Realisasi) == 184, "add the new field to Io(Realisasi)");
static_assert(sizeof(RealisasiIndikator) == 432,
              "add the new field to Io(RealisasiIndikator)");
// Kop::logo_bytes is not stored: the loader reads the logo on every load.
static_assert(sizeof(Unit) == 728, "add the new field to Io(Unit)");
static_assert(sizeof(Perjanjian) == 168, "add the new field to Io(Perjanjian)");
static_assert(sizeof(PerjanjianJabatan) == 160,
              "add the new field to Io(PerjanjianJabatan)");
static_assert(sizeof(PerjanjianSasaran) == 520,
              "add the new field to Io(PerjanjianSasaran)");
static_assert(sizeof(PerjanjianAnggaran) == 184,
              "add the new field to Io(PerjanjianAnggaran)");
static_assert(sizeof(Pejabat) == 224, "add the new field to Io(Pejabat)");
static_assert(sizeof(BarisTindakLanjut) == 160,
              "add the new field to Io(BarisTindakLanjut)");

// Writes values in the order Io() names them.
struct Writer {
  static constexpr bool kReading = false;
  std::string bytes;
  void Raw(const void* data, size_t size) {
    bytes.append(static_cast<const char*>(data), size);
  }
};

// Reads them back; once past the end, every read fails and leaves zeros.
struct Reader {
  static constexpr bool kReading = true;
  const char* at;
  const char* end;
  bool ok = true;
  SourcePath last_path;  // most positions repeat the one before
  void Raw(void* data, size_t size) {
    if (!ok || static_cast<size_t>(end - at) < size) {
      ok = false;
      std::memset(data, 0, size);
      return;
    }
    std::memcpy(data, at, size);
    at += size;
  }
};

template <typename A, typename T>
requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void Io(A& a, T& value) { a.Raw(&value, sizeof value); }

// A count, bounded by what is left to read (a corrupt count fails the
// read instead of allocating).
template <typename A>
size_t Count(A& a, size_t size) {
  uint64_t count = size;
  Io(a, count);
  if constexpr (A::kReading) {
    if (count > static_cast<uint64_t>(a.end - a.at)) {
      a.ok = false;
      return 0;
    }
  }
  return static_cast<size_t>(count);
}

template <typename A>
void Io(A& a, std::string& text) {
  size_t size = Count(a, text.size());
  if constexpr (A::kReading) text.resize(size);
  a.Raw(text.data(), size);
}

// std::optional and Boxed: a presence flag, then the value.
template <typename A, typename O>
requires requires(O o) {
  o.has_value();
  o.emplace();
}
void Io(A& a, O& value) {
  bool present = value.has_value();
  Io(a, present);
  if constexpr (A::kReading) {
    if (present) value.emplace();
  }
  if (present) Io(a, *value);
}

template <typename A, typename T>
void Io(A& a, std::vector<T>& items) {
  size_t size = Count(a, items.size());
  if constexpr (A::kReading) items.resize(size);
  for (T& item : items) Io(a, item);
}

template <typename A, typename T, size_t N>
void Io(A& a, std::array<T, N>& items) {
  for (T& item : items) Io(a, item);
}

template <typename A, typename V>
void Io(A& a, std::map<std::string, V>& map) {
  size_t size = Count(a, map.size());
  if constexpr (A::kReading) {
    for (size_t i = 0; i < size && a.ok; ++i) {
      std::string key;
      Io(a, key);
      Io(a, map[key]);
    }
  } else {
    for (auto& [key, value] : map) {
      std::string copy = key;
      Io(a, copy);
      Io(a, value);
    }
  }
}

// Owned items (jabatan, keputusan, realisasi, notes).
template <typename A, typename T>
void Io(A& a, std::unique_ptr<T>& item) {
  if constexpr (A::kReading) item = std::make_unique<T>();
  Io(a, *item);
}

template <typename A, typename T>
void Io(A& a, std::shared_ptr<T>& item) {
  bool present = item != nullptr;
  Io(a, present);
  if constexpr (A::kReading) {
    if (present) item = std::make_shared<T>();
  }
  if (present) Io(a, *item);
}

template <typename A, typename... T>
void Fields(A& a, T&... fields) {
  (Io(a, fields), ...);
}

template <typename A>
void Io(A& a, SourcePath& path) {
  if constexpr (A::kReading) {
    size_t size = Count(a, 0);  // bounded by what is left to read
    if (!a.ok) return;
    std::string_view text(a.at, size);
    a.at += size;
    if (text != a.last_path.str()) a.last_path = SourcePath(text);
    path = a.last_path;
  } else {
    std::string text = path.str();
    Io(a, text);
  }
}

template <typename A>
void Io(A& a, SourcePos& p) {
  Fields(a, p.path, p.line, p.col);
}
template <typename A>
void Io(A& a, Date& d) {
  Fields(a, d.year, d.month, d.day);
}
template <typename A>
void Io(A& a, Reference& r) {
  Fields(a, r.text, r.pos);
}
template <typename A>
void Io(A& a, Diagnostic& d) {
  Fields(a, d.pos, d.severity, d.message, d.hint);
}
template <typename A>
void Io(A& a, Pejabat& p) {
  Fields(a, p.nama, p.nip, p.nip_tercetak, p.pangkat, p.golongan, p.sebutan,
         p.pos, p.nip_pos);
}
template <typename A>
void Io(A& a, Rumus& r) {
  Fields(a, r.pembilang, r.penyebut, r.pengali);
}
template <typename A>
void Io(A& a, Anggaran& g) {
  Fields(a, g.kode, g.kegiatan, g.pagu, g.sumber_dana);
}
template <typename A>
void Io(A& a, Indikator& i) {
  Fields(a, i.id, i.sasaran, i.nama, i.formulasi, i.rumus, i.sumber_data,
         i.satuan, i.target, i.target_keterangan, i.catatan, i.target_triwulan,
         i.polaritas, i.rumus_negatif, i.agregasi, i.mendukung_ref, i.anggaran,
         i.pos);
}
template <typename A>
void Io(A& a, Tujuan& t) {
  Fields(a, t.uraian, t.indikator);
}
template <typename A>
void Io(A& a, TandaTangan& t) {
  Fields(a, t.tempat, t.tanggal, t.sebutan);
}
template <typename A>
void Io(A& a, Jabatan& j) {
  Fields(a, j.id, j.path, j.nama, j.jenis, j.eselon, j.atasan_ref, j.pejabat,
         j.tugas, j.fungsi, j.tujuan, j.indikator, j.tanda_tangan, j.body,
         j.body_line, j.parsed, j.pos);
}
template <typename A>
void Io(A& a, Lampiran& l) {
  Fields(a, l.judul, l.dasar, l.jabatan_refs, l.sub_unit);
}
template <typename A>
void Io(A& a, Keputusan& k) {
  Fields(a, k.id, k.path, k.jenis, k.nomor, k.tentang, k.menimbang, k.mengingat,
         k.menetapkan, k.diktum, k.ditetapkan_di, k.tanggal,
         k.penandatangan_ref, k.sebutan_penandatangan, k.lampiran, k.body,
         k.body_line, k.pos);
}
template <typename A>
void Io(A& a, NilaiTriwulan& n) {
  Fields(a, n.nilai, n.pembilang, n.penyebut);
}
template <typename A>
void Io(A& a, BarisTindakLanjut& b) {
  Fields(a, b.kode, b.kegiatan, b.evaluasi, b.tindak_lanjut, b.keterangan);
}
template <typename A>
void Io(A& a, RealisasiIndikator::Catatan& c) {
  Fields(a, c.tindak_lanjut);
}
template <typename A>
void Io(A& a, RealisasiIndikator& r) {
  Fields(a, r.indikator_id, r.triwulan, r.anggaran, r.dilaporkan, r.catatan,
         r.pos);
}
template <typename A>
void Io(A& a, RealisasiJabatan& r) {
  Fields(a, r.jabatan_id, r.indikator, r.pos);
}
template <typename A>
void Io(A& a, LaporanTriwulan& l) {
  Fields(a, l.tempat, l.tanggal, l.pejabat, l.atasan, l.pos);
}
template <typename A>
void Io(A& a, Realisasi& r) {
  Fields(a, r.tahun, r.path, r.jabatan, r.laporan, r.laporan_pos, r.pos);
}
template <typename A>
void Io(A& a, PerjanjianSasaran& s) {
  Fields(a, s.indikator, s.diberi, s.iki_ref, s.rencana_aksi,
         s.rencana_aksi_pos, s.target_pos);
}
template <typename A>
void Io(A& a, PerjanjianAnggaran& r) {
  Fields(a, r.anggaran, r.sasaran_ref, r.pos);
}
template <typename A>
void Io(A& a, PerjanjianJabatan& j) {
  Fields(a, j.jabatan_id, j.pihak_kedua_ref, j.sasaran, j.anggaran, j.pos);
}
template <typename A>
void Io(A& a, Perjanjian& p) {
  Fields(a, p.tahun, p.path, p.jenis, p.tempat, p.tanggal, p.jabatan, p.pos);
}
template <typename A>
void Io(A& a, Kop& k) {
  Fields(a, k.alamat, k.telepon, k.faks, k.email, k.kota, k.kode_pos, k.logo,
         k.logo_pos);
}
// The unit's content; id, path, parent and children come from the walk.
template <typename A>
void Io(A& a, Unit& u) {
  Fields(a, u.nama, u.jenis, u.pemerintah, u.kop, u.dasar_hukum, u.pimpinan_ref,
         u.profil, u.source_hash, u.pos, u.jabatan, u.keputusan, u.realisasi,
         u.perjanjian);
}

}  // namespace

std::string SerializeUnit(const Unit& unit,
                          const std::vector<Diagnostic>& diagnostics) {
  Writer writer;
  // Io takes non-const references, for both directions; writing only reads.
  Io(writer, const_cast<Unit&>(unit));
  Io(writer, const_cast<std::vector<Diagnostic>&>(diagnostics));
  return std::move(writer.bytes);
}

bool DeserializeUnit(std::string_view bytes, Unit* unit,
                     std::vector<Diagnostic>* diagnostics) {
  Reader reader{bytes.data(), bytes.data() + bytes.size(), true, {}};
  Io(reader, *unit);
  Io(reader, *diagnostics);
  if (!reader.ok || reader.at != reader.end) return false;
  for (auto& jabatan : unit->jabatan) jabatan->unit = unit;
  for (auto& keputusan : unit->keputusan) keputusan->unit = unit;
  for (auto& realisasi : unit->realisasi) realisasi->unit = unit;
  for (auto& perjanjian : unit->perjanjian) perjanjian->unit = unit;
  return true;
}

UnitCache::UnitCache(std::string folder) : folder_(std::move(folder)) {}

std::string UnitCache::GeneratorId() {
  struct stat info {};
  stat("/proc/self/exe", &info);
  return std::string(kVersion) + " " + std::to_string(info.st_size) + " " +
         std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec);
}

std::string UnitCache::FileOf(const std::string& unit_path) const {
  return (fs::path(folder_) / (StableHash(unit_path) + ".unit")).string();
}

bool UnitCache::Load(const std::string& key, Unit* unit,
                     std::vector<Diagnostic>* diagnostics) const {
  if (!enabled()) return false;
  // Each loading thread reads its units into the same memory.
  static thread_local std::string bytes;
  if (!ReadWholeFileInto(FileOf(unit->path), &bytes)) return false;
  // A file cut short or damaged (a garbled byte of a name would still
  // read back) is parsed again.
  std::string_view content(bytes);
  if (!Unseal(&content)) return false;
  std::string header = kMagic + key + "\n";
  if (content.compare(0, header.size(), header) != 0) return false;
  content.remove_prefix(header.size());
  if (DeserializeUnit(content, unit, diagnostics)) return true;
  // Corrupt: back to the unit as the folder walk made it.
  Unit walked;
  walked.id = std::move(unit->id);
  walked.path = std::move(unit->path);
  walked.parent = unit->parent;
  walked.children = std::move(unit->children);
  *unit = std::move(walked);
  diagnostics->clear();
  return false;
}

void UnitCache::Store(const std::string& key, const Unit& unit,
                      const std::vector<Diagnostic>& diagnostics) const {
  if (!enabled()) return;
  // Whole or not at all; a failure only makes the next build slower.
  disk::ReplaceFile(
      FileOf(unit.path),
      Sealed(kMagic + key + "\n" + SerializeUnit(unit, diagnostics)));
}

}  // namespace sakip
