#include "tests/crash/ingest_writer.h"

#include "absl/strings/str_cat.h"

namespace kg::crash {
namespace {

// The acknowledgement of a document the server has never seen.
absl::Status CheckAcknowledgement(const kg::v1::IngestRequest& batch,
                                  const kg::v1::IngestResponse& response,
                                  uint64_t position) {
  const uint32_t facts = static_cast<uint32_t>(batch.facts_size());
  if (response.batch_index() != position || response.unchanged() ||
      response.facts_received() != facts || response.evidence_new() != facts) {
    return absl::InternalError(absl::StrCat(
        "acknowledgement of new document ", batch.document_id(), " (", facts,
        " facts, batch ", position, ") contradicts it: ",
        response.ShortDebugString()));
  }
  return absl::OkStatus();
}

}  // namespace

uint64_t DocumentLedger::AddSent() {
  absl::MutexLock lock(&mu_);
  acknowledged_.push_back(false);
  return acknowledged_.size() - 1;
}

void DocumentLedger::MarkAcknowledged(uint64_t index) {
  absl::MutexLock lock(&mu_);
  if (index < acknowledged_.size() && !acknowledged_[index]) {
    acknowledged_[index] = true;
    ++acknowledged_count_;
  }
}

uint64_t DocumentLedger::sent() const {
  absl::MutexLock lock(&mu_);
  return acknowledged_.size();
}

uint64_t DocumentLedger::acknowledged_count() const {
  absl::MutexLock lock(&mu_);
  return acknowledged_count_;
}

bool DocumentLedger::acknowledged(uint64_t index) const {
  absl::MutexLock lock(&mu_);
  return index < acknowledged_.size() && acknowledged_[index];
}

std::vector<uint64_t> DocumentLedger::Unacknowledged() const {
  absl::MutexLock lock(&mu_);
  std::vector<uint64_t> indexes;
  for (uint64_t i = 0; i < acknowledged_.size(); ++i) {
    if (!acknowledged_[i]) indexes.push_back(i);
  }
  return indexes;
}

int64_t DocumentLedger::LastAcknowledged() const {
  absl::MutexLock lock(&mu_);
  for (uint64_t i = acknowledged_.size(); i > 0; --i) {
    if (acknowledged_[i - 1]) return static_cast<int64_t>(i - 1);
  }
  return -1;
}

IngestWriter::IngestWriter(const DocumentGenerator& generator,
                           DocumentLedger& ledger,
                           kg::v1::GraphService::Stub& stub,
                           absl::Duration timeout)
    : generator_(generator), ledger_(ledger), stub_(stub) {
  context_.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

IngestWriter::~IngestWriter() {
  if (thread_.joinable()) {
    context_.TryCancel();
    thread_.join();
  }
}

void IngestWriter::Start() { thread_ = std::thread([this] { Run(); }); }

absl::Status IngestWriter::Join() {
  if (thread_.joinable()) thread_.join();
  absl::MutexLock lock(&mu_);
  return status_;
}

uint64_t IngestWriter::acknowledged() const {
  absl::MutexLock lock(&mu_);
  return acknowledged_;
}

void IngestWriter::Run() {
  auto stream = stub_.Ingest(&context_);
  absl::Status status;
  for (uint64_t position = 0;; ++position) {
    const uint64_t index = ledger_.AddSent();
    const kg::v1::IngestRequest batch = generator_.Generate(index);
    kg::v1::IngestResponse response;
    if (!stream->Write(batch) || !stream->Read(&response)) break;
    status = CheckAcknowledgement(batch, response, position);
    if (!status.ok()) break;
    ledger_.MarkAcknowledged(index);
    absl::MutexLock lock(&mu_);
    ++acknowledged_;
  }
  if (!status.ok()) context_.TryCancel();
  const grpc::Status finish = stream->Finish();
  if (status.ok() && finish.ok()) {
    status = absl::InternalError("Ingest stream ended OK while writing");
  }
  absl::MutexLock lock(&mu_);
  status_ = status;
}

}  // namespace kg::crash
