# CLI cases of `dorsum validate` and `dorsum atlas`; included at the end of tests/cli/CMakeLists.txt,
# so EXPECT, DATA, OUT and dorsum_cli_test() are defined. Every name contains "atlas", so
# `ctest -R atlas` runs them with the unit tests of the atlas.
set(EXPECT_LINES ${CMAKE_CURRENT_SOURCE_DIR}/expect_lines.sh)
set(ATLAS_SRC ${CMAKE_SOURCE_DIR}/assets/atlas)
set(BROKEN ${DATA}/atlas_broken)

# `dorsum validate` prints one line per problem and a count line, so its failures are checked with
# expect_lines.sh: exit code, regex over all output, and the exact number of stderr lines.
function(dorsum_cli_lines_test name code lines regex)
  add_test(NAME "cli: ${name}" COMMAND ${EXPECT_LINES} ${code} ${lines} "${regex}" $<TARGET_FILE:dorsum> ${ARGN})
  set_tests_properties("cli: ${name}" PROPERTIES LABELS cli)
endfunction()

# The atlas in the source tree is valid: as a folder, as single files, and by default from the source root.
dorsum_cli_test("atlas validate accepts assets/atlas" 0 "The atlas files are valid" validate ${ATLAS_SRC})
dorsum_cli_test("atlas validate accepts single files" 0 "The atlas files are valid"
                validate ${ATLAS_SRC}/muscles.json ${ATLAS_SRC}/landmarks.json ${ATLAS_SRC}/sources.json)
add_test(NAME "cli: atlas validate with no path checks assets/atlas"
         COMMAND ${EXPECT} 0 "The atlas and routine files are valid" $<TARGET_FILE:dorsum> validate
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties("cli: atlas validate with no path checks assets/atlas" PROPERTIES LABELS cli)

# Broken files: exit 1; each problem names the file, the field and the reason; then the count.
dorsum_cli_lines_test("atlas validate names a JSON syntax error's line" 1 2
  "syntax_error_muscles\\.json: not valid JSON at line 6, column [0-9]+: .*expected '}' 1 problem found\\."
  validate ${BROKEN}/syntax_error_muscles.json)
dorsum_cli_lines_test("atlas validate names an unknown landmark and its field" 1 2
  "unknown_landmark_muscles\\.json: muscles\\[rhomboid_major\\]\\.parts\\[0\\]\\.origin\\.landmarks\\[1\\]: unknown landmark 't13_sp' 1 problem found\\."
  validate ${BROKEN}/unknown_landmark_muscles.json)
dorsum_cli_lines_test("atlas validate refuses an empty sources list" 1 2
  "no_sources_layers\\.json: layers\\[3\\]\\.sources: must cite at least one source 1 problem found\\."
  validate ${BROKEN}/no_sources_layers.json)
dorsum_cli_lines_test("atlas validate refuses a top level that is not an object" 1 2
  "top_level_list\\.json: the top level must be an object with one of the keys sources, layers, landmarks, bones, muscles"
  validate ${BROKEN}/top_level_list.json)
dorsum_cli_lines_test("atlas validate reports every path given" 1 3
  "no_sources_layers\\.json: .*unknown_landmark_muscles\\.json: .* 2 problems found\\."
  validate ${BROKEN}/no_sources_layers.json ${BROKEN}/unknown_landmark_muscles.json)
dorsum_cli_lines_test("atlas validate of a missing path" 1 2
  "no-such-atlas: does not exist 1 problem found\\."
  validate ${OUT}/no-such-atlas)

# `dorsum atlas`: the built-in atlas, or a folder; a broken or missing folder is one sentence.
dorsum_cli_test("atlas --json prints the atlas as JSON" 0 "\"muscles\".*levator_scapulae" atlas --json)
dorsum_cli_test("atlas prints a summary of the layers" 0 "Layer 1.*trapezius.*Layer 5.*multifidus.* bones, .* landmarks, .* sources" atlas)
dorsum_cli_test("atlas --atlas reads a folder" 0 "\"landmarks\".*\"scap_inferior_angle\"" atlas --json --atlas ${ATLAS_SRC})
dorsum_cli_test("atlas --atlas with a missing folder" 1
  "dorsum: The atlas in '.*no-such-atlas' has 1 problem, the first: .*no-such-atlas: is not a folder of atlas files \\(run 'dorsum validate' for all\\)\\."
  atlas --atlas ${OUT}/no-such-atlas)
dorsum_cli_test("atlas --atlas with a broken folder" 1
  "dorsum: The atlas in '.*atlas_broken' has [0-9]+ problems, the first: .*no_sources_layers\\.json: layers\\[3\\]\\.sources: must cite at least one source"
  atlas --atlas ${BROKEN})
