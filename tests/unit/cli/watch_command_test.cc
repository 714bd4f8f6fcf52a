#include "cli/watch_command.h"

#include <pthread.h>
#include <signal.h>

#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../pvc/claim_fixture.h"
#include "cli/error_message.h"
#include "print/make_event_printer.h"
#include "rest/errors.h"

// RunWatch end to end on scripted seams: a lister-watcher that delivers events and then
// waits until it is cancelled, the real reflector, ledger, threshold and printers.
namespace pvcwatch::cli {
namespace {

class ScriptedWatch : public watch::ListerWatcher {
 public:
  std::vector<watch::Event> events;
  std::optional<rest::StatusError> failure;  // thrown by Watch instead
  std::function<void()> on_drained;          // once every event has been taken

  watch::ListPage List(const watch::Scope&, int, const std::string&) override {
    watch::ListPage page;
    page.resource_version = "1";
    return page;
  }
  std::unique_ptr<watch::EventStream> Watch(const watch::Scope&, const std::string&, int) override {
    if (failure) throw *failure;
    return std::make_unique<Stream>(*this);
  }
  void Cancel() override {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    wake_.notify_all();
  }

 private:
  class Stream : public watch::EventStream {
   public:
    explicit Stream(ScriptedWatch& owner) : owner_(owner) {}
    std::optional<watch::Event> Next() override {
      if (next_ < owner_.events.size()) return owner_.events[next_++];
      if (!drained_ && owner_.on_drained) owner_.on_drained();
      drained_ = true;
      std::unique_lock lock(owner_.mutex_);
      owner_.wake_.wait(lock, [&] { return owner_.cancelled_; });
      return std::nullopt;  // a cancelled read ends the watch
    }

   private:
    ScriptedWatch& owner_;
    std::size_t next_ = 0;
    bool drained_ = false;
  };

  std::mutex mutex_;
  std::condition_variable wake_;
  bool cancelled_ = false;
};

watch::Event Added(const std::string& uid, const std::string& size) {
  return {"ADDED", testing::ClaimObject(uid, "claim-" + uid, size, "team-a", "standard", "2")};
}

// One watch of `lister` against a 10Gi limit; SIGTERM arrives once the events are taken.
struct Run {
  std::ostringstream out, err;
  int code = -1;

  Run(ScriptedWatch& lister, const std::string& output) {
    sigset_t before;
    pthread_sigmask(SIG_SETMASK, nullptr, &before);
    const pthread_t self = pthread_self();
    lister.on_drained = [self] { pthread_kill(self, SIGTERM); };
    Options options;
    options.output = output;
    pvc::Ledger ledger(nullptr, nullptr);
    pvc::Threshold threshold(Quantity::Parse("10Gi"));
    clock::SystemClock clock;
    const WatchInputs inputs{lister, {"team-a", "", ""}, "1", ledger, &threshold, nullptr, clock};
    WatchSettings settings;
    settings.timestamp = [] { return std::string("T "); };
    const print::EventFormat format = output == "json"   ? print::EventFormat::kJson
                                      : output == "yaml" ? print::EventFormat::kYaml
                                                         : print::EventFormat::kText;
    code = RunWatch(options, inputs, settings,
                    print::MakeEventPrinter(format, out, err, false, settings.timestamp), out, err);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(watch_command_test)

BOOST_AUTO_TEST_CASE(changes_and_crossings_are_announced_and_a_signal_ends_the_watch) {
  ScriptedWatch lister;
  lister.events = {Added("a", "6Gi"), Added("b", "6Gi"), {"DELETED", Added("a", "6Gi").object}};
  Run run(lister, "");
  BOOST_TEST(run.code == 0);
  BOOST_TEST(run.out.str() ==
             "T PVC claim-a added, claim size 6Gi\n"
             "T At 60.0% claim capacity (6Gi/10Gi)\n"
             "T PVC claim-b added, claim size 6Gi\n"
             "T Claim overage reached: max 10Gi at 12Gi\n"
             "T At 120.0% claim capacity (12Gi/10Gi)\n"
             "T PVC claim-a removed, size 6Gi\n"
             "T Claim usage normal: max 10Gi at 6Gi\n"
             "T At 60.0% claim capacity (6Gi/10Gi)\n");
  BOOST_TEST(run.err.str() == "");
}

BOOST_AUTO_TEST_CASE(json_events_are_one_line_each) {
  ScriptedWatch lister;
  lister.events = {Added("a", "12Gi")};
  Run run(lister, "json");
  BOOST_TEST(run.code == 0);
  const std::string out = run.out.str();
  BOOST_TEST(out.find("{\"maxClaims\":\"10Gi\",\"object\":{") == 0);
  BOOST_TEST(out.find("\n{\"action\":false,\"maxClaims\":\"10Gi\",\"percent\":120,"
                      "\"total\":\"12Gi\",\"type\":\"OVERAGE\"}\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_fatal_error_ends_the_watch_with_its_message) {
  ScriptedWatch lister;
  lister.failure = rest::StatusError(
      403, "Forbidden", "persistentvolumeclaims is forbidden: User \"u\" cannot watch");
  Run run(lister, "");
  BOOST_TEST(run.code == kExitError);
  BOOST_TEST(run.err.str() ==
             "Error from server (Forbidden): persistentvolumeclaims is forbidden: User \"u\" "
             "cannot watch\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace pvcwatch::cli
