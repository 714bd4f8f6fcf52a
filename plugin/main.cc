// kubectl-pvcwatch: parse flags, run, map errors to kubectl's text and exit codes.
#include <iostream>

#include "cli/options.h"
#include "cli/run.h"

int main(int argc, char** argv) {
  using namespace pvcwatch::cli;
  try {
    Options options = ParseOptions(argc, argv);
    return Run(options, std::cout, std::cerr);
  } catch (const UsageError& e) {
    std::cerr << "error: " << e.what() << "\nSee 'kubectl pvcwatch --help' for usage.\n";
    return kExitError;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << ErrorMessage(e) << "\n";
    return kExitError;
  }
}
