// Markdown to HTML with cmark-gfm and its GFM extensions (tables, autolinks,
// strikethrough, tagfilter). This file is the only user of cmark-gfm.
#ifndef SAKIP_MARKDOWN_H_
#define SAKIP_MARKDOWN_H_

#include <string>

namespace sakip {

struct MarkdownOptions {
  // Raw HTML in content is dropped unless the site allows it; dangerous
  // link schemes (javascript:, vbscript:, file:, data: other than images)
  // are always dropped.
  bool allow_html = false;
  // Every line break is kept (legal text such as a diktum's a., b. lines).
  bool hard_breaks = false;
};

std::string RenderMarkdown(const std::string& markdown,
                           const MarkdownOptions& options = {});

}  // namespace sakip

#endif  // SAKIP_MARKDOWN_H_
