// Page breaking over a flow of lines and blocks: greedy filling, then the break moved back to
// honour keep-with-next (a heading or caption stays with what follows), orphans (at least two
// lines of a paragraph at a page foot) and widows (at least two at a page head, or the item's own
// minimum: three for a list of contents). Pure: heights
// are numbers.
#pragma once

#include <cstddef>
#include <vector>

namespace lkjip::layout {

struct FlowItem {
    double height = 0;
    int paragraph = -1;             // lines of one paragraph share an id; -1: an unbreakable block
    bool keep_with_next = false;    // headings, captions
    bool break_before = false;      // a chapter or an explicit page break
    double repeat_height = 0;       // added when the item starts a page (a table row continued
                                    // on a new page brings its header rows again)
    int lines = 1;                  // text lines in the item (a wrapped entry of a Daftar Isi)
    int widows = 0;                 // > 0: the lines of its paragraph a page head needs at least,
                                    // instead of PaginateParams::widows (the lists of contents)
};

struct PaginateParams {
    double page_height = 700;
    int orphans = 2, widows = 2;
};

// Index of the first item of every page (the first page starts at 0). An item taller than a page
// gets a page of its own.
std::vector<std::size_t> paginate(const std::vector<FlowItem>& items, const PaginateParams& params);

}  // namespace lkjip::layout
