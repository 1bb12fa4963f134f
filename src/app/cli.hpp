#pragma once
// The command line: every command and option (CLI11), apart from main(), so that parsing can be
// tried on any argv without running a command (tests/fuzz/fuzz_cli.cpp).
#include <iosfwd>
#include <memory>
#include <optional>

namespace dorsum::app {

class CommandLine {
public:
  CommandLine();
  ~CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  // Parses argv. An exit code when parsing ends the program (help printed to `out`: 0; a parse
  // error said in one sentence on `err`: 2); none when a command is to run.
  std::optional<int> parse(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
  // The checks of the parsed values that need no file, atlas or context (sizes, views, the
  // viewer's model word); throws a usage UserError. run() does them first.
  void checkValues() const;
  // Runs the parsed command; throws UserError for errors a user can cause.
  int run();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dorsum::app
