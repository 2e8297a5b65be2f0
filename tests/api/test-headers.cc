// SPDX-License-Identifier: MIT
// The public header compiles as C++ (extern "C" linkage); the test body is the C one.
#include "test-headers.c"
