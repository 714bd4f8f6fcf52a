#pragma once

// Go's sort package: sort.Sort, comparison for comparison.

#include <cstddef>
#include <functional>
#include <vector>

namespace pvcwatch::go {

/// sort.Sort over `order` (indices), with `less` comparing two of them: the same calls in
/// the same sequence as Go's, so a sort that is not stable, or a `less` that is not a strict
/// weak order (kubectl's --sort-by has both), leaves `order` as Go would.
void Sort(std::vector<std::size_t>& order,
          const std::function<bool(std::size_t, std::size_t)>& less);

}  // namespace pvcwatch::go
