#pragma once
// The plain-text and Markdown writer of one-record answers (`kb show`, `kb today`): a title,
// "Key: value" fields, sections and items; text is made safe for the terminal or escaped for
// Markdown. Private to src/render.

#include <ostream>
#include <string>

#include "kb/base/text.h"
#include "kb/parse/markdown.h"
#include "kb/query/actions.h"
#include "kb/render/table.h"

namespace kb {

class TextWriter {
 public:
  TextWriter(std::ostream& out, bool md, bool color) : out_(out), md_(md), color_(color) {}
  void title(const std::string& text, const std::string& sub) {
    if (md_) out_ << "# " << markdown_escape(text) << "\n\n" << markdown_escape(sub) << "\n";
    else if (color_) out_ << "\x1b[1m" << terminal_safe(text) << "\x1b[0m  " << terminal_safe(sub) << "\n";
    else out_ << terminal_safe(text) << "  " << terminal_safe(sub) << "\n";
  }
  void field(const std::string& k, const std::string& v) {
    if (v.empty()) return;
    if (md_) out_ << "- **" << markdown_escape(k) << ":** " << markdown_escape(v) << "\n";
    else out_ << terminal_safe(k) << ": " << terminal_safe(v) << "\n";
  }
  void section(const std::string& name) {
    if (md_) out_ << "\n## " << name << "\n\n";
    else if (color_) out_ << "\n\x1b[1m" << name << "\x1b[0m\n";
    else out_ << "\n" << name << "\n";
  }
  // Items and paragraphs are read, not followed: `[[A|b]]` shows as `b`, as in the reports.
  void item(const std::string& text) {
    if (md_) out_ << "- " << markdown_escape(unlink_text(text)) << "\n";
    else out_ << "  " << terminal_safe(unlink_text(text)) << "\n";
  }
  /// An item that starts with a date, painted `p` on a terminal (an overdue date in red).
  void dated_item(const std::string& date, Paint p, const std::string& text) {
    if (md_) out_ << "- " << markdown_escape(date + "  " + unlink_text(text)) << "\n";
    else out_ << "  " << (color_ ? paint(date, p) : date) << "  " << terminal_safe(unlink_text(text)) << "\n";
  }
  void para(const std::string& text) {
    if (md_) out_ << markdown_escape(unlink_text(text)) << "\n";
    else out_ << "  " << terminal_safe(unlink_text(text)) << "\n";
  }

 private:
  std::ostream& out_;
  bool md_;
  bool color_;
};

/// An action as one line: `[ ] text  (owner: NAME)  meeting-id:line`.
std::string action_text(const KnowledgeBase& kb, const ActionRef& ref);

}  // namespace kb
