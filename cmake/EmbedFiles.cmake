# Writes OUTPUT, a C++ file defining sakip::EmbeddedDefaultTheme(): every
# file below DIR as (relative path, bytes). Run with cmake -P.
file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  file(READ "${DIR}/${f}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  string(APPEND body "      {\"${f}\", std::string(\"${escaped}\", ${size})},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from themes/default by cmake/EmbedFiles.cmake. Do not edit.
#include \"theme.h\"

namespace sakip {

const std::vector<std::pair<std::string, std::string>>& EmbeddedDefaultTheme() {
  static const std::vector<std::pair<std::string, std::string>> kFiles = {
${body}  };
  return kFiles;
}

}  // namespace sakip
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
