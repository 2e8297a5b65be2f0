/* SPDX-License-Identifier: MIT */
/* The fixture of the tests that go through the public API: one default extractor per test,
 * made by the suite's .init and freed by its .fini:
 *     TestSuite (name, .init = make_extractor, .fini = free_extractor); */
#ifndef BILAT_TEST_EXTRACTOR_H
#define BILAT_TEST_EXTRACTOR_H

#include <bilat/bilat.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>

static bilat_extractor *ex;

static void
make_extractor (void)
{
    bilat_error *err = NULL;
    int rc = bilat_extractor_new (&ex, NULL, &err);
    cr_assert (eq (int, rc, BILAT_OK), "extractor: %s", bilat_error_message (err));
}

static void
free_extractor (void)
{
    bilat_extractor_free (ex);
    ex = NULL;
}

#endif /* BILAT_TEST_EXTRACTOR_H */
