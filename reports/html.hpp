// The report as one self-contained HTML page beside the Markdown (REPORT.md -> REPORT.html), every plot
// embedded, for a reviewer who opens it in a browser: pandoc (Debian's package) renders the Markdown
// with its SVG plots inlined as data. Without pandoc on PATH nothing is written and the reason is
// returned: a missing renderer never fails an audit
// (but the HTML of an earlier run beside the report is removed: app/main.cpp).
#pragma once

#include <string>

namespace kwe::reports {

// `<report without .md>.html`.
std::string html_beside(const std::string& report);

// Renders `markdown_file` (already written, its plots beside it: app/main.cpp stages both) into `html`,
// read from pandoc's standard output; pandoc writes no file. Returns "" on success, else one line saying
// why not (`html` then empty). A helper file that cannot be written throws OutputError.
std::string render_html(const std::string& markdown_file, const std::string& title, std::string& html);

}  // namespace kwe::reports
