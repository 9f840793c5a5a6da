#include "read_record.h"

#include <algorithm>

namespace sakip {

std::vector<ReadRecorder::Read> ReadRecorder::Reads() const {
  std::vector<Read> reads = reads_;
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  return reads;
}

}  // namespace sakip
