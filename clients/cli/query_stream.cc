#include "clients/cli/query_stream.h"

#include "grpcpp/client_context.h"

namespace kg::cli {
namespace {

grpc::Status ReadBatches(
    kg::v1::GraphService::Stub& stub, const kg::v1::QueryRequest& request,
    absl::Time deadline,
    const std::function<void(const kg::v1::QueryRow&)>& on_row, bool* any,
    bool* truncated) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  auto reader = stub.QueryBatches(&context, request);
  kg::v1::QueryRowBatch batch;
  while (reader->Read(&batch)) {
    *any = true;
    for (const kg::v1::QueryRow& row : batch.rows()) on_row(row);
    *truncated |= batch.truncated();
  }
  return reader->Finish();
}

grpc::Status ReadRows(
    kg::v1::GraphService::Stub& stub, const kg::v1::QueryRequest& request,
    absl::Time deadline,
    const std::function<void(const kg::v1::QueryRow&)>& on_row,
    bool* truncated) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  auto reader = stub.Query(&context, request);
  kg::v1::QueryRow row;
  while (reader->Read(&row)) {
    on_row(row);
    *truncated |= row.truncated();
  }
  return reader->Finish();
}

}  // namespace

grpc::Status StreamQueryRows(
    kg::v1::GraphService::Stub& stub, const kg::v1::QueryRequest& request,
    absl::Time deadline,
    const std::function<void(const kg::v1::QueryRow&)>& on_row,
    bool* truncated) {
  bool any = false, cut = false;
  grpc::Status status = ReadBatches(stub, request, deadline, on_row, &any, &cut);
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED && !any) {
    status = ReadRows(stub, request, deadline, on_row, &cut);
  }
  if (truncated != nullptr) *truncated = cut;
  return status;
}

}  // namespace kg::cli
