// Internal to the data stage: the checks of the Renja (lint_renja.cpp; issue 14).
#pragma once

#include "common/diagnostics.hpp"
#include "compute/compute.hpp"
#include "model/model.hpp"

namespace lkjip {

void lint_renja(const AgencyYear& d, const compute::ReportValues& v, Diagnostics& diags);

}  // namespace lkjip
