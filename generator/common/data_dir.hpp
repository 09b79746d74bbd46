// Where lkjip's own data lives: the built-in templates (templates/lkjip, pk, iku) and the init
// file (templates/init). An installed lkjip finds them relative to its own executable
// (<prefix>/bin/lkjip -> <prefix>/share/lkjip, the GNUInstallDirs layout, so a prefix can be moved
// as a whole), then in LKJIP_DATA_DIR; a binary run from its build tree uses the source tree, as
// before installation existed (issue 19). The search is done once per process.
#pragma once

#include <string>
#include <vector>

namespace lkjip {

struct DataDirSearch {
    std::string dir;                  // the folder holding templates/, "" when none was found
    std::vector<std::string> looked;  // every place tried, in order, for the error message
};

const DataDirSearch& find_data_dir();

// "looked in A, B and C" for a message when find_data_dir() found nothing.
std::string data_dir_places(const DataDirSearch& search);

// The folder of the message catalogues (<dir>/id/LC_MESSAGES/lkjip.mo, common/i18n.hpp): the
// installed <prefix>/share/locale beside the data, else the build tree's locale/ for a binary of
// that build tree; "" when neither holds lkjip's catalogue.
std::string find_locale_dir();

}  // namespace lkjip
