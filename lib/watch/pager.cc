#include "watch/pager.h"

#include <future>

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
    bool started = false;
    try {
      ListPage page = lister.List(scope, page_size, "");
      started = true;
      for (;;) {
        // The next page is asked for while this one is worked on, so the server's time
        // and ours overlap (two pages held at most). Calls to List stay one at a time.
        std::future<ListPage> next;
        if (!page.continue_token.empty()) {
          next = std::async(std::launch::async,
                            [&lister, &scope, page_size, token = page.continue_token] {
                              return lister.List(scope, page_size, token);
                            });
        }
        std::string resource_version = page.resource_version;
        on_page(page);
        if (!next.valid()) return resource_version;
        page = next.get();
      }
    } catch (const rest::StatusError& e) {
      if (e.code() != 410 || !started || restarts >= kMaxRestarts) throw;
      on_restart();
    }
  }
}

}  // namespace pvcwatch::watch
