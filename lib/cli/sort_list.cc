#include "cli/sort_list.h"

#include <utility>
#include <vector>

#include "print/sort_by.h"

namespace pvcwatch::cli {
namespace {

template <typename T>
std::vector<T> Permuted(std::vector<T>& values, const std::vector<std::size_t>& order) {
  std::vector<T> out;
  out.reserve(order.size());
  for (std::size_t index : order) {
    if (index < values.size()) out.push_back(std::move(values[index]));
  }
  return out;
}

}  // namespace

void SortListPage(watch::ListPage& page, const std::string& field, bool table) {
  const print::SortBy sort(field);
  std::vector<std::size_t> order;
  if (table && !page.table.IsNull()) {
    print::TableOrder rows = sort.TableRowsOrder(page.items);
    if (!rows.dropped_error.empty()) {
      page.items.clear();
      page.table.Set("rows", json::Value::MakeArray());
      return;
    }
    order = std::move(rows.rows);
  } else {
    order = table ? sort.ObjectsOrder(page.items) : sort.ListOrder(page.items);
  }
  page.items = Permuted(page.items, order);
  if (page.table.IsNull()) return;
  json::Value::Array rows;
  for (auto& [name, value] : page.table.members()) {
    if (name == "rows" && value.IsArray()) rows = Permuted(value.items(), order);
  }
  page.table.Set("rows", json::Value::MakeArray(std::move(rows)));
}

}  // namespace pvcwatch::cli
