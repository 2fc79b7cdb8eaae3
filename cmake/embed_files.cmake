# Shared by embed_templates.cmake and embed_assets.cmake: the files matching GLOB, in name
# order, as C++ initializer entries `{"name", R"DELIM(text)DELIM"},` appended to OUT_VAR; and
# writing a generated source only when its text changed (no rebuild otherwise).
function(kb_embed_entries out_var glob delim)
  file(GLOB files ${glob})
  list(SORT files)
  set(entries "")
  foreach(f ${files})
    get_filename_component(name ${f} NAME)
    file(READ ${f} content)
    string(APPEND entries "    {\"${name}\", R\"${delim}(${content})${delim}\"},\n")
  endforeach()
  set(${out_var} "${${out_var}}${entries}" PARENT_SCOPE)
endfunction()

function(kb_write_generated path text)
  file(WRITE ${path}.tmp "${text}")
  configure_file(${path}.tmp ${path} COPYONLY)
endfunction()
