// kubectl_complete-pvcwatch: kubectl's plugin completion (kubectl >= 1.26) runs it from PATH
// with the words typed after `kubectl pvcwatch`, the last one being the word to complete,
// and reads cobra's __complete format from its stdout.
#include <iostream>
#include <string>
#include <vector>

#include "cli/completion.h"

int main(int argc, char** argv) {
  using namespace pvcwatch::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    std::cout << FormatCompletion(Complete(args, RunKubectlCompletion));
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    std::cout << FormatCompletion(Completion{{}, kDirectiveError});
  }
  return 0;
}
