// The date a document reports its facts on, recorded on every evidence
// record it gives (Evidence.reported_date).
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_REPORTED_DATE_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_REPORTED_DATE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/extractor.pb.h"

namespace kg::extractor {

// Document.published when set (InvalidArgument unless it is a "YYYY-MM-DD"
// day that exists); else the first dateline among the text's first 8
// non-blank lines (see DatelineDate); else "".
absl::StatusOr<std::string> ReportedDate(const kg::v1::Document& document);

// "YYYY-MM-DD" when `line` is a dateline read with confidence, else "". A
// dateline is a publication label ("Published", "Posted", "Date", "Dated",
// optionally "on" and a colon, a leading "#" allowed) followed by a date,
// or a line holding nothing but a date (a weekday before it and a time
// after it allowed). Dates: "3 March 2021", "3rd Mar, 2021",
// "March 3, 2021", "2021-03-03". "Updated ..." lines are not publication
// dates; numeric dates with slashes are ambiguous (3/4/2021) and are not
// read.
std::string DatelineDate(absl::string_view line);

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_REPORTED_DATE_H_
