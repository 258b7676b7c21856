// libFuzzer target over kwe-verify's input parsers: the whole command line (CLI11 and
// app/validation.cpp, up to the point where the computation would start: app/main.cpp built with
// KWE_FUZZ stops there), the exponent parser of --assume (checks/exponent.cpp) and the decimal parser
// of every numeric option (estimates/real.hpp).
// Input: the first byte picks the parser; the rest is the exponent or number text, or the arguments,
// separated by NUL bytes. A crash, a sanitizer report or an exception escaping is a bug.
#include "checks/exponent.hpp"
#include "estimates/real.hpp"

#include <cstdint>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

int kwe_main(int argc, char** argv, bool only_validate);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 4096) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      try {
        const auto e = kwe::checks::parse_exponent(text);
        (void)e.at(0.5, 12);
      } catch (const std::invalid_argument&) {
      }
      return 0;
    case 1:
      try {
        kwe::set_working_precision(30);
        (void)kwe::parse_real(text, "x");
      } catch (const std::invalid_argument&) {
      }
      return 0;
    default: break;
  }
  std::vector<std::string> words{"kwe-verify"};
  std::string word;
  for (char c : text) {
    if (c == '\0') {
      words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  words.push_back(word);
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  // The program's own output (help, list) is not the point.
  static std::ostringstream sink;
  std::streambuf* const out = std::cout.rdbuf(sink.rdbuf());
  std::streambuf* const err = std::cerr.rdbuf(sink.rdbuf());
  (void)kwe_main(static_cast<int>(words.size()), argv.data(), true);
  std::cout.rdbuf(out);
  std::cerr.rdbuf(err);
  sink.str("");
  return 0;
}
