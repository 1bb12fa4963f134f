# dorsum_embed_files(OUT file.cpp NAMESPACE ns SYMBOL fn FILES a b ...): a generated translation unit
# holding every file as a string, keyed by file name, so the program runs from any directory.
function(dorsum_embed_files)
  cmake_parse_arguments(E "" "OUT;NAMESPACE;SYMBOL;COMMENT" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUT}
    COMMAND ${CMAKE_COMMAND} -DOUT=${E_OUT} "-DFILES=${E_FILES}" -DNAMESPACE=${E_NAMESPACE} -DSYMBOL=${E_SYMBOL}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${E_FILES} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "${E_COMMENT}"
    VERBATIM)
endfunction()
