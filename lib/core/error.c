/* SPDX-License-Identifier: MIT */
/* Error objects: a code, a message and the byte offset where the input went wrong. */
#include "core-private.h"

#include <stdarg.h>

int
bilat__error_set (bilat_error **error, int code, int64_t offset, const char *fmt, ...)
{
    /* A set error is never overwritten: the first failure is the one the caller sees. */
    if (error == NULL || *error != NULL)
        return code;
    bilat_error *e = g_try_new0 (bilat_error, 1);
    if (e == NULL)
        return code;
    va_list ap;
    va_start (ap, fmt);
    e->message = g_strdup_vprintf (fmt, ap);
    va_end (ap);
    e->code = code;
    e->offset = offset;
    *error = e;
    return code;
}

int
bilat_error_code (const bilat_error *err)
{
    return err ? err->code : BILAT_OK;
}

const char *
bilat_error_message (const bilat_error *err)
{
    return err && err->message ? err->message : "";
}

int64_t
bilat_error_offset (const bilat_error *err)
{
    return err ? err->offset : -1;
}

void
bilat_error_free (bilat_error *err)
{
    if (err == NULL)
        return;
    g_free (err->message);
    g_free (err);
}

const char *
bilat_strerror (int code)
{
    switch (code) {
    case BILAT_OK: return "success";
    case BILAT_EINVAL: return "invalid argument";
    case BILAT_ENOMEM: return "out of memory";
    case BILAT_EIO: return "input/output error";
    case BILAT_EPARSE: return "malformed input";
    case BILAT_ENOTFOUND: return "not found";
    case BILAT_ELIMIT: return "limit exceeded";
    default: return "unknown error";
    }
}
