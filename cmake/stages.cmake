# The stage graph (issue 19, docs/architecture.md): which stages each stage of generator/ may
# include. An entry is a stage (every header of its folder) or one header ("layout/page_model.hpp":
# the PDF writer draws the page model and needs nothing else of the layout stage). The build runs
# cmake/check_stages.cmake over the sources before compiling any stage, so an include outside this
# graph fails the build with its file and line; tests/e2e/stages.sh checks the check itself.
set(LKJIP_STAGE_GRAPH
  "common:"
  "model:common"
  "compute:common model"
  "data:common model compute markdown"
  "template:common"
  "report:common model compute template"
  "sheet:common"
  "import:common model data sheet"
  "markdown:common"
  "layout:common markdown"
  "pdf:common layout/page_model.hpp"
  "docx:common markdown layout/page_model.hpp sheet"
  "pipeline:common model data report markdown layout pdf docx sheet"
  "cli:common model data report pipeline sheet import")
