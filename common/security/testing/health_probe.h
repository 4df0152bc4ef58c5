// Test helper: asks a server's standard health service (grpc.health.v1)
// for its overall status without the health proto's generated code
// (Debian ships none).
#ifndef KG_COMMON_SECURITY_TESTING_HEALTH_PROBE_H_
#define KG_COMMON_SECURITY_TESTING_HEALTH_PROBE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"

namespace kg::testing {

enum class Health { kUnknown = 0, kServing = 1, kNotServing = 2 };

// grpc.health.v1.Health/Check for the whole server (service ""). The RPC's
// error as a Status when the call fails (e.g. Unavailable).
absl::StatusOr<Health> CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                                   absl::Duration timeout = absl::Seconds(5));

}  // namespace kg::testing

#endif  // KG_COMMON_SECURITY_TESTING_HEALTH_PROBE_H_
