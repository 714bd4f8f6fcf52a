#pragma once

#include <functional>
#include <string>

#include "watch/lister_watcher.h"

namespace pvcwatch::watch {

/// kubectl's default chunk size (--chunk-size=500).
constexpr int kDefaultPageSize = 500;

/// Lists every claim in `scope` page by page (limit + continue), handing each page to
/// `on_page` so memory is bounded by a page. When a continue token expires (410) the
/// list starts over: `on_restart` is called first so the caller drops what it got.
/// Returns the list's resourceVersion, from which a watch continues.
std::string ListAll(ListerWatcher& lister, const Scope& scope, int page_size,
                    const std::function<void(ListPage&)>& on_page,
                    const std::function<void()>& on_restart);

}  // namespace pvcwatch::watch
