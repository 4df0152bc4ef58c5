// The release of the project's binaries and clients, printed by --version
// (graph_server adds the store schema it reads and writes). The Node client's
// package.json carries the same number.
#ifndef KG_COMMON_VERSION_H_
#define KG_COMMON_VERSION_H_

namespace kg {

inline constexpr char kVersion[] = "0.1.0";

}  // namespace kg

#endif  // KG_COMMON_VERSION_H_
