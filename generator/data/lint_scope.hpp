// Internal to the data stage (and its tests): what the narrative matcher (lint_narrative.hpp)
// knows of one agency-year, built the same way for `lkjip check` and for the test that reads the
// generated report back (tests/unit/test_consistency.cpp).
#pragma once

#include <string>
#include <vector>

#include "compute/compute.hpp"
#include "data/lint_narrative.hpp"
#include "model/model.hpp"

namespace lkjip::narrative {

// An indicator as a subject: its name, its trend and its verdict as the report computed them.
Subject indicator_subject(const Indicator& indicator, const compute::IndicatorResult& result);

// The labels of a scale ("Hampir Tercapai", "Sangat Berhasil") are names, not verdicts.
void add_scale_titles(const Scale& scale, std::vector<std::string>& titles);

}  // namespace lkjip::narrative
