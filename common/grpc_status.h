// The one place absl::Status and grpc::Status meet (tensorflow/serving's
// grpc_status_util, in spirit). Canonical codes share numeric values.
#ifndef KG_COMMON_GRPC_STATUS_H_
#define KG_COMMON_GRPC_STATUS_H_

#include <string>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace kg {

grpc::Status ToGrpcStatus(const absl::Status& status);

absl::Status FromGrpcStatus(const grpc::Status& status);

// "UNAVAILABLE", "INVALID_ARGUMENT", ... for messages meant for people.
std::string GrpcCodeName(grpc::StatusCode code);

}  // namespace kg

#endif  // KG_COMMON_GRPC_STATUS_H_
