/* ao.c: the host ABI of ao's Lua process module.
 *
 * The C modules `ao.json` (json.c), `ao.bint` (bint.c), `ao.digest` (digest.c) and `ao.cipher`
 * (cipher.c) are installed before the bundle.
 *
 * Exports (all pointers are offsets into this module's linear memory):
 *   ao_alloc(size) -> ptr       memory for the host to write inputs into
 *   ao_free(ptr)                releases it
 *   ao_boot(bundle, len) -> ptr boots Lua with the process library; NULL on success, else a
 *                               NUL-terminated error message
 *   handle(msg, env) -> ptr     msg and env are NUL-terminated JSON; returns the NUL-terminated
 *                               result JSON {"ok":bool,"response":...}, valid until the next call
 *
 * The bundle is the process library from lua/: a sequence of records
 *   u32le name_len, name, u32le source_len, source
 * each becoming package.preload[name]. Booting requires ".loader", which must return the Lua
 * function handle(msg_json, env_json) -> result_json that every message goes through. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#define EXPORT(name) __attribute__((export_name(name)))

static const char RESULT_KEY[] = "ao.result";
static const char OUT_OF_MEMORY_RESULT[] = "{\"ok\":false,\"response\":\"not enough memory\"}";
static const char NOT_BOOTED_RESULT[] = "{\"ok\":false,\"response\":\"the process is not booted\"}";

static lua_State *L = NULL;
static int handler_ref = LUA_NOREF;
static char boot_error[512];

EXPORT("ao_alloc") void *ao_alloc(size_t size) { return malloc(size); }

EXPORT("ao_free") void ao_free(void *ptr) { free(ptr); }

static uint32_t read_u32le(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Registers every record of the bundle in package.preload. Runs protected. */
static int install_bundle(lua_State *L) {
    const unsigned char *bundle = lua_touserdata(L, 1);
    size_t len = (size_t)lua_tointeger(L, 2);
    size_t at = 0;
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    while (at < len) {
        if (len - at < 4) return luaL_error(L, "bundle: truncated name length at %d", (int)at);
        size_t name_len = read_u32le(bundle + at);
        at += 4;
        if (len - at < name_len + 4) return luaL_error(L, "bundle: truncated record at %d", (int)at);
        const char *name = (const char *)bundle + at;
        at += name_len;
        size_t src_len = read_u32le(bundle + at);
        at += 4;
        if (len - at < src_len) return luaL_error(L, "bundle: truncated source at %d", (int)at);
        lua_pushlstring(L, name, name_len);
        /* Chunks are named by their module name, so errors read [string ".handlers"]:12: as in aos. */
        if (luaL_loadbufferx(L, (const char *)bundle + at, src_len, lua_tostring(L, -1), "t") != LUA_OK)
            return lua_error(L);
        lua_setfield(L, -3, lua_tostring(L, -2));
        lua_pop(L, 1);          /* the module name */
        at += src_len;
    }
    lua_getglobal(L, "require");
    lua_pushliteral(L, ".loader");
    lua_call(L, 1, 1);
    if (lua_type(L, -1) != LUA_TFUNCTION) return luaL_error(L, "module '.loader' must return a function");
    handler_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

int luaopen_ao_json(lua_State *L); /* json.c */
int luaopen_ao_bint(lua_State *L); /* bint.c */
int luaopen_ao_digest(lua_State *L); /* digest.c */
int luaopen_ao_cipher(lua_State *L); /* cipher.c */

EXPORT("ao_boot") const char *ao_boot(const unsigned char *bundle, size_t len) {
    if (L != NULL) return "the process is already booted";
    L = luaL_newstate();
    if (L == NULL) return "not enough memory";
    luaL_openlibs(L);
    luaL_requiref(L, "ao.json", luaopen_ao_json, 0); /* the C half of lua/lib/json.lua */
    luaL_requiref(L, "ao.bint", luaopen_ao_bint, 0); /* the C half of lua/bint.lua */
    luaL_requiref(L, "ao.digest", luaopen_ao_digest, 0); /* under lua/crypto/digest, mac, kdf */
    luaL_requiref(L, "ao.cipher", luaopen_ao_cipher, 0); /* under lua/crypto/cipher */
    lua_pop(L, 4);
    lua_pushcfunction(L, install_bundle);
    lua_pushlightuserdata(L, (void *)bundle);
    lua_pushinteger(L, (lua_Integer)len);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        const char *message = lua_tostring(L, -1);
        strncpy(boot_error, message ? message : "boot failed", sizeof boot_error - 1);
        lua_settop(L, 0);
        return boot_error;
    }
    return NULL;
}

/* Calls the loader's handle(msg, env) and keeps its result alive in the registry. Runs protected. */
static int call_handler(lua_State *L) {
    const char *msg = lua_touserdata(L, 1);
    const char *env = lua_touserdata(L, 2);
    lua_rawgeti(L, LUA_REGISTRYINDEX, handler_ref);
    lua_pushstring(L, msg);
    lua_pushstring(L, env);
    lua_call(L, 2, 1);
    if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "handle returned %s, not a string", luaL_typename(L, -1));
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, RESULT_KEY);
    return 1;
}

/* Builds {"ok":false,"response":<message as a JSON string>}. Runs protected. */
static int error_result(lua_State *L) {
    size_t len;
    const char *message = luaL_tolstring(L, 1, &len);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "{\"ok\":false,\"response\":\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)message[i];
        if (c == '"' || c == '\\') {
            luaL_addchar(&b, '\\');
            luaL_addchar(&b, (char)c);
        } else if (c < 0x20) {
            char escaped[8];
            luaL_addlstring(&b, escaped, (size_t)snprintf(escaped, sizeof escaped, "\\u%04x", c));
        } else {
            luaL_addchar(&b, (char)c);
        }
    }
    luaL_addstring(&b, "\"}");
    luaL_pushresult(&b);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, RESULT_KEY);
    return 1;
}

EXPORT("handle") const char *handle(const char *msg, const char *env) {
    if (L == NULL || handler_ref == LUA_NOREF) return NOT_BOOTED_RESULT;
    lua_settop(L, 0);
    lua_pushcfunction(L, call_handler);
    lua_pushlightuserdata(L, (void *)msg);
    lua_pushlightuserdata(L, (void *)env);
    int status = lua_pcall(L, 2, 1, 0);
    if (status != LUA_OK) {
        if (status == LUA_ERRMEM) {
            lua_settop(L, 0);
            return OUT_OF_MEMORY_RESULT;
        }
        lua_pushcfunction(L, error_result);
        lua_insert(L, -2);
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
            lua_settop(L, 0);
            return OUT_OF_MEMORY_RESULT;
        }
    }
    const char *result = lua_tostring(L, -1); /* kept alive by the registry until the next call */
    lua_settop(L, 0);
    return result;
}
