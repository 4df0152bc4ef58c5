// Text normalisation for matching. Curly quotes, dashes and unusual spaces
// become ASCII so that rules and gazetteers see one spelling; HTML input
// (text whose first non-blank character opens a tag, comment or doctype)
// loses its markup, script/style content and comments, block tags become
// line breaks and character references are decoded. Offset maps lead every
// normalised byte back to the ORIGINAL text as sent, so evidence offsets and
// canonical names are always cut from the document the user sent.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_NORMALIZER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extractor {

// True when `text` is to be read as HTML (see above).
bool LooksLikeHtml(std::string_view text);

class NormalizedText {
 public:
  // `original` must be valid UTF-8 and outlive this object. Linear time.
  explicit NormalizedText(std::string_view original);

  const std::string& text() const { return text_; }
  // text() ASCII-lowercased: the same size and byte offsets.
  const std::string& lower() const { return lower_; }
  std::string_view original() const { return original_; }
  bool is_html() const { return is_html_; }

  // Original byte offset where normalised byte `pos` comes from;
  // pos == text().size() maps to original().size().
  uint32_t ToOriginal(uint32_t pos) const;
  // Original byte offset just past the source of normalised byte `pos - 1`
  // (the end of a span ending at `pos`); 0 for pos == 0.
  uint32_t ToOriginalEnd(uint32_t pos) const;

  // Original text of the normalised span [begin, end).
  std::string_view OriginalSlice(uint32_t begin, uint32_t end) const;

 private:
  void Append(std::string_view bytes, uint32_t orig_begin, uint32_t orig_end);
  void AppendCodePoint(uint32_t cp, uint32_t orig_begin, uint32_t orig_end);
  void NormalizePlain(size_t from, size_t to);
  void NormalizeHtml();
  size_t SkipTag(size_t lt);
  size_t DecodeEntity(size_t amp);

  std::string_view original_;
  bool is_html_ = false;
  std::string text_;
  std::string lower_;
  // The offset maps, piecewise: a segment covers the normalised bytes from
  // `begin` to the next segment's begin. Byte begin + d comes from
  //   kIdentity: original [orig_begin + d, orig_begin + d + 1)  (ASCII runs)
  //   kFixed:    original [orig_begin, orig_end)  (a replaced character)
  //   kCharCopy: original [orig_begin + d, orig_end)  (a kept multi-byte
  //              character: each byte ends where the character ends)
  struct Segment {
    enum Kind : uint8_t { kIdentity, kFixed, kCharCopy };
    uint32_t begin;
    uint32_t orig_begin;
    uint32_t orig_end;
    Kind kind;
  };
  const Segment& SegmentOf(uint32_t pos) const;
  std::vector<Segment> segments_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_NORMALIZER_H_
