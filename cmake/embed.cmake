# ringback_embed(TARGET_VAR NAME FILES...): compiles data files (lexicons, templates) into the
# binary so that the audit needs no installed data directory. Each file becomes an entry of
# ringback::embedded::files(), keyed by its path relative to the source tree.
function(ringback_embed out_var name)
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/${name}_embedded.cc")
  set(inputs ${ARGN})
  add_custom_command(
    OUTPUT "${gen}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${gen} -DROOT=${PROJECT_SOURCE_DIR} -DNAME=${name}
            "-DFILES=$<JOIN:${inputs},|>" -P ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding ${name} data files"
    VERBATIM)
  set(${out_var} "${gen}" PARENT_SCOPE)
endfunction()
