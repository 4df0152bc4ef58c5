// Where the gazetteers live at run time.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_DATA_DIR_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_DATA_DIR_H_

#include <string>

namespace kg::extractor {

// Returns "<argv0>.runfiles/kg/extractor_service/data" when that folder
// exists (a binary started by `bazel run` or from bazel-bin), else the
// relative path "extractor_service/data" (a binary started from the
// workspace root). `argv0` may be null.
std::string DefaultDataDir(const char* argv0);

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_DATA_DIR_H_
