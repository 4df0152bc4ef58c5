// Text normalisation for matching. Curly quotes, dashes and unusual spaces
// become ASCII so that rules and gazetteers see one spelling; an offset map
// leads every normalised byte back to the original text, so evidence and
// canonical names are always cut from the ORIGINAL document.
#ifndef KG_EXTRACTOR_SERVICE_PIPELINE_NORMALIZER_H_
#define KG_EXTRACTOR_SERVICE_PIPELINE_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extractor {

class NormalizedText {
 public:
  // `original` must be valid UTF-8 and outlive this object.
  explicit NormalizedText(std::string_view original);

  const std::string& text() const { return text_; }
  std::string_view original() const { return original_; }

  // Original byte offset of normalised byte `pos`; pos == text().size()
  // maps to original().size().
  uint32_t ToOriginal(uint32_t pos) const;

  // Original text of the normalised span [begin, end).
  std::string_view OriginalSlice(uint32_t begin, uint32_t end) const;

 private:
  std::string_view original_;
  std::string text_;
  std::vector<uint32_t> to_original_;
};

}  // namespace kg::extractor

#endif  // KG_EXTRACTOR_SERVICE_PIPELINE_NORMALIZER_H_
