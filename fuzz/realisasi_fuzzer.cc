// The realisasi loader and the computations it feeds.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sakip::MemoryFileSystem fs = sakip::fuzz::BaseTree();
  fs.Write("kec/realisasi/2024.yaml",
           std::string(reinterpret_cast<const char*>(data), size));
  sakip::fuzz::LoadEverything(fs);
  return 0;
}
