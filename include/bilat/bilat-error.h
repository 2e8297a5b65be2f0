/* SPDX-License-Identifier: MIT */
/* Error codes and the error object that carries a message and a byte offset. */
#ifndef BILAT_ERROR_H
#define BILAT_ERROR_H

#if !defined(BILAT_INSIDE_BILAT_H) && !defined(BILAT_COMPILATION)
#error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-common.h"

BILAT_BEGIN_DECLS

/* Return codes: 0 for success, negative for failure. Values never change. */
typedef enum {
    BILAT_OK = 0,
    BILAT_EINVAL = -1,    /* misuse: NULL handle, bad argument */
    BILAT_ENOMEM = -2,    /* out of memory */
    BILAT_EIO = -3,       /* a file could not be read or written */
    BILAT_EPARSE = -4,    /* input is malformed (UTF-8, JSON, dictionary line, date) */
    BILAT_ENOTFOUND = -5, /* a named thing does not exist */
    BILAT_ELIMIT = -6     /* input exceeds a configured limit (size, match budget) */
} bilat_status;

typedef struct bilat_error bilat_error;

/**
 * bilat_error_code:
 * @param err  borrowed; NULL gives BILAT_OK
 * @return the bilat_status of the failure
 * @since 0.1
 */
BILAT_API int bilat_error_code (const bilat_error *err);

/**
 * bilat_error_message:
 * @param err  borrowed
 * @return a human-readable message, borrowed until bilat_error_free(); "" for NULL
 * @since 0.1
 */
BILAT_API const char *bilat_error_message (const bilat_error *err);

/**
 * bilat_error_offset:
 * @param err  borrowed
 * @return the byte offset in the input where the problem is, or -1 when none applies
 *         (for dictionary errors: the 1-based line number is in the message)
 * @since 0.1
 */
BILAT_API int64_t bilat_error_offset (const bilat_error *err);

/**
 * bilat_error_free:
 * @param err  caller-owned error, or NULL
 * @since 0.1
 */
BILAT_API void bilat_error_free (bilat_error *err);

/**
 * bilat_strerror:
 * @param code  a bilat_status value
 * @return a static description of the code (borrowed)
 * @since 0.1
 */
BILAT_API const char *bilat_strerror (int code);

BILAT_END_DECLS

#endif /* BILAT_ERROR_H */
