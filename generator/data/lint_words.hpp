// Internal to the data stage: how the lints (lint.cpp, lint_belanja.cpp, lint_renja.cpp) name
// money and activities in their messages, one way for all of them.
#pragma once

#include <string>

#include "model/model.hpp"

namespace lkjip::lint_words {

// Rp 1.234.567 or Rp 1.234.567,50, and -Rp 0,50: the sign of a value under one rupiah is not in
// its whole part.
std::string rp(Money m);

// "program", "kegiatan", "sub kegiatan" (the words of Permendagri 90/2019, never translated).
const char* level_name(ActivityLevel l);

// "kegiatan 2.17.01.1.09".
std::string activity_name(const Activity& a);

}  // namespace lkjip::lint_words
