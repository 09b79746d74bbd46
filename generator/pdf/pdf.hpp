// The PDF writer stage: page model -> PDF bytes. The only code of lkjip that calls libharu
// (a pass over its output repairs what libharu 2.3.0 writes wrongly; see docs/pdf.md).
#pragma once

#include <string>

#include "layout/page_model.hpp"

namespace lkjip::pdf {

struct WriteResult {
    bool ok = false;
    std::string error;  // when !ok: what went wrong, naming the file, page or element
};

// Renders `doc` to PDF bytes in memory (`bytes` is replaced; it is left empty on failure).
// Never writes files and never aborts on bad input: an unreadable font or image, an image that
// is neither PNG nor JPEG, a NaN coordinate, a bad font index... each gives !ok and a message.
// Deterministic: the same document gives byte-identical output (no clock, no random ID).
WriteResult write_pdf(const page::Document& doc, std::string& bytes);

// A text trace of the page model, one line per drawing operation in the order the writer draws
// them, numbers rounded to 0.1 pt, colours as #rrggbb; for golden layout tests. Format: docs/pdf.md.
std::string trace(const page::Document& doc);

}  // namespace lkjip::pdf
