# Cross-compiling with zig's clang, its libc (musl, glibc stubs, libSystem, mingw) and its
# libc++, for one target triple. scripts/package writes the compiler wrappers and passes:
#   -DPVCWATCH_ZIG_TARGET=x86_64-linux-musl   the zig target (aarch64-macos.12.0, ...)
#   -DPVCWATCH_ZIG_WRAPPERS=DIR               DIR/cc, DIR/c++, DIR/ar, DIR/ranlib for it
#   -DCMAKE_PREFIX_PATH=DEPS                  the target's OpenSSL, Poco, yaml-cpp, simdjson
# Nothing is looked up on the build machine: headers, libraries and packages come only from
# DEPS (a host Poco or OpenSSL would link, and be wrong for the target).
set(CMAKE_TRY_COMPILE_PLATFORM_VARIABLES PVCWATCH_ZIG_TARGET PVCWATCH_ZIG_WRAPPERS)
if(NOT PVCWATCH_ZIG_TARGET OR NOT PVCWATCH_ZIG_WRAPPERS)
  message(FATAL_ERROR "zig.cmake needs -DPVCWATCH_ZIG_TARGET and -DPVCWATCH_ZIG_WRAPPERS")
endif()

string(REGEX MATCH "^[^-]+" pvcwatch_arch "${PVCWATCH_ZIG_TARGET}")
if(PVCWATCH_ZIG_TARGET MATCHES "-linux-")
  set(CMAKE_SYSTEM_NAME Linux)
  # Thread stacks: musl's default is 128 KiB, raised by PT_GNU_STACK up to 8 MiB (glibc's
  # usual size); zig's linker writes 16 MiB there, so threads get 8 MiB (checked).
elseif(PVCWATCH_ZIG_TARGET MATCHES "-macos")
  set(CMAKE_SYSTEM_NAME Darwin)
  # CMake's Darwin modules would otherwise ask xcrun for an SDK; zig brings its own headers.
  set(CMAKE_OSX_SYSROOT "" CACHE STRING "" FORCE)
elseif(PVCWATCH_ZIG_TARGET MATCHES "-windows-")
  set(CMAKE_SYSTEM_NAME Windows)
else()
  message(FATAL_ERROR "zig.cmake: unknown target ${PVCWATCH_ZIG_TARGET}")
endif()
set(CMAKE_SYSTEM_PROCESSOR ${pvcwatch_arch})

set(CMAKE_C_COMPILER ${PVCWATCH_ZIG_WRAPPERS}/cc)
set(CMAKE_CXX_COMPILER ${PVCWATCH_ZIG_WRAPPERS}/c++)
set(CMAKE_AR ${PVCWATCH_ZIG_WRAPPERS}/ar CACHE FILEPATH "" FORCE)
set(CMAKE_RANLIB ${PVCWATCH_ZIG_WRAPPERS}/ranlib CACHE FILEPATH "" FORCE)

# zig's libc++ (LLVM 22) no longer has std::unary_function, which Boost 1.74's
# container_hash (under Boost.Multiprecision) derives from unless told not to.
string(APPEND CMAKE_CXX_FLAGS_INIT " -DBOOST_NO_CXX98_FUNCTION_BASE")

set(CMAKE_FIND_ROOT_PATH ${CMAKE_PREFIX_PATH})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
