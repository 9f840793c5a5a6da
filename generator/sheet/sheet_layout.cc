#include "sheet_layout.h"

#include <fmt/format.h>

#include "compute.h"

namespace sakip {

std::string ColumnLetters(int col) {
  std::string letters;
  for (++col; col > 0; col = (col - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (col - 1) % 26));
  }
  return letters;
}

const char* QuarterName(int quarter_index) {
  static const char* kNames[] = {"I", "II", "III", "IV"};
  return kNames[quarter_index];
}

std::string ColumnHeading(int col) {
  switch (col) {
    case kColUnit:
      return "id unit";
    case kColTahun:
      return "tahun";
    case kColJabatanId:
      return "id jabatan";
    case kColIndikatorId:
      return "id indikator";
    case kColJabatan:
      return "Jabatan";
    case kColIndikator:
      return "Indikator";
    case kColSatuan:
      return "Satuan";
    case kColTarget:
      return "Target Tahunan";
    default:
      break;
  }
  if (col < kColFirstInput) {
    return std::string("Target TW ") + QuarterName(col - kColTargetTw);
  }
  int quarter = (col - kColFirstInput) / kFieldCount;
  static const char* kFields[] = {"Realisasi", "Pembilang",
                                  "Penyebut",  "Anggaran (Rp)",
                                  "Evaluasi",  "Tindak Lanjut"};
  return std::string(kFields[(col - kColFirstInput) % kFieldCount]) + " TW " +
         QuarterName(quarter);
}

const Realisasi* FindRealisasi(const Unit& unit, int tahun) {
  for (const auto& r : unit.realisasi) {
    if (r->tahun == tahun) return r.get();
  }
  return nullptr;
}

namespace {

const RealisasiIndikator* FindReported(const Realisasi* realisasi,
                                       const std::string& jabatan_id,
                                       const std::string& indikator_id) {
  if (!realisasi) return nullptr;
  for (const RealisasiJabatan& j : realisasi->jabatan) {
    if (j.jabatan_id != jabatan_id) continue;
    for (const RealisasiIndikator& i : j.indikator) {
      if (i.indikator_id == indikator_id) return &i;
    }
  }
  return nullptr;
}

void AddUnitRows(const Unit& unit, int tahun, bool sub_units,
                 std::vector<SheetRow>* rows) {
  const Realisasi* realisasi = FindRealisasi(unit, tahun);
  for (const auto& jabatan : unit.jabatan) {
    for (const BarisHasil& baris : BarisTahun(*jabatan, tahun)) {
      rows->push_back(
          {&unit, jabatan.get(), baris.indikator, baris.sasaran,
           FindReported(realisasi, jabatan->id, baris.indikator->id)});
    }
  }
  if (!sub_units) return;
  for (const Unit* child : unit.children) {
    AddUnitRows(*child, tahun, sub_units, rows);
  }
}

}  // namespace

std::vector<SheetRow> SheetRows(const Unit& unit, int tahun, bool sub_units) {
  std::vector<SheetRow> rows;
  AddUnitRows(unit, tahun, sub_units, &rows);
  return rows;
}

std::string FormatSheetNumber(double value) { return fmt::format("{}", value); }

SheetCatatan CatatanOf(const RealisasiIndikator* realisasi, int q) {
  SheetCatatan out;
  if (!realisasi || !realisasi->HasCatatan(q)) return out;
  const std::vector<BarisTindakLanjut>& rows =
      realisasi->catatan->tindak_lanjut[q];
  const BarisTindakLanjut& first = rows.front();
  out.baris = rows.size() > 1 || !first.kode.empty() ||
              !first.kegiatan.empty() || !first.keterangan.empty();
  if (!out.baris) {
    if (!first.evaluasi.empty()) out.evaluasi = first.evaluasi;
    if (!first.tindak_lanjut.empty()) out.tindak_lanjut = first.tindak_lanjut;
    return out;
  }
  std::string evaluasi, tindak_lanjut;
  for (const BarisTindakLanjut& row : rows) {
    if (!row.evaluasi.empty())
      evaluasi += (evaluasi.empty() ? "" : "\n") + row.evaluasi;
    if (!row.tindak_lanjut.empty()) {
      tindak_lanjut += (tindak_lanjut.empty() ? "" : "\n") + row.tindak_lanjut;
    }
  }
  out.evaluasi = evaluasi;
  out.tindak_lanjut = tindak_lanjut;
  return out;
}

}  // namespace sakip
