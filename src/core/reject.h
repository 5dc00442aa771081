// Reject: a row that could not be imported, with where and why. Rejects are not failures:
// the good rows of the same file still import.
#pragma once

#include <cstdint>
#include <string>

namespace ringback {

struct Reject {
  std::string file;
  std::int64_t line = 0;
  std::string field;   // the column or part at fault, empty for the whole row
  std::string reason;  // "not a date: \"13/45/2026 25:99\""
};

}  // namespace ringback
