#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace sakip {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct HtmlDeleter {
  void operator()(char* html) const {
    cmark_get_default_mem_allocator()->free(html);
  }
};

struct IterDeleter {
  void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};

// The schemes cmark's safe mode drops; data: is allowed for images only.
bool IsDangerousUrl(const char* url) {
  std::string scheme;
  for (const char* p = url; p && *p && *p != ':'; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c <= ' ') continue;  // browsers ignore control characters here
    scheme += static_cast<char>(std::tolower(c));
  }
  if (!url || !std::strchr(url, ':')) return false;
  if (scheme == "data") {
    std::string rest = std::strchr(url, ':') + 1;
    for (const char* ok :
         {"image/png", "image/gif", "image/jpeg", "image/webp"}) {
      if (rest.rfind(ok, 0) == 0) return false;
    }
    return true;
  }
  return scheme == "javascript" || scheme == "vbscript" || scheme == "file";
}

// Raw HTML may be allowed, dangerous link targets never are.
void DropDangerousUrls(cmark_node* document) {
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(document));
  for (cmark_event_type ev;
       (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it.get());
    cmark_node_type type = cmark_node_get_type(node);
    if ((type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) &&
        IsDangerousUrl(cmark_node_get_url(node))) {
      cmark_node_set_url(node, "");
    }
  }
}

// A table wider than a phone's screen scrolls sideways inside its own box
// (the theme's `.gulir`), which is focusable so that keyboard users can
// scroll it too (WCAG 2.1.1). A custom block's text is written as is, also
// in safe mode.
void WrapTablesInScrollBoxes(cmark_node* document) {
  std::vector<cmark_node*> tables;
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(document));
  for (cmark_event_type ev;
       (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it.get());
    if (ev == CMARK_EVENT_ENTER &&
        std::strcmp(cmark_node_get_type_string(node), "table") == 0) {
      tables.push_back(node);
    }
  }
  for (cmark_node* table : tables) {
    cmark_node* box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(box, "<div class=\"gulir\" tabindex=\"0\">\n");
    cmark_node_set_on_exit(box, "</div>\n");
    if (!cmark_node_insert_before(table, box)) {
      cmark_node_free(box);
    } else if (!cmark_node_append_child(box, table)) {
      cmark_node_unlink(box);
      cmark_node_free(box);
    }
  }
}

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

std::string RenderMarkdown(const std::string& markdown,
                           const MarkdownOptions& options) {
  RegisterExtensionsOnce();
  int flags = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
  if (options.allow_html) flags |= CMARK_OPT_UNSAFE;
  if (options.hard_breaks) flags |= CMARK_OPT_HARDBREAKS;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(flags));
  for (const char* name : {"table", "autolink", "strikethrough", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(
      cmark_parser_finish(parser.get()));
  DropDangerousUrls(document.get());
  WrapTablesInScrollBoxes(document.get());
  std::unique_ptr<char, HtmlDeleter> html(cmark_render_html(
      document.get(), flags, cmark_parser_get_syntax_extensions(parser.get())));
  return html ? std::string(html.get()) : std::string();
}

}  // namespace sakip
