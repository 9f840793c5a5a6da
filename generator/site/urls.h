// Where each page lives in a version's output, and relative links between
// pages, so that a built site works from any base path and from file://.
#ifndef SAKIP_URLS_H_
#define SAKIP_URLS_H_

#include <string>

#include "model.h"

namespace sakip {

// Paths relative to the version folder.
std::string HomePath();
std::string UnitPath(const Unit& unit);
std::string JabatanPath(const Jabatan& jabatan);
std::string KeputusanPath(const Keputusan& keputusan);
// The unit's document index ("Dokumen SAKIP").
std::string DokumenPath(const Unit& unit);
std::string AssetPath(const std::string& file);  // "sakip.css" -> aset/...
// Where a unit's logo is copied: aset/logo/<unit path>/<file as given>.
std::string LogoPath(const Unit& unit);
// The unit's rows of the open data: data/unit/<unit path>/indikator.<ext>
// (`ext` "csv" or "xlsx"; written by open_data.cc).
std::string UnitDataPath(const Unit& unit, const std::string& ext);

// Printable documents, under cetak/ (PDFs sit beside, with .pdf).
std::string CetakKeputusanPath(const Keputusan& keputusan);
std::string CetakIkiPath(const Jabatan& jabatan);
std::string CetakLaporanPath(const Jabatan& jabatan, int tahun, int triwulan);
// The Perjanjian Kinerja (with its Rencana Aksi) of one jabatan and year:
// cetak/<unit path>/perjanjian/<tahun>/<jabatan id>.html.
std::string PerjanjianPrintPath(const Unit& unit, int tahun,
                                const std::string& jabatan_id);
// The same path, from the jabatan.
std::string CetakPerjanjianPath(const Jabatan& jabatan, int tahun);

// The link from the page at `from` to the file at `to` (both relative to
// the same root), e.g. "../../satpol-pp/index.html".
std::string RelativeUrl(const std::string& from, const std::string& to);

// The prefix that leads from `page` back to the root ("", "../", ...).
std::string RootPrefix(const std::string& page);

}  // namespace sakip

#endif  // SAKIP_URLS_H_
