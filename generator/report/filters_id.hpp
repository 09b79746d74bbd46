// The report stage's filters for its templates: the id-ID writing (angka, persen, rupiah, besaran,
// satuan, nama, puebi, terbilang, tanggal, romawi, huruf) and `sel`. Registered by every
// environment that renders report templates (render_markdown, and the tests of the templates).
#pragma once

#include "template/template.hpp"

namespace lkjip::report {

void add_indonesian_filters(tpl::Environment& env);

}  // namespace lkjip::report
