// Internal to the data stage: the checks of the belanja by jenis (lint_belanja.cpp).
#pragma once

#include "common/diagnostics.hpp"
#include "compute/compute.hpp"
#include "model/model.hpp"

namespace lkjip {

void lint_belanja(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags);

}  // namespace lkjip
