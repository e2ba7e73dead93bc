# The man page pum(1) and the bash completion, generated from the built pum's
# own --help (packaging/help_docs.py): every command and flag the CLI has,
# without a hand-written copy to keep in step.

find_package(Python3 COMPONENTS Interpreter QUIET)
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "pum: man page and bash completion skipped: no Python 3 interpreter")
  return()
endif()

set(PUM_MAN_PAGE ${CMAKE_BINARY_DIR}/share/man/man1/pum.1.gz)
set(PUM_BASH_COMPLETION ${CMAKE_BINARY_DIR}/share/bash-completion/completions/pum)
add_custom_command(OUTPUT ${PUM_MAN_PAGE} ${PUM_BASH_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/share/man/man1
    ${CMAKE_BINARY_DIR}/share/bash-completion/completions
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/packaging/help_docs.py
    $<TARGET_FILE:pum_cli> ${PROJECT_VERSION} ${PUM_MAN_PAGE} ${PUM_BASH_COMPLETION}
  DEPENDS pum_cli ${PROJECT_SOURCE_DIR}/packaging/help_docs.py
  COMMENT "Generating pum(1) and the bash completion from pum --help" VERBATIM)
add_custom_target(pum_help_docs ALL DEPENDS ${PUM_MAN_PAGE} ${PUM_BASH_COMPLETION})

install(FILES ${PUM_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
install(FILES ${PUM_BASH_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  COMPONENT cli)
