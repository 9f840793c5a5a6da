// keputusan/<id>.md front matter: a decree and its appendix.
#include "content_parsers.h"

namespace sakip {

void ParseKeputusan(const YamlValue& root, Keputusan* keputusan) {
  MapReader map(
      root, "keputusan",
      {"jenis", "nomor", "tentang", "menimbang", "mengingat", "menetapkan",
       "diktum", "ditetapkan_di", "tanggal", "penandatangan",
       "sebutan_penandatangan", "lampiran", "memperhatikan"});
  keputusan->pos = map.Pos();
  keputusan->jenis = map.String("jenis", Need::kRequired).value_or("");
  keputusan->nomor = map.String("nomor", Need::kRequired).value_or("");
  keputusan->tentang = map.String("tentang", Need::kRequired).value_or("");
  keputusan->menimbang = map.StringList("menimbang");
  keputusan->mengingat = map.StringList("mengingat");
  keputusan->menetapkan = map.String("menetapkan").value_or("");
  keputusan->diktum = map.StringList("diktum", Need::kRequired);
  keputusan->ditetapkan_di = map.String("ditetapkan_di").value_or("");
  keputusan->tanggal = map.DateValue("tanggal", Need::kRequired);
  keputusan->penandatangan_ref = ReadReference(map, "penandatangan");
  keputusan->sebutan_penandatangan =
      map.String("sebutan_penandatangan").value_or("");
  if (keputusan->penandatangan_ref.empty()) {
    map.String("penandatangan", Need::kRequired);
  }
  if (map.Has("lampiran")) {
    MapReader l(map.Get("lampiran"), "lampiran",
                {"judul", "dasar", "jabatan", "sub_unit"});
    if (l.ok()) {
      Lampiran lampiran;
      lampiran.judul = l.String("judul", Need::kRequired).value_or("");
      lampiran.dasar = l.String("dasar").value_or("");
      YamlValue list = l.Get("jabatan");
      std::vector<YamlValue> items =
          list.IsScalar() ? std::vector<YamlValue>{list} : list.Items();
      if (list.IsMap()) {
        root.source()->diagnostics->Error(
            list.Pos(), "lampiran `jabatan` must be a list of jabatan ids");
      }
      for (const YamlValue& item : items) {
        if (std::optional<std::string> text =
                item.AsString("a lampiran jabatan")) {
          lampiran.jabatan_refs.push_back({*text, item.Pos()});
        }
      }
      lampiran.sub_unit = l.Bool("sub_unit").value_or(false);
      keputusan->lampiran = std::move(lampiran);
    }
  }
}

}  // namespace sakip
