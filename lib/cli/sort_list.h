#pragma once

#include <string>

#include "watch/lister_watcher.h"

namespace pvcwatch::cli {

/// --sort-by FIELD on the whole first list, as kubectl get sorts it for the printer in use:
/// the server's table by its rows' objects (a field kubectl cannot sort by leaves no rows:
/// kubectl drops that error and prints nothing), a table computed here as kubectl sorts
/// objects for its human printer, anything else as its SortingPrinter sorts a List.
/// `page.items` (and the table's rows) come back in printed order. Throws
/// print::SortError or print::SortExit with kubectl's text.
void SortListPage(watch::ListPage& page, const std::string& field, bool table);

}  // namespace pvcwatch::cli
