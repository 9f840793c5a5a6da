#include "link.h"

#include <catch2/catch.hpp>

#include "model.h"
#include "read_record.h"

namespace sakip {
namespace {

TEST_CASE("following a link records a read of its target's unit") {
  Unit kec, dinas;
  kec.path = "kota/kec";
  dinas.path = "kota/dinas";
  Jabatan camat, kepala;
  camat.unit = &kec;
  kepala.unit = &dinas;
  kepala.nama = "Kepala";
  camat.bawahan.push_back(&kepala);
  ReadRecorder recorder;
  {
    ScopedRecorder scope(&recorder);
    // Tests and comparisons read nothing.
    CHECK(camat.bawahan[0]);
    CHECK(camat.bawahan[0] == &kepala);
    CHECK_FALSE(camat.atasan);
    CHECK(recorder.Reads().empty());
    // A jabatan's unit, not the jabatan's own unit link followed again.
    CHECK(camat.bawahan[0]->nama == "Kepala");
    const Jabatan* raw = camat.bawahan[0].raw();
    CHECK(raw == &kepala);
    const Unit* unit = camat.unit;  // a conversion is a read too
    CHECK(unit == &kec);
  }
  std::vector<ReadRecorder::Read> reads = recorder.Reads();
  REQUIRE(reads.size() == 2);
  CHECK((reads[0].second == &dinas || reads[1].second == &dinas));
  CHECK((reads[0].second == &kec || reads[1].second == &kec));
  CHECK(reads[0].first == ReadKind::kOwn);
  // Without a recorder nothing is kept, and the scope put it back.
  CHECK(camat.bawahan[0]->nama == "Kepala");
  CHECK(recorder.Reads().size() == 2);
}

TEST_CASE("a recorder keeps each read once, and scopes nest") {
  int a = 0, b = 0;
  ReadRecorder outer, inner;
  ScopedRecorder scope(&outer);
  NoteRead(ReadKind::kOwn, &a);
  NoteRead(ReadKind::kOwn, &a);
  {
    ScopedRecorder nested(&inner);
    NoteRead(ReadKind::kSubtree, &b);
  }
  NoteRead(ReadKind::kHistory, &b);
  NoteRead(ReadKind::kOwn, &a);
  NoteRead(ReadKind::kRoots, nullptr);
  CHECK(outer.Reads().size() == 3);
  REQUIRE(inner.Reads().size() == 1);
  CHECK(inner.Reads()[0] == ReadRecorder::Read(ReadKind::kSubtree, &b));
}

}  // namespace
}  // namespace sakip
