// The report as one self-contained HTML page beside the Markdown (REPORT.md -> REPORT.html), every plot
// embedded, for a reviewer who opens it in a browser: pandoc (Debian's package) renders the Markdown
// with its SVG plots inlined as data. Without pandoc on PATH nothing is written and the reason is
// returned: a missing renderer never fails an audit.
#pragma once

#include <string>

namespace kwe::reports {

// `<report without .md>.html`.
std::string html_beside(const std::string& report);

// Renders `markdown_file` (already written, its plots beside it) into `html_file` through a temporary.
// Returns "" on success, else one line saying why not.
std::string write_html(const std::string& markdown_file, const std::string& html_file, const std::string& title);

}  // namespace kwe::reports
