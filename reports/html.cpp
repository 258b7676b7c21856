#include "reports/html.hpp"

#include "reports/gnuplot.hpp"
#include "reports/output_file.hpp"

#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace kwe::reports {

namespace fs = std::filesystem;

std::string html_beside(const std::string& report) {
  fs::path p(report);
  p.replace_extension(".html");
  return p.string();
}

namespace {

// Tables wide enough to read, plots at most the page's width.
const char* const style =
    "<style>body{max-width:1500px;margin:auto;padding:1em;font-family:sans-serif;line-height:1.4}"
    "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}"
    "img{max-width:100%;height:auto;border:1px solid #eee}code{font-size:0.9em}</style>\n";

}  // namespace

std::string render_html(const std::string& markdown_file, const std::string& title, std::string& html) {
  html.clear();
  const std::string pandoc = find_program("pandoc");
  if (pandoc.empty()) return "pandoc is not on PATH: no HTML report";
  const fs::path markdown = fs::absolute(markdown_file);
  const fs::path directory = markdown.parent_path();
  const std::string pid = std::to_string(::getpid());
  const fs::path header = directory / (".html-header.tmp." + pid), log = directory / (".pandoc.log.tmp." + pid);
  std::error_code error;
  write_atomically(header.string(), style);
  int spawn_errno = 0;
  // --self-contained (pandoc 2.17, Debian 12) inlines every image as a data URI; --resource-path finds
  // the plots relative to the report. The page comes back on pandoc's standard output (a pipe).
  const int status = spawn_capture({pandoc, "--from=gfm", "--to=html5", "--standalone", "--self-contained",
                                    "--resource-path=" + directory.string(), "--metadata=title:" + title,
                                    "--include-in-header=" + header.string(), markdown.string()},
                                   log, &html, spawn_errno);
  std::string why;
  if (status < 0) why = std::string("cannot start pandoc: ") + std::strerror(spawn_errno);
  else if (status != 0) why = "pandoc: " + first_line(log);
  else if (html.find("</html>") == std::string::npos) why = "pandoc's HTML is incomplete";
  if (!why.empty()) html.clear();
  fs::remove(header, error);
  fs::remove(log, error);
  return why;
}

}  // namespace kwe::reports
