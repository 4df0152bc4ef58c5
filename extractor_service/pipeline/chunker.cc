#include "extractor_service/pipeline/chunker.h"

#include <string_view>

namespace kg::extractor {
namespace {

bool IsPunct(const Token& t, std::string_view p) {
  return t.kind == TokenKind::kPunct && t.text == p;
}

bool IsHead(PosTag p) {
  return p == PosTag::kNoun || p == PosTag::kPropn || p == PosTag::kNum;
}

// End of the noun-phrase chunk starting at token i, or i when none does.
int ChunkEnd(const std::vector<Token>& t, int i) {
  const int n = static_cast<int>(t.size());
  if (i >= n) return i;
  if (t[i].pos == PosTag::kPron) return i + 1;
  const bool determiner = t[i].pos == PosTag::kDet;
  int j = determiner ? i + 1 : i;
  int end = i;  // after the last head (or possessive "'s")
  int after_adjective = i;
  while (j < n) {
    const PosTag p = t[j].pos;
    if (IsHead(p) || (p == PosTag::kPart && t[j].lower == "'s" && end == j)) {
      end = ++j;
    } else if (p == PosTag::kAdj) {
      after_adjective = ++j;
    } else if (p == PosTag::kAdv && j + 1 < n && t[j + 1].pos == PosTag::kAdj) {
      ++j;
    } else {
      break;
    }
  }
  if (end == i && determiner) end = after_adjective;  // "the injured"
  return end;
}

bool IsRelativePronoun(const Token& t) {
  return t.pos == PosTag::kPron &&
         (t.lower == "who" || t.lower == "which" || t.lower == "that" ||
          t.lower == "whom" || t.lower == "whose");
}

// A noun phrase then a verb (adverbs between) starts at token i.
bool SubjectAndVerbAt(const std::vector<Token>& t, int i) {
  int j = ChunkEnd(t, i);
  if (j == i) return false;
  const int n = static_cast<int>(t.size());
  while (j < n && t[j].pos == PosTag::kAdv) ++j;
  return j < n && (t[j].pos == PosTag::kVerb || t[j].pos == PosTag::kAux);
}

}  // namespace

std::vector<TokenSpan> NounChunks(const std::vector<Token>& tokens) {
  std::vector<TokenSpan> out;
  const int n = static_cast<int>(tokens.size());
  for (int i = 0; i < n;) {
    const int end = ChunkEnd(tokens, i);
    if (end > i) {
      out.push_back({i, end});
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<int> ClauseIds(const std::vector<Token>& tokens) {
  enum class Kind { kMain, kQuote, kRelative, kSubordinate };
  struct Clause {
    int id;
    Kind kind;
  };
  const int n = static_cast<int>(tokens.size());
  std::vector<int> ids(n, 0);
  std::vector<Clause> open = {{0, Kind::kMain}};
  int next_id = 1;
  bool in_quote = false;
  auto closes_at_comma = [&] {
    return open.back().kind == Kind::kRelative ||
           open.back().kind == Kind::kSubordinate;
  };
  for (int i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (IsPunct(t, "\"")) {
      in_quote = !in_quote;
      if (in_quote) {
        open.push_back({next_id++, Kind::kQuote});
        ids[i] = open.back().id;
      } else {
        while (open.size() > 1 && open.back().kind != Kind::kQuote) open.pop_back();
        ids[i] = open.back().id;
        if (open.size() > 1) open.pop_back();
      }
      continue;
    }
    ids[i] = open.back().id;
    if (IsPunct(t, ",")) {
      if (closes_at_comma()) open.pop_back();
    } else if (IsPunct(t, ";")) {
      while (closes_at_comma()) open.pop_back();
      open.back().id = next_id++;
    } else if ((IsRelativePronoun(t) && i > 0 && IsPunct(tokens[i - 1], ",")) ||
               t.pos == PosTag::kSconj) {
      open.push_back({next_id++, IsRelativePronoun(t) ? Kind::kRelative
                                                      : Kind::kSubordinate});
      ids[i] = open.back().id;
    } else if (t.pos == PosTag::kCconj && SubjectAndVerbAt(tokens, i + 1)) {
      while (closes_at_comma()) open.pop_back();
      open.back().id = next_id++;
      ids[i] = open.back().id;
    }
  }
  return ids;
}

std::optional<TokenSpan> AppositionAfter(const std::vector<Token>& tokens,
                                         int end) {
  const int n = static_cast<int>(tokens.size());
  if (end >= n || !IsPunct(tokens[end], ",")) return std::nullopt;
  const int begin = end + 1;
  if (begin >= n || tokens[begin].pos == PosTag::kPron) return std::nullopt;
  int e = ChunkEnd(tokens, begin);
  if (e == begin) return std::nullopt;
  while (e + 1 < n && tokens[e].pos == PosTag::kAdp) {  // "head of the unit"
    const int next = ChunkEnd(tokens, e + 1);
    if (next == e + 1) break;
    e = next;
  }
  const bool closed = e == n || IsPunct(tokens[e], ".") ||
                      (IsPunct(tokens[e], ",") &&
                       !(e + 1 < n && tokens[e + 1].pos == PosTag::kCconj));
  if (!closed) return std::nullopt;
  return TokenSpan{begin, e};
}

std::vector<TokenSpan> Conjuncts(const std::vector<Token>& tokens,
                                 const std::vector<TokenSpan>& chunks,
                                 int first) {
  std::vector<TokenSpan> list = {chunks[first]};
  for (size_t k = first + 1; k < chunks.size(); ++k) {
    int j = chunks[k - 1].end;
    const int next = chunks[k].begin;
    const bool comma = j < next && IsPunct(tokens[j], ",");
    if (comma) ++j;
    const bool conjunction = j < next && (tokens[j].lower == "and" ||
                                          tokens[j].lower == "or");
    if (conjunction) ++j;
    if (j != next || !(comma || conjunction)) break;
    list.push_back(chunks[k]);
    if (conjunction) return list;
  }
  return {chunks[first]};
}

}  // namespace kg::extractor
