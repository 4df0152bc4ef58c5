// A small line editor for `kg shell`: history (up/down, kept in a file),
// left/right, home/end (Ctrl-A/E), backspace, Ctrl-U, Ctrl-D on an empty
// line to leave. Raw terminal mode via termios only while reading; when
// input is not a terminal it reads plain lines. Not thread-safe.
#ifndef KG_CLIENTS_CLI_LINE_EDITOR_H_
#define KG_CLIENTS_CLI_LINE_EDITOR_H_

#include <optional>
#include <string>
#include <vector>

namespace kg::cli {

// The editing state, separate from the terminal so that it can be tested.
class LineBuffer {
 public:
  explicit LineBuffer(const std::vector<std::string>* history)
      : history_(history), history_pos_(history->size()) {}

  enum class Key { kLeft, kRight, kHome, kEnd, kBackspace, kDelete, kUp,
                   kDown, kKillLine };
  void Insert(char c);
  void Press(Key key);

  const std::string& text() const { return text_; }
  size_t cursor() const { return cursor_; }  // byte offset

 private:
  const std::vector<std::string>* history_;
  size_t history_pos_;
  std::string saved_;  // the line being typed before browsing history
  std::string text_;
  size_t cursor_ = 0;
};

class LineEditor {
 public:
  // `history_path` may be empty (no file). At most 1000 lines are kept.
  explicit LineEditor(std::string history_path);

  // The next line without its newline; nullopt at end of input (Ctrl-D).
  std::optional<std::string> ReadLine(const std::string& prompt);

  // Appends a non-empty line that differs from the last one, and to the file.
  void AddHistory(const std::string& line);

  const std::vector<std::string>& history() const { return history_; }

 private:
  std::optional<std::string> ReadRaw(const std::string& prompt);

  std::string history_path_;
  std::vector<std::string> history_;
};

// Splits a shell line into words: whitespace separates, '...' and "..."
// quote (quotes removed), backslash escapes the next character.
std::vector<std::string> SplitWords(const std::string& line);

}  // namespace kg::cli

#endif  // KG_CLIENTS_CLI_LINE_EDITOR_H_
