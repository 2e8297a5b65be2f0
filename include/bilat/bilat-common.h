/* SPDX-License-Identifier: MIT */
/* Export macro, C++ guards and the allocator every returned string goes back through. */
#ifndef BILAT_COMMON_H
#define BILAT_COMMON_H

#if !defined(BILAT_INSIDE_BILAT_H) && !defined(BILAT_COMPILATION)
#error "Only <bilat/bilat.h> can be included directly."
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#if defined(BILAT_COMPILATION) && (defined(__GNUC__) || defined(__clang__))
#define BILAT_API __attribute__((visibility("default")))
#else
#define BILAT_API
#endif

#ifdef __cplusplus
#define BILAT_BEGIN_DECLS extern "C" {
#define BILAT_END_DECLS }
#else
#define BILAT_BEGIN_DECLS
#define BILAT_END_DECLS
#endif

BILAT_BEGIN_DECLS

/**
 * bilat_free:
 * Release memory that libbilat handed to the caller (JSON strings and the like).
 * @param p  caller-owned pointer from a libbilat call, or NULL
 * @since 0.1
 */
BILAT_API void bilat_free (void *p);

BILAT_END_DECLS

#endif /* BILAT_COMMON_H */
