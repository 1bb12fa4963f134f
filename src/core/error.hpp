#pragma once
// Errors a user can cause (bad file, unknown id, bad option). Their message is one sentence
// that names the thing and the reason; the CLI prints it and exits with exitCode().
#include <stdexcept>
#include <string>

namespace dorsum::core {

class UserError : public std::runtime_error {
public:
  enum class Kind { Usage, Failure };
  explicit UserError(const std::string& sentence, Kind kind = Kind::Failure)
      : std::runtime_error(sentence), kind_(kind) {}
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
