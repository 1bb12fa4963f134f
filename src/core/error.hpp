#pragma once
// Errors a user can cause (bad file, unknown id, bad option). Their message is one sentence
// that names the thing and the reason; the CLI prints it and exits with exitCode().
#include <stdexcept>
#include <string>

namespace dorsum::core {

// A sentence that quotes what the user gave (an id, a path) stays a line: beyond `most` bytes its
// middle is elided, keeping the last `tailBytes` (on UTF-8 character boundaries).
inline std::string shortened(const std::string& s, std::size_t most = 600, std::size_t tailBytes = 100) {
  if (s.size() <= most || s.size() <= tailBytes) return s;
  std::size_t head = most > tailBytes + 20 ? most - tailBytes - 20 : most / 2;
  std::size_t tail = s.size() - tailBytes;
  while (head > 0 && (static_cast<unsigned char>(s[head]) & 0xC0) == 0x80) --head;
  while (tail < s.size() && (static_cast<unsigned char>(s[tail]) & 0xC0) == 0x80) ++tail;
  if (tail <= head) return s;
  return s.substr(0, head) + " ... (" + std::to_string(tail - head) + " bytes elided) ... " + s.substr(tail);
}

class UserError : public std::runtime_error {
public:
  enum class Kind { Usage, Failure };
  explicit UserError(const std::string& sentence, Kind kind = Kind::Failure)
      : std::runtime_error(shortened(sentence)), kind_(kind) {}
  Kind kind() const { return kind_; }
  // 2 for usage errors (bad arguments), 1 for failures (bad file, no GL).
  int exitCode() const { return kind_ == Kind::Usage ? 2 : 1; }

private:
  Kind kind_;
};

inline UserError usageError(const std::string& sentence) {
  return UserError(sentence, UserError::Kind::Usage);
}

}  // namespace dorsum::core
