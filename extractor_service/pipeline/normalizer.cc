#include "extractor_service/pipeline/normalizer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "common/utf8.h"

namespace kg::extractor {
namespace {

// ASCII replacement for code point `cp`, or nullptr to keep it.
const char* Replacement(uint32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return "-";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A:
    case 0x202F: case 0x3000:
      return " ";
    case 0x2026:
      return "...";
    case 0x00AD: case 0x200B: case 0xFEFF:
      return "";
    default:
      return nullptr;
  }
}

uint32_t Decode(const unsigned char* s, size_t len) {
  if (len == 1) return s[0];
  uint32_t cp = s[0] & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[k] & 0x3F);
  return cp;
}

size_t EncodeUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) { out[0] = static_cast<char>(cp); return 1; }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

struct NamedEntity {
  const char* name;
  uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},     {"pound", 0xA3},   {"euro", 0x20AC},
    {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"ndash", 0x2013}, {"mdash", 0x2014},  {"hellip", 0x2026}, {"copy", 0xA9},
};

// Tags after which the text starts a new line (sentence boundary).
bool IsBlockTag(std::string_view name) {
  static constexpr const char* kBlocks[] = {
      "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1",
      "h2", "h3", "h4", "h5", "h6", "title", "section", "article", "header",
      "footer", "blockquote", "hr", "main", "nav", "aside", "figcaption"};
  for (const char* b : kBlocks) {
    if (name.size() == std::strlen(b) &&
        strncasecmp(name.data(), b, name.size()) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool LooksLikeHtml(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return i + 1 < text.size() && text[i] == '<' &&
         (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '!');
}

NormalizedText::NormalizedText(std::string_view original)
    : original_(original), is_html_(LooksLikeHtml(original)) {
  text_.reserve(original.size());
  if (is_html_) {
    NormalizeHtml();
  } else {
    NormalizePlain(0, original.size());
  }
  lower_.resize(text_.size());
  const char* from = text_.data();
  char* to = lower_.data();
  for (size_t k = 0; k < text_.size(); ++k) {
    const char c = from[k];
    to[k] = static_cast<char>(c + ((static_cast<unsigned char>(c - 'A') < 26) << 5));
  }
}

void NormalizedText::Append(std::string_view bytes, uint32_t orig_begin,
                            uint32_t orig_end) {
  if (bytes.empty()) return;
  segments_.push_back({static_cast<uint32_t>(text_.size()), orig_begin, orig_end,
                       Segment::kFixed});
  text_.append(bytes.data(), bytes.size());
}

void NormalizedText::AppendCodePoint(uint32_t cp, uint32_t orig_begin,
                                     uint32_t orig_end) {
  if (const char* rep = Replacement(cp); rep != nullptr) {
    Append(rep, orig_begin, orig_end);
    return;
  }
  char buf[4];
  Append(std::string_view(buf, EncodeUtf8(cp, buf)), orig_begin, orig_end);
}

void NormalizedText::NormalizePlain(size_t i, size_t to) {
  const auto* s = reinterpret_cast<const unsigned char*>(original_.data());
  while (i < to) {
    if (s[i] < 0x80) {  // fast path: ASCII runs copy through, byte for byte
      size_t j = i + 1;
      while (j < to && s[j] < 0x80) ++j;
      const uint32_t at = static_cast<uint32_t>(text_.size());
      const bool continues =
          !segments_.empty() && segments_.back().kind == Segment::kIdentity &&
          segments_.back().orig_begin + (at - segments_.back().begin) == i;
      if (!continues) {
        segments_.push_back({at, static_cast<uint32_t>(i), 0, Segment::kIdentity});
      }
      text_.append(original_.data() + i, j - i);
      i = j;
      continue;
    }
    size_t len = Utf8SequenceLength(s[i]);
    if (i + len > to) len = to - i;
    const uint32_t b = static_cast<uint32_t>(i), e = static_cast<uint32_t>(i + len);
    if (const char* rep = Replacement(Decode(s + i, len)); rep != nullptr) {
      Append(rep, b, e);
    } else {
      segments_.push_back({static_cast<uint32_t>(text_.size()), b, e,
                           Segment::kCharCopy});
      text_.append(original_.data() + i, len);
    }
    i += len;
  }
}

// Returns the offset after the tag opening at `lt`; block tags add a line
// break, script/style/comment content is skipped whole.
size_t NormalizedText::SkipTag(size_t lt) {
  const std::string_view s = original_;
  if (s.compare(lt, 4, "<!--") == 0) {
    const size_t end = s.find("-->", lt + 4);
    return end == std::string_view::npos ? s.size() : end + 3;
  }
  const size_t gt = s.find('>', lt);
  if (gt == std::string_view::npos) return s.size();
  size_t b = lt + 1;
  if (b < gt && s[b] == '/') ++b;
  size_t e = b;
  while (e < gt && std::isalnum(static_cast<unsigned char>(s[e]))) ++e;
  const std::string_view name = s.substr(b, e - b);
  if (IsBlockTag(name)) Append("\n", static_cast<uint32_t>(lt), static_cast<uint32_t>(gt + 1));
  const bool opening = s[lt + 1] != '/';
  for (const char* raw : {"script", "style"}) {
    if (opening && name.size() == std::strlen(raw) &&
        strncasecmp(name.data(), raw, name.size()) == 0) {
      const size_t close = s.find(std::string("</") + raw, gt);
      if (close == std::string_view::npos) return s.size();
      const size_t close_gt = s.find('>', close);
      return close_gt == std::string_view::npos ? s.size() : close_gt + 1;
    }
  }
  return gt + 1;
}

// Decodes the character reference at `amp`; returns the offset after it, or
// amp + 1 (the '&' copied as is) when it is none.
size_t NormalizedText::DecodeEntity(size_t amp) {
  const std::string_view s = original_;
  const size_t semi = s.find(';', amp);
  const uint32_t b = static_cast<uint32_t>(amp);
  if (semi != std::string_view::npos && semi - amp <= 10) {
    const std::string_view body = s.substr(amp + 1, semi - amp - 1);
    uint32_t cp = 0;
    if (body.size() > 1 && body[0] == '#') {
      const bool hex = body[1] == 'x' || body[1] == 'X';
      const std::string digits(body.substr(hex ? 2 : 1));
      char* end = nullptr;
      cp = static_cast<uint32_t>(std::strtoul(digits.c_str(), &end, hex ? 16 : 10));
      if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF) cp = 0;
    } else {
      for (const NamedEntity& n : kEntities) {
        if (body == n.name) cp = n.cp;
      }
    }
    if (cp != 0) {
      AppendCodePoint(cp, b, static_cast<uint32_t>(semi + 1));
      return semi + 1;
    }
  }
  Append("&", b, b + 1);
  return amp + 1;
}

void NormalizedText::NormalizeHtml() {
  const std::string_view s = original_;
  size_t i = 0;
  while (i < s.size()) {
    const size_t next = s.find_first_of("<&", i);
    const size_t stop = next == std::string_view::npos ? s.size() : next;
    NormalizePlain(i, stop);
    if (stop == s.size()) break;
    i = s[stop] == '<' ? SkipTag(stop) : DecodeEntity(stop);
  }
}

const NormalizedText::Segment& NormalizedText::SegmentOf(uint32_t pos) const {
  // The last segment starting at or before pos (segments_[0].begin == 0).
  auto it = std::upper_bound(
      segments_.begin(), segments_.end(), pos,
      [](uint32_t p, const Segment& s) { return p < s.begin; });
  return *(it - 1);
}

uint32_t NormalizedText::ToOriginal(uint32_t pos) const {
  if (pos >= text_.size()) return static_cast<uint32_t>(original_.size());
  const Segment& s = SegmentOf(pos);
  return s.kind == Segment::kFixed ? s.orig_begin : s.orig_begin + (pos - s.begin);
}

uint32_t NormalizedText::ToOriginalEnd(uint32_t pos) const {
  if (pos == 0) return 0;
  if (pos > text_.size()) return static_cast<uint32_t>(original_.size());
  const Segment& s = SegmentOf(pos - 1);
  return s.kind == Segment::kIdentity ? s.orig_begin + (pos - s.begin)
                                      : s.orig_end;
}

std::string_view NormalizedText::OriginalSlice(uint32_t begin,
                                               uint32_t end) const {
  if (end <= begin) return std::string_view();
  const uint32_t b = ToOriginal(begin);
  const uint32_t e = ToOriginalEnd(end);
  return original_.substr(b, e > b ? e - b : 0);
}

}  // namespace kg::extractor
