// One parser per content file kind: YAML value in, model struct out, every
// problem reported through the value's Diagnostics.
#ifndef SAKIP_CONTENT_PARSERS_H_
#define SAKIP_CONTENT_PARSERS_H_

#include <optional>
#include <string>

#include "model.h"
#include "yaml_reader.h"

namespace sakip {

// Ids are file or folder names: [a-z0-9]+(-[a-z0-9]+)*.
bool IsValidId(const std::string& id);
// A valid id made from `text`, to suggest in a hint.
std::string SuggestId(const std::string& text);

void ParseSite(const YamlValue& root, Site* site);
void ParseUnit(const YamlValue& root, Unit* unit);
void ParseJabatan(const YamlValue& root, Jabatan* jabatan);
void ParseKeputusan(const YamlValue& root, Keputusan* keputusan);
void ParseRealisasi(const YamlValue& root, Realisasi* realisasi);
// perjanjian/<tahun>.yaml; `perjanjian->tahun` is the year of the file name.
void ParsePerjanjian(const YamlValue& root, Perjanjian* perjanjian);

// The fields an IKI indicator and a PK sasaran share: formulasi, rumus,
// sumber_data, polaritas, rumus_negatif, agregasi.
void ParseIndikatorRumus(const MapReader& map, Indikator* indikator);

// Shared by jabatan files and realisasi files. Checks the NIP.
// `nama` is required except in report signature blocks, where a source may
// print a title with no name under it.
std::optional<Pejabat> ParsePejabat(const YamlValue& value,
                                    Need nama = Need::kRequired);
std::optional<TandaTangan> ParseTandaTangan(const YamlValue& value);
Reference ReadReference(const MapReader& map, const std::string& key);

}  // namespace sakip

#endif  // SAKIP_CONTENT_PARSERS_H_
