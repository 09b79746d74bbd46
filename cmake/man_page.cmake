# One man page: scdoc < SCD > OUT, then gzip -9n (no name or time stamp in the header, so the
# package is reproducible). Called by cmake/install.cmake at build time.
execute_process(COMMAND "${SCDOC}" INPUT_FILE "${SCD}" OUTPUT_FILE "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "scdoc failed on ${SCD}")
endif()
execute_process(COMMAND "${GZIP}" -9nf "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed on ${OUT}")
endif()
