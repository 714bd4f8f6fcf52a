// kubectl_complete-pvcwatch: kubectl's plugin completion (kubectl >= 1.26) runs it from PATH
// with the words typed after `kubectl pvcwatch`, the last one being the word to complete,
// and reads cobra's __complete format from its stdout.
#include <ostream>
#include <string>
#include <vector>

#include "cli/completion.h"
#include "go/os.h"
#include "print/fd_output.h"

int main(int argc, char** argv) {
  using namespace pvcwatch::cli;
  std::vector<std::string> args = pvcwatch::go::Args(argc, argv);
  args.erase(args.begin());
  // Straight to the descriptors: no C runtime text mode turning "\n" into "\r\n".
  pvcwatch::print::FdOutput out_buffer(1, nullptr);
  pvcwatch::print::FdOutput err_buffer(2, nullptr);
  std::ostream out(&out_buffer);
  std::ostream err(&err_buffer);
  try {
    out << FormatCompletion(Complete(args, RunKubectlCompletion));
  } catch (const std::exception& e) {
    err << "error: " << e.what() << "\n";
    out << FormatCompletion(Completion{{}, kDirectiveError});
  }
  return 0;
}
