# Builds the .vsix as a user would, in a copy of editors/vscode under the build tree:
# `npm ci` from the committed package-lock.json (the npm registry only, no install
# scripts), then `npm run package`. Run by ctest (editors.vscode.package):
#   cmake -DSRC=<editors/vscode> -DDST=<dir> -DNPM=<npm> -P package.cmake
foreach(v SRC DST NPM)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "package.cmake: -D${v}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE ${DST}/src ${DST}/dist ${DST}/schemas ${DST}/copydesk.vsix)
file(MAKE_DIRECTORY ${DST})
file(COPY ${SRC}/ DESTINATION ${DST}
     PATTERN node_modules EXCLUDE
     PATTERN dist EXCLUDE
     PATTERN out EXCLUDE
     PATTERN "*.vsix" EXCLUDE)

function(run)
  message(STATUS "+ ${ARGN}")
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${DST} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

# --ignore-scripts: nothing may download binaries (keytar, an optional dependency of
# vsce, would try); esbuild's binary comes in its registry package @esbuild/linux-x64.
run(${NPM} ci --ignore-scripts --no-audit --no-fund --prefer-offline)
run(${NPM} run package)
if(NOT EXISTS ${DST}/copydesk.vsix)
  message(FATAL_ERROR "npm run package did not write ${DST}/copydesk.vsix")
endif()
message(STATUS "built ${DST}/copydesk.vsix")
