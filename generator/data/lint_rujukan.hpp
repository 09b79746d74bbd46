// Internal to the data stage: the checks of the free tables, [[tabel_rujukan]] (lint_rujukan.cpp).
#pragma once

#include "common/diagnostics.hpp"
#include "model/model.hpp"

namespace lkjip {

void lint_tabel_rujukan(const AgencyYear& d, Diagnostics& diags);

}  // namespace lkjip
