#include "extractor_service/pipeline/entity_recognizer.h"

#include <utility>
#include <vector>

#include "extractor_service/pipeline/internal/author.h"
#include "extractor_service/pipeline/internal/sentence_pass.h"

namespace kg::extractor {

void EntityRecognizer::Recognize(AnalyzedDocument* doc,
                                 const StopCheck& stop) const {
  doc->mentions.clear();
  for (AnalyzedSentence& s : doc->sentences) {
    if (!s.tokens.empty() && s.tokens.front().lower_id == kUnannotatedWord) {
      gaz_.Annotate(&s.tokens);
    }
  }
  doc->mentions.reserve(doc->sentences.size() * 4);
  PersonResolver people;
  internal::ShortNames names;
  for (int s = 0; s < static_cast<int>(doc->sentences.size()); ++s) {
    if (stop.ShouldStop()) return;
    internal::SentencePass pass(gaz_, *doc, s, &people, &names);
    std::vector<Mention> found = pass.Run();
    for (Mention& m : found) doc->mentions.push_back(std::move(m));
  }
  internal::ResolveAuthor(gaz_, doc);
}

}  // namespace kg::extractor
