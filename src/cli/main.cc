// ringback: command-line entry point. Each command lives in its own file under src/cli/.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return ringback::cli::Run(args, std::cin, std::cout, std::cerr);
}
