// Fuzz target: command lines. The input is the arguments after `dorsum`, one a line. They are
// parsed by the real command line (app/cli.cpp) and its checks of the values run (sizes, views, the
// viewer's model word); no command runs. Parsing ends in help, a one-sentence parse error, a
// UserError, or a command ready to run; nothing else may leave it, and no message floods the
// terminal with what the user typed.
#include "fuzz_common.hpp"

#include "app/cli.hpp"
#include "core/error.hpp"

#include <cstdint>
#include <exception>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace dorsum;

namespace {
void checkShortLines(const std::string& text) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.size() > fuzz::kMaxDiagnosticBytes)
      fuzz::finding("a message line of " + std::to_string(line.size()) + " bytes: " + line.substr(0, 200));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> args{"dorsum"};
  for (std::size_t start = 0; start < input.size() && args.size() < 64;) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    args.emplace_back(input.substr(start, end - start));
    start = end + 1;
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  try {
    app::CommandLine commandLine;
    if (!commandLine.parse(int(argv.size()), argv.data(), out, err)) commandLine.checkValues();
  } catch (const core::UserError& e) {
    checkShortLines(e.what());
  } catch (const std::exception& e) {
    fuzz::finding(std::string("an exception left the command line: ") + e.what());
  }
  checkShortLines(err.str());
  return 0;
}
