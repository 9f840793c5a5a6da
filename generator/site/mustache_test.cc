#include "mustache.h"

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>
#include <random>

#include "compute.h"
#include "site_data.h"
#include "test_tree.h"
#include "theme.h"

namespace sakip {
namespace {

// kainjow/mustache, which rendered the theme before this engine, is the
// reference: the same template and data must give the same bytes.
kainjow::mustache::data ToKainjow(const TemplateData& d) {
  using kainjow::mustache::data;
  if (d.is_string()) return data(d.string_value());
  if (d.is_true() || d.is_false()) return data(d.is_true());
  if (d.is_list()) {
    data list(data::type::list);
    for (const TemplateData& item : d.list_value()) {
      list.push_back(ToKainjow(item));
    }
    return list;
  }
  data object;
  for (size_t i = 0; i < d.object_names().size(); ++i) {
    object.set(d.object_names()[i], ToKainjow(d.object_values()[i]));
  }
  return object;
}

// Renders `name` of `templates` with kainjow, partials given as data
// `_name`, as render_site.cc did.
std::string RenderWithKainjow(const std::map<std::string, std::string>& set,
                              const std::string& name, const TemplateData& d) {
  kainjow::mustache::data data = ToKainjow(d);
  for (const auto& [partial, text] : set) {
    const std::string* body = &text;
    data.set("_" + partial,
             kainjow::mustache::partial([body] { return *body; }));
  }
  kainjow::mustache::mustache compiled(set.at(name));
  return compiled.is_valid() ? compiled.render(data) : "";
}

std::string Render(const std::string& text, const TemplateData& data) {
  return MustacheTemplate(text).Render(data);
}

TEST_CASE("mustache: variables, escaping, sections and inverted sections") {
  TemplateData d;
  d.set("nama", "Kasi <Umum> & \"Tata\" 'Usaha'");
  d.set("ya", true);
  d.set("tidak", false);
  TemplateData list(TemplateData::type::list);
  for (const char* s : {"a", "b"}) {
    TemplateData item;
    item.set("x", s);
    list.push_back(item);
  }
  d.set("daftar", list);
  d.set("kosong", TemplateData(TemplateData::type::list));
  CHECK(Render("{{nama}}", d) ==
        "Kasi &lt;Umum&gt; &amp; &quot;Tata&quot; &apos;Usaha&apos;");
  CHECK(Render("{{{nama}}}|{{& nama}}", d) ==
        "Kasi <Umum> & \"Tata\" 'Usaha'|Kasi <Umum> & \"Tata\" 'Usaha'");
  CHECK(Render("{{#ya}}Y{{/ya}}{{#tidak}}T{{/tidak}}{{^tidak}}t{{/tidak}}",
               d) == "Yt");
  CHECK(Render("{{#daftar}}[{{x}}]{{/daftar}}{{^kosong}}none{{/kosong}}", d) ==
        "[a][b]none");
  CHECK(Render("{{#daftar}}{{nama}}{{/daftar}}", d).find("Kasi") == 0);
  CHECK(Render("{{! a comment }}{{tak_ada}}{{ya}}{{daftar}}", d) == "");
  // A later value of the same name wins.
  d.set("nama", "Camat");
  CHECK(Render("{{nama}}", d) == "Camat");
}

TEST_CASE("mustache: kainjow's line rules are kept") {
  TemplateData d;
  d.set("ya", true);
  d.set("tidak", false);
  // A line with a rendered section and nothing else is dropped...
  CHECK(Render("a\n  {{#ya}}\n  b\n  {{/ya}}\nc", d) == "a\n  b\nc");
  // ...but a section not rendered leaves its indentation (not the spec).
  CHECK(Render("a\n  {{#tidak}}\n  b\n  {{/tidak}}\nc", d) == "a\n  \nc");
  // Comments never drop a line.
  CHECK(Render("a\n{{! note }}\nc", d) == "a\n\nc");
  CHECK(Render("x\r\n{{#ya}}\r\ny\r\n{{/ya}}\r\n", d) == "x\r\ny\r\n");
}

TEST_CASE("mustache: dotted names are looked up whole in each context") {
  TemplateData inner;
  inner.set("a", "dalam");  // has `a` but no `a.b`
  TemplateData a;
  a.set("b", "luar");
  TemplateData d;
  d.set("a", a);
  d.set("item", inner);
  // The spec would stop at the inner `a`; kainjow goes on outwards.
  CHECK(Render("{{#item}}{{a.b}}{{/item}}", d) == "luar");
  CHECK(Render("{{#a}}{{.}}{{/a}}", d) == "");
}

TEST_CASE("mustache: partials, recursive ones, and set delimiters") {
  std::map<std::string, std::string> templates = {
      {"home", "<ul>{{#akar}}{{> _pohon}}{{/akar}}</ul>"},
      {"pohon", "<li>{{nama}}{{#anak}}<ul>{{> _pohon}}</ul>{{/anak}}</li>"},
  };
  TemplateData leaf;
  leaf.set("nama", "Kelurahan");
  leaf.set("anak", TemplateData(TemplateData::type::list));
  TemplateData children(TemplateData::type::list);
  children.push_back(leaf);
  TemplateData root;
  root.set("nama", "Kecamatan");
  root.set("anak", children);
  TemplateData d;
  d.set("akar", root);
  TemplateSet set(templates);
  CHECK(set.Render("home", d) ==
        "<ul><li>Kecamatan<ul><li>Kelurahan</li></ul></li></ul>");
  CHECK(set.Render("tak-ada", d) == "");
  CHECK(Render("{{=<% %>=}}<% nama %>{{nama}}<%={{ }}=%>{{nama}}", leaf) ==
        "Kelurahan{{nama}}Kelurahan");
  // A partial that includes itself stops instead of overflowing the stack.
  TemplateSet loop(std::map<std::string, std::string>{{"a", "x{{> _a}}"}});
  CHECK(loop.Render("a", d).size() == 101);
}

TEST_CASE("mustache: errors with kainjow's words and the offset") {
  struct Case {
    const char* text;
    const char* error;
    size_t offset;
    const char* hint;
  };
  for (const Case& c : std::vector<Case>{
           {"<h1>{{#unit}}{{nama}}</h1>", "Unclosed section \"unit\" at 4", 4,
            "close it with `{{/unit}}`"},
           {"ab{{/unit}}", "Unopened section \"unit\" at 2", 2,
            "open it before with `{{#unit}}`"},
           {"{{#a}}{{#b}}{{/a}}{{/b}}", "Unclosed section \"a\" at 0", 0,
            "sections inside it close before it does"},
           {"x {{nama", "Unclosed tag at 2", 2, "end the tag with `}}`"},
           {"{{{nama}}", "Unclosed tag at 0", 0, "end the tag with `}}}`"},
           {"{{=<%=}}", "Invalid set delimiter tag at 0", 0,
            "write it as `{{=<% %>=}}`"},
       }) {
    MustacheTemplate compiled(c.text);
    INFO(c.text);
    CHECK_FALSE(compiled.ok());
    CHECK(compiled.error() == c.error);
    CHECK(compiled.error_offset() == c.offset);
    CHECK(compiled.error_hint().find(c.hint) != std::string::npos);
    kainjow::mustache::mustache reference(c.text);
    CHECK(reference.error_message() == c.error);
  }
}

// Random templates from the tags the theme uses, on random data: the same
// bytes as kainjow, for each of several thousand.
TEST_CASE("mustache: random templates render as kainjow renders them") {
  std::mt19937 random(20261201);
  auto pick = [&](int n) { return static_cast<int>(random() % n); };
  const std::vector<std::string> names = {"a", "b", "c", "a.b", "b.c", "."};
  std::function<TemplateData(int)> make_data = [&](int depth) {
    switch (depth > 2 ? pick(3) : pick(6)) {
      case 0:
        return TemplateData(std::string(pick(2) ? "x<&'\"" : ""));
      case 1:
        return TemplateData(true);
      case 2:
        return TemplateData(false);
      case 3: {
        TemplateData list(TemplateData::type::list);
        for (int i = pick(3); i > 0; --i) list.push_back(make_data(depth + 1));
        return list;
      }
      default: {
        TemplateData object;
        for (const char* key : {"a", "b", "c"}) {
          if (pick(3)) object.set(key, make_data(depth + 1));
        }
        return object;
      }
    }
  };
  std::function<std::string(int)> make_text = [&](int depth) {
    std::string text;
    for (int i = pick(6); i > 0; --i) {
      const std::string& name = names[pick(static_cast<int>(names.size()))];
      switch (pick(depth > 2 ? 7 : 9)) {
        case 0:
          text += "t";
          break;
        case 1:
          text += pick(2) ? "\n" : "\r\n";
          break;
        case 2:
          text += pick(2) ? "  " : "\t";
          break;
        case 3:
          text += "{{" + name + "}}";
          break;
        case 4:
          text += "{{{" + name + "}}}";
          break;
        case 5:
          text += "{{! c }}";
          break;
        case 6:
          text += "{{> _p}}";
          break;
        default: {
          std::string sigil = pick(2) ? "#" : "^";
          text += "{{" + sigil + name + "}}" + make_text(depth + 1) + "{{/" +
                  name + "}}";
        }
      }
    }
    return text;
  };
  for (int round = 0; round < 3000; ++round) {
    std::map<std::string, std::string> templates = {
        {"page", make_text(0)}, {"p", pick(2) ? "\n  {{a}}\n" : "[{{b}}]"}};
    TemplateData d = make_data(0);
    if (!d.is_object()) {
      TemplateData wrapper;
      wrapper.set("a", d);
      d = wrapper;
    }
    INFO(templates["page"]);
    CHECK(TemplateSet(templates).Render("page", d) ==
          RenderWithKainjow(templates, "page", d));
  }
}

// Every page of the sample content, web and print, with its real data:
// the same bytes as kainjow.
TEST_CASE("mustache: the pages of content/ render as kainjow renders them") {
  RealFileSystem fs(testing::SourceDir() + "/content");
  testing::Checked c = testing::Check(fs);
  Diagnostics diagnostics;
  Results results = ComputeResults(c.model, &diagnostics);
  Theme theme = DefaultTheme(&diagnostics);
  TemplateSet templates(theme.templates);
  std::vector<VersionInfo> versions = {{"2024", "", PagePaths(c.model)}};
  SiteContext context{.model = c.model,
                      .results = results,
                      .tahun = results.TahunUtama(c.model.site),
                      .versi = "2024",
                      .dibangun = "1 Desember 2026",
                      .markdown = {},
                      .sebelumnya = {},
                      .base_url = {}};
  context.versions = &versions;
  std::vector<std::pair<PageJob, const char*>> jobs;  // with their frame
  for (PageJob& job : SitePageJobs(context)) jobs.push_back({job, "base"});
  for (const auto& unit : c.model.units) {
    for (PageJob& job : UnitPageJobs(context, *unit)) {
      jobs.push_back({job, "base"});
    }
    for (PageJob& job : UnitPrintPageJobs(context, *unit)) {
      jobs.push_back({job, "cetak_base"});
    }
  }
  REQUIRE(jobs.size() > 50);
  for (const auto& [job, frame] : jobs) {
    Page page = job.make(&diagnostics);
    AddCommonData(context, page, &page.data);
    INFO(page.path);
    std::string body = templates.Render(page.template_name, page.data);
    CHECK(body ==
          RenderWithKainjow(theme.templates, page.template_name, page.data));
    REQUIRE_FALSE(body.empty());
    Set(page.data, "isi", body);
    CHECK(templates.Render(frame, page.data) ==
          RenderWithKainjow(theme.templates, frame, page.data));
  }
}

}  // namespace
}  // namespace sakip
