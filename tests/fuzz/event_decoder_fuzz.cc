// libFuzzer target for the watch path: each input line goes through watch::DecodeEvent,
// as JsonEventStream decodes a watch response, and the events feed the real Reflector and
// pvc::Ledger. A malformed line, an unknown type or an ERROR Status must end the watch
// the way the reflector handles it (resume, relist, or a fatal rest::StatusError); the
// ledger's announced changes must add up to its total at every step.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clock/clock.h"
#include "invariants.h"
#include "pvc/ledger.h"
#include "quantity/quantity.h"
#include "rest/errors.h"
#include "watch/event_decoder.h"
#include "watch/reflector.h"

namespace {

using pvcwatch::Quantity;
using pvcwatch::fuzz::Check;
using pvcwatch::fuzz::StartsWith;
namespace pvc = pvcwatch::pvc;
namespace rest = pvcwatch::rest;
namespace watch = pvcwatch::watch;

// Virtual time: sleeping (backoff, Retry-After) returns at once.
class FakeClock : public pvcwatch::clock::Clock {
 public:
  std::chrono::steady_clock::time_point Now() override { return now_; }
  bool Sleep(Duration d) override {
    now_ += d;
    return !stopped_;
  }
  void Stop() override { stopped_ = true; }
  bool Stopped() const override { return stopped_; }

 private:
  std::chrono::steady_clock::time_point now_{};
  bool stopped_ = false;
};

// What the ledger has announced, summed: it must always equal the ledger's own total.
struct Announced {
  Quantity total;
  long long claims = 0;

  void Apply(const pvc::Change& change) {
    const std::optional<Quantity>& request = change.claim.request;
    switch (change.kind) {
      case pvc::Change::Kind::kAdded:
        if (request) total.Add(*request);
        ++claims;
        break;
      case pvc::Change::Kind::kResized:
        if (change.previous) total.Sub(*change.previous);
        if (request) total.Add(*request);
        break;
      case pvc::Change::Kind::kRemoved:
        if (request) total.Sub(*request);
        --claims;
        break;
    }
  }
};

void CheckLedger(const pvc::Ledger& ledger, const Announced& announced) {
  Check(ledger.total().Cmp(announced.total) == 0, "announced changes do not add up to the total");
  Check(static_cast<long long>(ledger.size()) == announced.claims,
        "announced adds and removes do not add up to the claim count");
  Quantity by_namespace, by_class;
  for (const auto& [name, subtotal] : ledger.namespace_totals()) by_namespace.Add(subtotal);
  for (const auto& [name, subtotal] : ledger.class_totals()) by_class.Add(subtotal);
  Check(by_namespace.Cmp(ledger.total()) == 0, "namespace subtotals do not add up");
  Check(by_class.Cmp(ledger.total()) == 0, "storage class subtotals do not add up");
}

// The input's lines, shared by every watch the reflector opens, so a watch that ends
// (malformed frame, retriable Status) resumes with the next line. Each line is decoded
// as JsonEventStream does; the ledger is checked before the next event is handed out.
class Lines {
 public:
  Lines(std::string_view input, pvcwatch::clock::Clock& clock, const pvc::Ledger& ledger,
        const Announced& announced)
      : rest_(input), clock_(clock), ledger_(ledger), announced_(announced) {}

  std::optional<watch::Event> Next() {
    for (;;) {
      if (ledger_.synced()) CheckLedger(ledger_, announced_);
      if (done_) {
        clock_.Stop();
        return std::nullopt;
      }
      const size_t newline = rest_.find('\n');
      std::string_view line = rest_.substr(0, newline);
      if (newline == std::string_view::npos) {
        done_ = true;
      } else {
        rest_.remove_prefix(newline + 1);
      }
      try {
        if (std::optional<watch::Event> event = watch::DecodeEvent(line)) return event;
      } catch (const watch::DecodeError& e) {
        Check(StartsWith(e.what(), "malformed watch event: "), "DecodeError without its prefix");
        throw rest::ConnectionError("127.0.0.1:6443", e.what());
      }
    }
  }

 private:
  std::string_view rest_;
  pvcwatch::clock::Clock& clock_;
  const pvc::Ledger& ledger_;
  const Announced& announced_;
  bool done_ = false;
};

class LineEvents : public watch::EventStream {
 public:
  explicit LineEvents(Lines& lines) : lines_(lines) {}
  std::optional<watch::Event> Next() override { return lines_.Next(); }

 private:
  Lines& lines_;
};

// Every list is empty (a relist after 410 then removes what the watch added); every
// watch reads on from the shared lines.
class LinesListerWatcher : public watch::ListerWatcher {
 public:
  explicit LinesListerWatcher(Lines& lines) : lines_(lines) {}
  watch::ListPage List(const watch::Scope&, int, const std::string&) override {
    watch::ListPage page;
    page.resource_version = "1";
    return page;
  }
  std::unique_ptr<watch::EventStream> Watch(const watch::Scope&, const std::string&, int) override {
    return std::make_unique<LineEvents>(lines_);
  }

 private:
  Lines& lines_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Announced announced;
  pvc::Ledger ledger([&](const pvc::Change& change) { announced.Apply(change); },
                     [](const std::string& warning) {
                       Check(StartsWith(warning, "skipping "), "warning without its prefix");
                     });
  FakeClock clock;
  Lines lines(input, clock, ledger, announced);
  LinesListerWatcher lister_watcher(lines);
  watch::Reflector reflector(lister_watcher, watch::Scope{}, ledger, clock, 1);
  try {
    reflector.Run();
  } catch (const rest::StatusError& e) {
    // Only 400/401/403/404 end the run (reflector.cc's IsFatal).
    Check(e.code() == 400 || e.code() == 401 || e.code() == 403 || e.code() == 404,
          "a retriable Status ended the run");
  }
  CheckLedger(ledger, announced);
  return 0;
}
