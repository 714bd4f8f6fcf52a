#include "print/managed_fields.h"

namespace pvcwatch::print {

void StripManagedFields(json::Value& object) {
  if (!object.IsObject()) return;
  for (auto& [name, value] : object.members()) {
    if (name == "metadata") value.Remove("managedFields");
  }
}

}  // namespace pvcwatch::print
