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
