#include "clients/cli/connection.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/credentials.h"
#include "common/grpc_status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace kg::cli {

std::unique_ptr<kg::v1::GraphService::Stub> GraphStub(
    const std::string& address) {
  return kg::v1::GraphService::NewStub(CliChannel(address));
}

std::unique_ptr<kg::v1::ExtractorService::Stub> ExtractorStub(
    const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxSendMessageSize(-1);
  return kg::v1::ExtractorService::NewStub(CliChannel(address, arguments));
}

std::unique_ptr<grpc::health::v1::Health::Stub> HealthStub(
    const std::string& address) {
  return grpc::health::v1::Health::NewStub(CliChannel(address));
}

void SetTimeout(grpc::ClientContext& context, absl::Duration timeout) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

std::string DescribeError(const grpc::Status& status,
                          const std::string& service_name,
                          const std::string& address,
                          const std::string& address_flag) {
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE &&
      status.error_message().find("graph service at") == std::string::npos) {
    std::string env_name = absl::AsciiStrToUpper(address_flag);
    return absl::StrCat("cannot reach the ", service_name, " at ", address,
                        ": is it running? (set --", address_flag, " or KG_",
                        env_name, ")");
  }
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
    return absl::StrCat("UNIMPLEMENTED: the ", service_name, " at ", address,
                        " does not offer this call (an older server?)");
  }
  return absl::StrCat(GrpcCodeName(status.error_code()), ": ",
                      status.error_message());
}

}  // namespace kg::cli
