#include "chromium_printer.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "file_system.h"
#include "pdf.h"
#include "process.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

TEST_CASE("base64 decodes the protocol's binary data, and only base64") {
  CHECK(DecodeBase64("") == std::string());
  CHECK(DecodeBase64("JVBERi0=") == std::string("%PDF-"));
  CHECK(DecodeBase64("JVBERi0xLjQ=") == std::string("%PDF-1.4"));
  CHECK(DecodeBase64("YQ==") == std::string("a"));
  CHECK(DecodeBase64("YWI=") == std::string("ab"));
  CHECK(DecodeBase64("AP8A") == std::string("\x00\xff\x00", 3));
  CHECK(DecodeBase64("+/+/") == std::string("\xfb\xff\xbf", 3));
  CHECK_FALSE(DecodeBase64("YQ="));       // not a multiple of four
  CHECK_FALSE(DecodeBase64("Y=Q="));      // padding inside
  CHECK_FALSE(DecodeBase64("YQ==YQ=="));  // padding before the end
  CHECK_FALSE(DecodeBase64("YQ!="));
}

TEST_CASE("a document's file URL escapes what a URL path cannot hold") {
  CHECK(FileUrl("/tmp/site/cetak/iki.html") ==
        "file:///tmp/site/cetak/iki.html");
  CHECK(FileUrl("/tmp/my site/#1/100%.html") ==
        "file:///tmp/my%20site/%231/100%25.html");
}

std::string PdfInfo(const fs::path& pdf) {
  std::string out;
  std::FILE* pipe = popen(("pdfinfo '" + pdf.string() + "'").c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    out.append(buffer, n);
  }
  pclose(pipe);
  return out;
}

// With Chromium installed (the test set-up installs it): one browser
// prints several documents, and a missing one fails alone.
TEST_CASE("one Chromium prints document after document") {
  std::string chromium = FindProgram("chromium");
  if (chromium.empty()) {
    WARN("chromium is not installed; the printer is not exercised");
    return;
  }
  fs::path dir = fs::temp_directory_path() /
                 ("sakip-printer-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "dengan spasi");
  std::ofstream(dir / "dengan spasi" / "a.html")
      << "<!DOCTYPE html><style>@page { size: A5; margin: 1cm }</style>"
         "<p>Halaman satu</p>";
  std::ofstream(dir / "b.html")
      << "<!DOCTYPE html><style>@page { size: A4 }</style>"
         "<p style='page-break-after: always'>1</p><p>2</p>";
  {
    ChromiumPrinter printer(chromium, dir / "profile", 120);
    INFO(printer.error());
    REQUIRE(printer.ok());
    std::string problem;
    REQUIRE(printer.Print(dir / "dengan spasi" / "a.html", dir / "a.pdf",
                          &problem));
    CHECK(printer.Print(dir / "missing.html", dir / "m.pdf", &problem) ==
          false);
    CHECK_FALSE(problem.empty());
    CHECK(printer.ok());  // one missing document does not stop the others
    REQUIRE(printer.Print(dir / "b.html", dir / "b.pdf", &problem));
  }
  std::string a = ReadWholeFile(dir / "a.pdf");
  std::string b = ReadWholeFile(dir / "b.pdf");
  CHECK(a.rfind("%PDF-", 0) == 0);
  CHECK(b.rfind("%PDF-", 0) == 0);
  // The CSS page size is used (A5 is 420 x 595 points, A4 595 x 842), and
  // the page break.
  if (!FindProgram("pdfinfo").empty()) {
    std::string a_info = PdfInfo(dir / "a.pdf");
    std::string b_info = PdfInfo(dir / "b.pdf");
    INFO(a_info << b_info);
    CHECK(a_info.find("(A5)") != std::string::npos);
    CHECK(a_info.find("Pages:           1\n") != std::string::npos);
    CHECK(b_info.find("(A4)") != std::string::npos);
    CHECK(b_info.find("Pages:           2\n") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "m.pdf"));
  fs::remove_all(dir);
}

TEST_CASE("one Chromium prints in several tabs, each job reported once") {
  std::string chromium = FindProgram("chromium");
  if (chromium.empty()) {
    WARN("chromium is not installed; the printer is not exercised");
    return;
  }
  fs::path dir =
      fs::temp_directory_path() / ("sakip-tabs-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<PrintJob> jobs;
  for (int i = 0; i < 5; ++i) {
    std::string name = "doc-" + std::to_string(i);
    if (i != 2) {  // the third is missing
      std::ofstream(dir / (name + ".html"))
          << "<!DOCTYPE html><title>" << name << "</title><p>" << name;
    }
    jobs.push_back({dir / (name + ".html"), dir / (name + ".pdf")});
  }
  std::vector<int> reported(jobs.size(), 0);
  std::vector<bool> printed(jobs.size(), false);
  {
    ChromiumPrinter printer(chromium, dir / "profile", 120, 2);
    INFO(printer.error());
    REQUIRE(printer.ok());
    printer.PrintAll(jobs, [&](size_t i, bool ok, const std::string&) {
      ++reported[i];
      printed[i] = ok;
    });
    CHECK(printer.ok());
  }
  for (size_t i = 0; i < jobs.size(); ++i) {
    INFO("job " << i);
    CHECK(reported[i] == 1);
    CHECK(printed[i] == (i != 2));
    if (i != 2) {
      CHECK(ReadWholeFile(jobs[i].pdf).rfind("%PDF-", 0) == 0);
      // Each PDF is its own document, not a neighbouring tab's.
      if (!FindProgram("pdfinfo").empty()) {
        CHECK(PdfInfo(jobs[i].pdf).find("doc-" + std::to_string(i)) !=
              std::string::npos);
      }
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("a printer whose program is not Chromium says so") {
  ChromiumPrinter printer("/bin/true", fs::temp_directory_path(), 10);
  CHECK_FALSE(printer.ok());
  std::string problem;
  CHECK_FALSE(printer.Print("/nonexistent.html", "/nonexistent.pdf", &problem));
  CHECK_FALSE(problem.empty());
}

// A `chromium` that cannot be driven through the pipe (an old or odd build)
// still makes every PDF: the documents fall back to a browser each.
TEST_CASE("PDFs are made one browser each when the pipe does not work") {
  fs::path dir = fs::temp_directory_path() /
                 ("sakip-fallback-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "bin");
  fs::create_directories(dir / "site/cetak");
  std::ofstream(dir / "bin/chromium")
      << "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) "
         "printf '%%PDF-fake' > \"${a#--print-to-pdf=}\";; esac; done\n";
  fs::permissions(dir / "bin/chromium", fs::perms::owner_all);
  std::ofstream(dir / "site/cetak/a.html") << "<p>a</p>";
  std::ofstream(dir / "site/cetak/b.html") << "<p>b</p>";
  std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (dir / "bin").c_str(), 1);
  Diagnostics diagnostics;
  PdfOptions options;
  options.jobs = 1;
  PdfReport report =
      RenderPdfs((dir / "site").string(), {"cetak/a.html", "cetak/b.html"},
                 "inputs", options, &diagnostics);
  setenv("PATH", path.c_str(), 1);
  INFO(diagnostics.Format());
  CHECK(report.rendered == 2);
  CHECK(report.failed == 0);
  CHECK(ReadWholeFile(dir / "site/cetak/a.pdf") == "%PDF-fake");
  CHECK(ReadWholeFile(dir / "site/cetak/b.pdf") == "%PDF-fake");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sakip
