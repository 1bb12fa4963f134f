#include "core/video_check.hpp"

#include <cstdint>

namespace dorsum::core {

namespace {
std::uint64_t bigEndian(std::string_view b, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + std::size_t(i)]);
  return v;
}

bool mp4Complete(std::string_view b) {
  std::uint64_t at = 0;
  bool moov = false, mdat = false;
  while (at < b.size()) {
    if (b.size() - at < 8) return false;
    std::uint64_t size = bigEndian(b, std::size_t(at), 4);
    const std::string_view type = b.substr(std::size_t(at) + 4, 4);
    std::uint64_t header = 8;
    if (size == 1) {  // a 64-bit size follows the type
      if (b.size() - at < 16) return false;
      size = bigEndian(b, std::size_t(at) + 8, 8);
      header = 16;
    } else if (size == 0) {  // runs to the end of the file
      size = b.size() - at;
    }
    if (size < header || size > b.size() - at) return false;
    moov = moov || type == "moov";
    mdat = mdat || type == "mdat";
    at += size;
  }
  return moov && mdat;
}

// An EBML variable-length integer at `at`: its length in bytes and value (all ones: unknown).
bool vint(std::string_view b, std::size_t at, int& length, std::uint64_t& value, bool& unknown) {
  if (at >= b.size()) return false;
  const unsigned char first = static_cast<unsigned char>(b[at]);
  length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) ++length;
  if (length > 8 || at + std::size_t(length) > b.size()) return false;
  value = first & (0xFF >> length);
  bool allOnes = value == (0xFFu >> length);
  for (int i = 1; i < length; ++i) {
    const unsigned char c = static_cast<unsigned char>(b[at + std::size_t(i)]);
    value = (value << 8) | c;
    allOnes = allOnes && c == 0xFF;
  }
  unknown = allOnes;
  return true;
}

bool webmComplete(std::string_view b) {
  if (b.size() < 8 || bigEndian(b, 0, 4) != 0x1A45DFA3) return false;
  int length = 0;
  std::uint64_t size = 0;
  bool unknown = false;
  if (!vint(b, 4, length, size, unknown) || unknown) return false;
  const std::uint64_t segment = 4 + std::uint64_t(length) + size;
  if (segment + 4 > b.size() || bigEndian(b, std::size_t(segment), 4) != 0x18538067) return false;
  if (!vint(b, std::size_t(segment) + 4, length, size, unknown)) return false;
  return unknown || segment + 4 + std::uint64_t(length) + size == b.size();
}
}  // namespace

bool videoBytesComplete(std::string_view bytes) {
  if (bytes.size() >= 4 && bigEndian(bytes, 0, 4) == 0x1A45DFA3) return webmComplete(bytes);
  return mp4Complete(bytes);
}

}  // namespace dorsum::core
