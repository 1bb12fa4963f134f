// dorsum: the viewer and its command-line tools. main() turns errors a user can cause into one
// sentence on stderr and an exit code (2 usage, 1 failure); tests call the commands directly so a
// programmer error still crashes loudly there. The commands and options are in app/cli.cpp.
#include "app/cli.hpp"
#include "core/error.hpp"

#include <iostream>

int main(int argc, char** argv) {
  try {
    dorsum::app::CommandLine commandLine;
    if (const auto done = commandLine.parse(argc, argv, std::cout, std::cerr)) return *done;
    return commandLine.run();
  } catch (const dorsum::core::UserError& e) {
    std::cerr << "dorsum: " << e.what() << "\n";
    return e.exitCode();
  } catch (const std::exception& e) {
    std::cerr << "dorsum: an unexpected error stopped the program: " << e.what() << "\n";
    return 1;
  }
}
