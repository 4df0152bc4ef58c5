// rocksdb_floor: the storage floor of the load benchmark. Writes --keys keys
// (24-byte keys, like one index entry of three 8-byte ids; empty values)
// straight into a fresh RocksDB in WriteBatches of --batch keys, each write
// synced when --sync is set (the graph server's default policy). Prints one
// JSON line.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/clock.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

ABSL_FLAG(std::string, db_path, "", "Fresh directory for the database.");
ABSL_FLAG(uint64_t, keys, 1000000, "Keys to write.");
ABSL_FLAG(int, batch, 20, "Keys per WriteBatch.");
ABSL_FLAG(bool, sync, true, "Sync the WAL on every write.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Raw RocksDB write rate (benchmark floor).");
  absl::ParseCommandLine(argc, argv);
  const std::string path = absl::GetFlag(FLAGS_db_path);
  if (path.empty() || std::filesystem::exists(path)) {
    std::fprintf(stderr, "rocksdb_floor: --db_path must name a new directory\n");
    return 2;
  }
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status = rocksdb::DB::Open(options, path, &raw);
  if (!status.ok()) {
    std::fprintf(stderr, "rocksdb_floor: %s\n", status.ToString().c_str());
    return 1;
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::WriteOptions write_options;
  write_options.sync = absl::GetFlag(FLAGS_sync);
  const uint64_t keys = absl::GetFlag(FLAGS_keys);
  const uint64_t batch_size = std::max(1, absl::GetFlag(FLAGS_batch));
  const absl::Time start = absl::Now();
  uint64_t writes = 0;
  for (uint64_t next = 0; next < keys && status.ok(); ++writes) {
    rocksdb::WriteBatch batch;
    for (uint64_t i = 0; i < batch_size && next < keys; ++i, ++next) {
      // Scrambled ids: index entries do not arrive in key order.
      const uint64_t ids[3] = {next * 0x9e3779b97f4a7c15ULL, next % 12, next};
      char key[24];
      std::memcpy(key, ids, sizeof(key));
      batch.Put(rocksdb::Slice(key, sizeof(key)), rocksdb::Slice());
    }
    status = db->Write(write_options, &batch);
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  if (!status.ok()) {
    std::fprintf(stderr, "rocksdb_floor: %s\n", status.ToString().c_str());
    return 1;
  }
  std::printf(
      "{\"bench\":\"load\",\"system\":\"rocksdb_floor\",\"batching\":\"%llu\","
      "\"sync\":%s,\"facts\":%llu,\"batches\":%llu,\"seconds\":%.3f,"
      "\"facts_per_s\":%.0f}\n",
      (unsigned long long)batch_size, write_options.sync ? "true" : "false",
      (unsigned long long)keys, (unsigned long long)writes, seconds,
      keys / seconds);
  return 0;
}
