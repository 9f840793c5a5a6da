#include "markdown.h"

#include <catch2/catch.hpp>

namespace sakip {

TEST_CASE("GFM extensions: tables, autolinks, strikethrough") {
  std::string html = RenderMarkdown(
      "| a | b |\n| - | - |\n| 1 | 2 |\n\nLihat https://lumajangkab.go.id "
      "dan ~~lama~~.\n");
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("<a href=\"https://lumajangkab.go.id\">") !=
        std::string::npos);
  CHECK(html.find("<del>lama</del>") != std::string::npos);
}

TEST_CASE("a table scrolls inside a focusable box - raw HTML allowed or not") {
  for (bool allow : {false, true}) {
    std::string html = RenderMarkdown(
        "Teks.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> | c |\n> | - |\n> | 3 "
        "|\n",
        {allow});
    CHECK(html.find("<p>Teks.</p>\n<div class=\"gulir\" tabindex=\"0\">\n"
                    "<table>") != std::string::npos);
    size_t first = html.find("</table>");
    REQUIRE(first != std::string::npos);
    CHECK(html.compare(first, 15, "</table>\n</div>") == 0);
    // One box per table, also one nested in a block quote.
    size_t boxes = 0;
    for (size_t at = 0;
         (at = html.find("class=\"gulir\"", at)) != std::string::npos; ++at) {
      ++boxes;
    }
    CHECK(boxes == 2);
    CHECK(html.find("<blockquote>\n<div class=\"gulir\"") != std::string::npos);
  }
}

TEST_CASE("raw HTML is dropped unless allowed - tagfilter always applies") {
  std::string md = "<b>tebal</b> <script>x()</script>\n";
  std::string safe = RenderMarkdown(md);
  CHECK(safe.find("<b>") == std::string::npos);
  CHECK(safe.find("<script") == std::string::npos);
  std::string unsafe = RenderMarkdown(md, {true});
  CHECK(unsafe.find("<b>tebal</b>") != std::string::npos);
  CHECK(unsafe.find("<script") == std::string::npos);
}

TEST_CASE("hard breaks keep the lines of a diktum") {
  std::string md = "bertujuan untuk:\na. satu;\nb. dua.\n";
  CHECK(RenderMarkdown(md).find("<br") == std::string::npos);
  MarkdownOptions legal;
  legal.hard_breaks = true;
  CHECK(RenderMarkdown(md, legal) ==
        "<p>bertujuan untuk:<br />\na. satu;<br />\nb. dua.</p>\n");
}

TEST_CASE("dangerous link schemes are dropped in both modes") {
  for (bool allow : {false, true}) {
    std::string html = RenderMarkdown(
        "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) "
        "[c](vbscript:x) ![d](data:text/html,x) ![e](data:image/png;base64,AA) "
        "[f](https://ok.example/)\n",
        {allow});
    INFO(html);
    CHECK(html.find("javascript") == std::string::npos);
    CHECK(html.find("JaVaScRiPt") == std::string::npos);
    CHECK(html.find("vbscript") == std::string::npos);
    CHECK(html.find("data:text/html") == std::string::npos);
    CHECK(html.find("data:image/png;base64,AA") != std::string::npos);
    CHECK(html.find("https://ok.example/") != std::string::npos);
  }
}

}  // namespace sakip
