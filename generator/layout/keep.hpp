// Which paragraphs stay with what follows them (issue 17: headings and lead-ins left alone at a
// page foot). Pure predicates on the spans of one paragraph, tested with made-up text.
#pragma once

#include "markdown/markdown.hpp"

namespace lkjip::layout {

// A run-in heading: a short paragraph set wholly in bold ("**a. Perbandingan target dan
// realisasi**"), which the reports use as the heading of an analysis step. Bringhurst (2.4.4)
// and TeX's \nobreak after a heading: it never ends a page.
[[nodiscard]] bool is_run_in_heading(const md::Spans& spans);

// A lead-in sentence: one that announces what follows ("… disajikan pada tabel berikut.",
// "… sebagai berikut:"); its last lines stay with the table or list it introduces.
[[nodiscard]] bool is_lead_in(const md::Spans& spans);

}  // namespace lkjip::layout
