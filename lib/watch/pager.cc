#include "watch/pager.h"

#include "rest/errors.h"

namespace pvcwatch::watch {

std::string ListAll(ListerWatcher& lister, const Scope& scope, int page_size,
                    const std::function<void(ListPage&)>& on_page,
                    const std::function<void()>& on_restart) {
  // A continue token pins the snapshot of the first page; etcd compaction expires it.
  // client-go's pager then falls back to one full list, we start over paged instead
  // so memory stays bounded; a restart is bounded too, so a server that expires every
  // token cannot keep us here forever.
  constexpr int kMaxRestarts = 5;
  for (int restarts = 0;; ++restarts) {
    std::string continue_token;
    bool started = false;
    try {
      for (;;) {
        ListPage page = lister.List(scope, page_size, continue_token);
        started = true;
        continue_token = page.continue_token;
        std::string resource_version = page.resource_version;
        on_page(page);
        if (continue_token.empty()) return resource_version;
      }
    } catch (const rest::StatusError& e) {
      if (e.code() != 410 || !started || restarts >= kMaxRestarts) throw;
      on_restart();
    }
  }
}

}  // namespace pvcwatch::watch
