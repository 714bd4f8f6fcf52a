#pragma once

// Builds claim objects as the API server sends them, for the pvc and watch suites.

#include <string>

#include "json/parser.h"

namespace pvcwatch::testing {

inline json::Value ClaimObject(const std::string& uid, const std::string& name,
                               const std::string& storage, const std::string& ns = "default",
                               const std::string& storage_class = "standard",
                               const std::string& resource_version = "1") {
  return json::Parse(R"({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":")" +
                     name + R"(","namespace":")" + ns + R"(","uid":")" + uid +
                     R"(","resourceVersion":")" + resource_version +
                     R"("},"spec":{"storageClassName":")" + storage_class +
                     R"(","resources":{"requests":{"storage":")" + storage +
                     R"("}}},"status":{"phase":"Pending"}})");
}

}  // namespace pvcwatch::testing
