// Early-return helpers for absl::Status, in the style of cel-cpp's
// internal/status_macros.h (Abseil 20220623 ships none).
#ifndef KG_COMMON_STATUS_MACROS_H_
#define KG_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define KG_STATUS_MACROS_CONCAT_INNER(x, y) x##y
#define KG_STATUS_MACROS_CONCAT(x, y) KG_STATUS_MACROS_CONCAT_INNER(x, y)

// Returns the status of `expr` from the enclosing function when it is not OK.
#define RETURN_IF_ERROR(expr)                                 \
  do {                                                        \
    const ::absl::Status kg_status_macro_status = (expr);     \
    if (!kg_status_macro_status.ok()) return kg_status_macro_status; \
  } while (0)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status, else
// moves the value into `lhs` (which may be a declaration: `auto x`).
#define ASSIGN_OR_RETURN(lhs, rexpr)                                       \
  ASSIGN_OR_RETURN_IMPL(KG_STATUS_MACROS_CONCAT(kg_statusor_, __LINE__), \
                        lhs, rexpr)

#define ASSIGN_OR_RETURN_IMPL(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                          \
  if (!statusor.ok()) return statusor.status();     \
  lhs = std::move(statusor).value()

#endif  // KG_COMMON_STATUS_MACROS_H_
