// The YAML and front-matter loader: the input is a jabatan file (front
// matter and Markdown body) and, split at the first NUL byte, unit.yaml.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  sakip::MemoryFileSystem fs = sakip::fuzz::BaseTree();
  size_t split = input.find('\0');
  fs.Write("kec/jabatan/staf.md", input.substr(0, split));
  if (split != std::string::npos) {
    fs.Write("kec/unit.yaml", input.substr(split + 1));
  }
  sakip::fuzz::LoadEverything(fs);
  return 0;
}
