// stubs.js: JS-library declarations for imports that the fixtures' compat_*.c files call but that
// emscripten 3.1.6's own JS library does not define, so that emcc's undefined-symbol check passes.
// Only their names and signatures matter: the fixtures run under @permaweb/ao-loader's glue (or
// the Rust host), never under the JS file emcc writes next to the .wasm (which is thrown away).
mergeInto(LibraryManager.library, {
  // compat_e2.c: the family-B clock
  _emscripten_date_now__sig: 'd',
  _emscripten_date_now: function() { return 0; },
  // compat_e3.c: names of the later emscripten that the emscripten3 glue comes from
  emscripten_memcpy_js__sig: 'viii',
  emscripten_memcpy_js: function(dest, src, num) { HEAPU8.copyWithin(dest, src, src + num); },
  _emscripten_system__sig: 'ii',
  _emscripten_system: function(command) { return command ? -52 : 0; },
});
