#include "go/sort.h"

#include <cstdint>
#include <utility>

namespace pvcwatch::go {
namespace {

using Less = std::function<bool(std::size_t, std::size_t)>;

// sort/zsortinterface.go (unchanged since Go 1.19): pdqsort with insertion sort for short
// runs, heapsort when the recursion limit is hit, and pattern breaking.
class PdqSorter {
 public:
  PdqSorter(std::vector<std::size_t>& order, const Less& less) : order_(order), less_(less) {}

  void Sort() {
    const std::size_t n = order_.size();
    if (n <= 1) return;
    int limit = 0;
    for (std::size_t v = n; v != 0; v >>= 1) ++limit;  // bits.Len
    PdqSort(0, static_cast<int>(n), limit);
  }

 private:
  enum class Hint { kUnknown, kIncreasing, kDecreasing };

  bool Lt(int i, int j) const {
    return less_(order_[static_cast<std::size_t>(i)], order_[static_cast<std::size_t>(j)]);
  }
  void Swap(int i, int j) {
    std::swap(order_[static_cast<std::size_t>(i)], order_[static_cast<std::size_t>(j)]);
  }

  void InsertionSort(int a, int b) {
    for (int i = a + 1; i < b; ++i) {
      for (int j = i; j > a && Lt(j, j - 1); --j) Swap(j, j - 1);
    }
  }

  void SiftDown(int lo, int hi, int first) {
    int root = lo;
    while (true) {
      int child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && Lt(first + child, first + child + 1)) ++child;
      if (!Lt(first + root, first + child)) return;
      Swap(first + root, first + child);
      root = child;
    }
  }

  void HeapSort(int a, int b) {
    const int first = a;
    const int hi = b - a;
    for (int i = (hi - 1) / 2; i >= 0; --i) SiftDown(i, hi, first);
    for (int i = hi - 1; i >= 0; --i) {
      Swap(first, first + i);
      SiftDown(0, i, first);
    }
  }

  void PdqSort(int a, int b, int limit) {
    constexpr int kMaxInsertion = 12;
    bool was_balanced = true;
    bool was_partitioned = true;
    while (true) {
      const int length = b - a;
      if (length <= kMaxInsertion) {
        InsertionSort(a, b);
        return;
      }
      if (limit == 0) {
        HeapSort(a, b);
        return;
      }
      if (!was_balanced) {
        BreakPatterns(a, b);
        --limit;
      }
      auto [pivot, hint] = ChoosePivot(a, b);
      if (hint == Hint::kDecreasing) {
        ReverseRange(a, b);
        pivot = (b - 1) - (pivot - a);
        hint = Hint::kIncreasing;
      }
      if (was_balanced && was_partitioned && hint == Hint::kIncreasing &&
          PartialInsertionSort(a, b)) {
        return;
      }
      if (a > 0 && !Lt(a - 1, pivot)) {
        a = PartitionEqual(a, b, pivot);
        continue;
      }
      auto [mid, already_partitioned] = Partition(a, b, pivot);
      was_partitioned = already_partitioned;
      const int left = mid - a;
      const int right = b - mid;
      const int balance_threshold = length / 8;
      if (left < right) {
        was_balanced = left >= balance_threshold;
        PdqSort(a, mid, limit);
        a = mid + 1;
      } else {
        was_balanced = right >= balance_threshold;
        PdqSort(mid + 1, b, limit);
        b = mid;
      }
    }
  }

  std::pair<int, bool> Partition(int a, int b, int pivot) {
    Swap(a, pivot);
    int i = a + 1;
    int j = b - 1;
    while (i <= j && Lt(i, a)) ++i;
    while (i <= j && !Lt(j, a)) --j;
    if (i > j) {
      Swap(j, a);
      return {j, true};
    }
    Swap(i, j);
    ++i;
    --j;
    while (true) {
      while (i <= j && Lt(i, a)) ++i;
      while (i <= j && !Lt(j, a)) --j;
      if (i > j) break;
      Swap(i, j);
      ++i;
      --j;
    }
    Swap(j, a);
    return {j, false};
  }

  int PartitionEqual(int a, int b, int pivot) {
    Swap(a, pivot);
    int i = a + 1;
    int j = b - 1;
    while (true) {
      while (i <= j && !Lt(a, i)) ++i;
      while (i <= j && Lt(a, j)) --j;
      if (i > j) break;
      Swap(i, j);
      ++i;
      --j;
    }
    return i;
  }

  bool PartialInsertionSort(int a, int b) {
    constexpr int kMaxSteps = 5;
    constexpr int kShortestShifting = 50;
    int i = a + 1;
    for (int step = 0; step < kMaxSteps; ++step) {
      while (i < b && !Lt(i, i - 1)) ++i;
      if (i == b) return true;
      if (b - a < kShortestShifting) return false;
      Swap(i, i - 1);
      if (i - a >= 2) {
        for (int j = i - 1; j >= 1; --j) {
          if (!Lt(j, j - 1)) break;
          Swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (int j = i + 1; j < b; ++j) {
          if (!Lt(j, j - 1)) break;
          Swap(j, j - 1);
        }
      }
    }
    return false;
  }

  void BreakPatterns(int a, int b) {
    const int length = b - a;
    if (length < 8) return;
    std::uint64_t random = static_cast<std::uint64_t>(length);  // xorshift seeded by length
    unsigned shift = 0;
    for (unsigned v = static_cast<unsigned>(length); v != 0; v >>= 1) ++shift;
    const std::uint64_t modulus = std::uint64_t{1} << shift;
    for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; ++idx) {
      random ^= random << 13;
      random ^= random >> 7;
      random ^= random << 17;
      int other = static_cast<int>(random & (modulus - 1));
      if (other >= length) other -= length;
      Swap(idx, a + other);
    }
  }

  std::pair<int, Hint> ChoosePivot(int a, int b) {
    constexpr int kShortestNinther = 50;
    constexpr int kMaxSwaps = 4 * 3;
    const int l = b - a;
    int swaps = 0;
    int i = a + l / 4 * 1;
    int j = a + l / 4 * 2;
    int k = a + l / 4 * 3;
    if (l >= 8) {
      if (l >= kShortestNinther) {
        i = Median(i - 1, i, i + 1, swaps);
        j = Median(j - 1, j, j + 1, swaps);
        k = Median(k - 1, k, k + 1, swaps);
      }
      j = Median(i, j, k, swaps);
    }
    if (swaps == 0) return {j, Hint::kIncreasing};
    if (swaps == kMaxSwaps) return {j, Hint::kDecreasing};
    return {j, Hint::kUnknown};
  }

  void Order2(int& a, int& b, int& swaps) {
    if (Lt(b, a)) {
      ++swaps;
      std::swap(a, b);
    }
  }

  int Median(int a, int b, int c, int& swaps) {
    Order2(a, b, swaps);
    Order2(b, c, swaps);
    Order2(a, b, swaps);
    return b;
  }

  void ReverseRange(int a, int b) {
    for (int i = a, j = b - 1; i < j; ++i, --j) Swap(i, j);
  }

  std::vector<std::size_t>& order_;
  const Less& less_;
};

}  // namespace

void Sort(std::vector<std::size_t>& order, const Less& less) { PdqSorter(order, less).Sort(); }

}  // namespace pvcwatch::go
