# Writes borderlab(1) from the program's own help, so the manual says what
# the binary does: `borderlab help` for the description and the list of
# commands, then `borderlab COMMAND --help` for each. Run with
#   cmake -DBL=path/to/borderlab -DOUT=borderlab.1 -DVERSION=x.y.z -P manpage.cmake
# (the build does it after linking; the package installs OUT, gzipped).

function(troff_escape in out)
  string(REPLACE "\\" "\\e" s "${in}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" s "${s}")
  set(${out} "${s}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND ${BL} help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "manpage: '${BL} help' failed (${rc})")
endif()
string(REGEX MATCH "commands:\n(.*)\n\n" list "${help}")
set(list "${CMAKE_MATCH_1}")
string(REPLACE "\n" ";" lines "${list}")

troff_escape("${help}" help_t)
set(page ".TH BORDERLAB 1 \"\" \"borderlab ${VERSION}\" \"User Commands\"
.SH NAME
borderlab \\- a training simulator for document examination and border procedures
.SH SYNOPSIS
.B borderlab
[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]
.SH DESCRIPTION
Border and immigration officers practise examining travel documents and
running procedures at the counter that respect human rights. Run with no
command, borderlab opens the inspection desk on its built-in default session.
.PP
.nf
${help_t}
.fi
.SH COMMANDS
")
foreach(line IN LISTS lines)
  string(REGEX MATCH "^  ([a-z-]+)" m "${line}")
  if(NOT CMAKE_MATCH_1)
    continue()
  endif()
  set(cmd "${CMAKE_MATCH_1}")
  execute_process(COMMAND ${BL} ${cmd} --help OUTPUT_VARIABLE text ERROR_VARIABLE text
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpage: '${BL} ${cmd} --help' failed (${rc})")
  endif()
  troff_escape("${text}" text_t)
  string(APPEND page ".SS borderlab ${cmd}\n.nf\n${text_t}\n.fi\n")
endforeach()
string(APPEND page ".SH FILES
.TP
.I /usr/share/borderlab/scenarios
the default scenario pack, as Lua files an instructor can read and copy
.TP
.I /usr/share/doc/borderlab
the guides: scenarios, sessions, captures, templates, MRZ
.SH SEE ALSO
The guides in /usr/share/doc/borderlab.
")
file(WRITE "${OUT}.tmp" "${page}")
file(RENAME "${OUT}.tmp" "${OUT}")
