#include "clients/cli/line_editor.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace kg::cli {
namespace {

constexpr size_t kMaxHistory = 1000;

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Restores the terminal when it goes out of scope.
class RawMode {
 public:
  RawMode() {
    ok_ = tcgetattr(STDIN_FILENO, &saved_) == 0;
    if (!ok_) return;
    termios raw = saved_;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    ok_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0;
  }
  ~RawMode() {
    if (ok_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  bool ok() const { return ok_; }

 private:
  termios saved_;
  bool ok_ = false;
};

int ReadByte() {
  unsigned char c;
  return read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
}

void Redraw(const std::string& prompt, const LineBuffer& buffer) {
  std::string out = "\r\x1b[K" + prompt + buffer.text();
  // Move the cursor back over the code points after it.
  size_t after = 0;
  for (size_t i = buffer.cursor(); i < buffer.text().size(); ++i) {
    if (!IsContinuation(buffer.text()[i])) ++after;
  }
  if (after > 0) out += "\x1b[" + std::to_string(after) + "D";
  fwrite(out.data(), 1, out.size(), stdout);
  fflush(stdout);
}

// Maps an escape sequence (after ESC) to a key; false if unknown.
bool ReadEscape(LineBuffer::Key* key) {
  const int bracket = ReadByte();
  if (bracket != '[' && bracket != 'O') return false;
  const int code = ReadByte();
  switch (code) {
    case 'A': *key = LineBuffer::Key::kUp; return true;
    case 'B': *key = LineBuffer::Key::kDown; return true;
    case 'C': *key = LineBuffer::Key::kRight; return true;
    case 'D': *key = LineBuffer::Key::kLeft; return true;
    case 'H': *key = LineBuffer::Key::kHome; return true;
    case 'F': *key = LineBuffer::Key::kEnd; return true;
    default:
      break;
  }
  if (code < '0' || code > '9') return false;
  // "ESC [ N ~": 1/7 Home, 4/8 End, 3 Delete; skip to the '~'.
  int c = ReadByte();
  while (c >= '0' && c <= '9') c = ReadByte();
  if (c != '~') return false;
  switch (code) {
    case '1': case '7': *key = LineBuffer::Key::kHome; return true;
    case '4': case '8': *key = LineBuffer::Key::kEnd; return true;
    case '3': *key = LineBuffer::Key::kDelete; return true;
    default: return false;
  }
}

}  // namespace

void LineBuffer::Insert(char c) {
  text_.insert(cursor_, 1, c);
  ++cursor_;
}

void LineBuffer::Press(Key key) {
  switch (key) {
    case Key::kLeft:
      while (cursor_ > 0 && IsContinuation(text_[--cursor_])) {}
      break;
    case Key::kRight:
      if (cursor_ < text_.size()) ++cursor_;
      while (cursor_ < text_.size() && IsContinuation(text_[cursor_])) ++cursor_;
      break;
    case Key::kHome: cursor_ = 0; break;
    case Key::kEnd: cursor_ = text_.size(); break;
    case Key::kBackspace: {
      const size_t end = cursor_;
      Press(Key::kLeft);
      text_.erase(cursor_, end - cursor_);
      break;
    }
    case Key::kDelete: {
      const size_t begin = cursor_;
      Press(Key::kRight);
      text_.erase(begin, cursor_ - begin);
      cursor_ = begin;
      break;
    }
    case Key::kKillLine: text_.clear(); cursor_ = 0; break;
    case Key::kUp:
    case Key::kDown: {
      const bool up = key == Key::kUp;
      if (up ? history_pos_ == 0 : history_pos_ >= history_->size()) break;
      if (history_pos_ == history_->size()) saved_ = text_;
      history_pos_ += up ? -1 : 1;
      text_ = history_pos_ == history_->size() ? saved_
                                               : (*history_)[history_pos_];
      cursor_ = text_.size();
      break;
    }
  }
}

LineEditor::LineEditor(std::string history_path)
    : history_path_(std::move(history_path)) {
  if (history_path_.empty()) return;
  std::ifstream file(history_path_);
  std::string line;
  while (std::getline(file, line)) {
    if (!line.empty()) history_.push_back(line);
  }
  if (history_.size() > kMaxHistory) {
    history_.erase(history_.begin(), history_.end() - kMaxHistory);
  }
}

void LineEditor::AddHistory(const std::string& line) {
  if (line.empty() || (!history_.empty() && history_.back() == line)) return;
  history_.push_back(line);
  if (history_.size() > kMaxHistory) history_.erase(history_.begin());
  if (!history_path_.empty()) {
    std::ofstream(history_path_, std::ios::app) << line << "\n";
  }
}

std::optional<std::string> LineEditor::ReadLine(const std::string& prompt) {
  if (isatty(STDIN_FILENO)) return ReadRaw(prompt);
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  return line;
}

std::optional<std::string> LineEditor::ReadRaw(const std::string& prompt) {
  RawMode raw;
  LineBuffer buffer(&history_);
  Redraw(prompt, buffer);
  for (int c = ReadByte();; c = ReadByte()) {
    LineBuffer::Key key;
    if (c < 0 || (c == 4 && buffer.text().empty())) {  // EOF, Ctrl-D
      fputs("\n", stdout);
      return std::nullopt;
    }
    if (c == '\r' || c == '\n') break;
    if (c == 3) {  // Ctrl-C: abandon the line
      buffer.Press(LineBuffer::Key::kKillLine);
      fputs("^C\n", stdout);
    } else if (c == 127 || c == 8) {
      buffer.Press(LineBuffer::Key::kBackspace);
    } else if (c == 1 || c == 5 || c == 21) {
      buffer.Press(c == 1   ? LineBuffer::Key::kHome
                   : c == 5 ? LineBuffer::Key::kEnd
                            : LineBuffer::Key::kKillLine);
    } else if (c == 27) {
      if (ReadEscape(&key)) buffer.Press(key);
    } else if (c >= 32 || c == '\t') {
      buffer.Insert(static_cast<char>(c));
    }
    Redraw(prompt, buffer);
  }
  fputs("\n", stdout);
  return buffer.text();
}

std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

}  // namespace kg::cli
