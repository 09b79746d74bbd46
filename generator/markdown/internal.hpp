// Internal to the Markdown stage.
#pragma once

#include "markdown/markdown.hpp"
#include "markdown/scan.hpp"

namespace lkjip::md {

// cmark-gfm's tree as blocks, before the conventions are applied.
// Runs the guard (scan.hpp) first: on an error there, returns no blocks.
Blocks parse_blocks(std::string_view text, const std::string& name, Diagnostics& diags, const MarkdownLimits& limits);

// Reads an HTML block: `<!-- lkjip:NAME ARGS -->` fills `b` as a directive and returns true;
// any other HTML is not part of a report and returns false (an unknown lkjip: name warns).
bool directive(const std::string& html, Block& b, const SourcePos& pos, Diagnostics& diags);

// The conventions of docs/markdown.md over a list of blocks (recursively into lists and quotes).
void apply_conventions(Blocks& blocks);

}  // namespace lkjip::md
