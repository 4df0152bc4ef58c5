#include "extractor_service/pipeline/reported_date.h"

#include <cstddef>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/iso_date.h"

namespace kg::extractor {
namespace {

constexpr int kDatelineLines = 8;
constexpr size_t kMaxDatelineBytes = 120;

// 1..12 for a month name or its three-letter abbreviation ("sept" too);
// 0 otherwise. `word` is lower case.
int MonthNumber(absl::string_view word) {
  static constexpr absl::string_view kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  absl::ConsumeSuffix(&word, ".");
  for (int m = 0; m < 12; ++m) {
    if (word == kMonths[m]) return m + 1;
    if (word.size() >= 3 && word.size() < kMonths[m].size() &&
        absl::StartsWith(kMonths[m], word) && (word.size() == 3 || m == 8)) {
      return m + 1;
    }
  }
  return 0;
}

bool IsWeekday(absl::string_view word) {
  static constexpr absl::string_view kDays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday"};
  absl::ConsumeSuffix(&word, ".");
  for (absl::string_view day : kDays) {
    if (word == day || (word.size() == 3 && absl::StartsWith(day, word))) {
      return true;
    }
  }
  return false;
}

// Day of month from "3", "03", "3rd", "21st"; 0 otherwise.
int DayNumber(absl::string_view word) {
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (absl::ConsumeSuffix(&word, suffix)) break;
  }
  int day = 0;
  if (word.empty() || word.size() > 2 || !absl::SimpleAtoi(word, &day)) return 0;
  return day;
}

int YearNumber(absl::string_view word) {
  int year = 0;
  if (word.size() != 4 || !absl::SimpleAtoi(word, &year)) return 0;
  return year;
}

// A time of day: "10:15", "10.15am", "9am", "bst", "gmt", "at".
bool IsTimeWord(absl::string_view word) {
  if (word == "at" || word == "bst" || word == "gmt" || word == "utc" ||
      word == "am" || word == "pm" || word == "|" || word == "-") {
    return true;
  }
  absl::ConsumeSuffix(&word, "am") || absl::ConsumeSuffix(&word, "pm");
  if (word.empty()) return false;
  for (char c : word) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != ':' &&
        c != '.') {
      return false;
    }
  }
  return true;
}

// Reads a date at words[*at], advancing past it; "" if there is none.
std::string ReadDate(const std::vector<absl::string_view>& words, size_t* at) {
  size_t i = *at;
  if (i < words.size() && IsIsoDate(words[i])) {
    *at = i + 1;
    return std::string(words[i]);
  }
  if (i + 2 < words.size()) {
    // "3 March 2021"
    if (int day = DayNumber(words[i]), month = MonthNumber(words[i + 1]),
        year = YearNumber(words[i + 2]);
        day > 0 && month > 0 && year > 0) {
      *at = i + 3;
      return FormatIsoDate(year, month, day);
    }
    // "March 3 2021" (the comma was split off)
    if (int month = MonthNumber(words[i]), day = DayNumber(words[i + 1]),
        year = YearNumber(words[i + 2]);
        day > 0 && month > 0 && year > 0) {
      *at = i + 3;
      return FormatIsoDate(year, month, day);
    }
  }
  return "";
}

}  // namespace

std::string DatelineDate(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  if (line.empty() || line.size() > kMaxDatelineBytes) return "";
  const std::string lower = absl::AsciiStrToLower(line);
  std::vector<absl::string_view> words =
      absl::StrSplit(lower, absl::ByAnyChar(" \t,"), absl::SkipEmpty());
  size_t at = 0;
  if (at < words.size() && words[at] == "#") ++at;
  bool labelled = false;
  if (at < words.size()) {
    absl::string_view label = words[at];
    absl::ConsumePrefix(&label, "#");
    absl::ConsumeSuffix(&label, ":");
    if (label == "published" || label == "posted" || label == "date" ||
        label == "dated" || label == "first") {
      labelled = true;
      ++at;
      if (label == "first") {  // "First published ..."
        if (at >= words.size() ||
            (words[at] != "published" && words[at] != "published:")) {
          return "";
        }
        ++at;
      }
      if (at < words.size() && (words[at] == "on" || words[at] == "on:")) ++at;
      if (at < words.size() && words[at] == ":") ++at;
    }
  }
  if (at < words.size() && IsWeekday(words[at])) ++at;
  const std::string date = ReadDate(words, &at);
  if (date.empty()) return "";
  if (labelled) return date;
  // Unlabelled: nothing but a time may follow.
  for (; at < words.size(); ++at) {
    if (!IsTimeWord(words[at])) return "";
  }
  return date;
}

absl::StatusOr<std::string> ReportedDate(const kg::v1::Document& document) {
  if (!document.published().empty()) {
    if (!IsIsoDate(document.published())) {
      return absl::InvalidArgumentError(
          absl::StrCat("document published \"", document.published(),
                       "\" is not a YYYY-MM-DD date"));
    }
    return document.published();
  }
  int seen = 0;
  for (absl::string_view line : absl::StrSplit(document.text(), '\n')) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    if (++seen > kDatelineLines) break;
    std::string date = DatelineDate(line);
    if (!date.empty()) return date;
  }
  return std::string();
}

}  // namespace kg::extractor
