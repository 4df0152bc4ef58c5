#include "clients/cli/ingest_inputs.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/utf8.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

bool IsDocumentFile(const fs::path& path) {
  const std::string extension = absl::AsciiStrToLower(path.extension().string());
  return extension == ".txt" || extension == ".html" || extension == ".md" ||
         extension == ".htm";
}

void AddDirectory(const std::string& root, std::vector<IngestInput>* inputs,
                  std::vector<std::string>* errors) {
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator it(
      root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (it->is_regular_file(error) && IsDocumentFile(it->path())) {
      files.push_back(it->path().string());
    }
  }
  if (error) errors->push_back(absl::StrCat(root, ": ", error.message()));
  std::sort(files.begin(), files.end());
  for (std::string& file : files) {
    inputs->push_back({file, DocumentIdFor(file)});
  }
}

}  // namespace

std::string DocumentIdFor(const std::string& path) {
  return fs::path(path).stem().string();
}

std::vector<IngestInput> CollectInputs(const std::vector<std::string>& paths,
                                       const std::string& stdin_id,
                                       std::vector<std::string>* errors) {
  std::vector<IngestInput> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({"-", stdin_id});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      errors->push_back(absl::StrCat(path, ": no such file or directory"));
    } else if (fs::is_directory(status)) {
      AddDirectory(path, &inputs, errors);
    } else {
      inputs.push_back({path, DocumentIdFor(path)});
    }
  }
  return inputs;
}

std::string TitleOf(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const size_t begin = line.find_first_not_of(" \t\r");
    if (begin == std::string::npos) continue;
    const size_t end = line.find_last_not_of(" \t\r");
    std::string title = line.substr(begin, end - begin + 1);
    return ValidateUtf8(title).ok() ? title : "";
  }
  return "";
}

}  // namespace kg::cli
