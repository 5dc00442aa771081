// Text decoding (DecodingStream: UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1252, mixed).
// Invariants: the output is valid UTF-8; input that is valid UTF-8 and detected as such comes
// out unchanged (less its BOM); Windows1252ToUtf8 always gives valid UTF-8.
#include <sstream>

#include "fuzz/fuzz_support.h"

using namespace ringback;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::istringstream raw(input);
  DecodingStream text(raw);
  std::ostringstream out;
  out << text.rdbuf();
  const std::string decoded = out.str();
  fuzz::RequireUtf8(decoded, "decoded text is not UTF-8");
  fuzz::RequireUtf8(text.report().Describe(), "encoding description is not UTF-8");
  const EncodingGuess guess = DetectEncoding(input);
  if (guess.encoding == TextEncoding::kUtf8 && IsValidUtf8(input))
    fuzz::Require(decoded == input.substr(guess.bom_bytes), "valid UTF-8 was changed by decoding");
  fuzz::RequireUtf8(Windows1252ToUtf8(input), "Windows-1252 conversion is not UTF-8");
  return 0;
}
