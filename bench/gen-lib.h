/* SPDX-License-Identifier: MIT */
/* A deterministic generator of synthetic diplomatic press releases, shared by the benchmarks. */
#ifndef BILAT_BENCH_GEN_LIB_H
#define BILAT_BENCH_GEN_LIB_H

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

/* splitmix64: the whole state is one word, so a seed fully determines every document. */
typedef struct {
    uint64_t state;
} gen_rng;

/* One document of a corpus: a byte range of the corpus buffer. */
typedef struct {
    size_t offset;
    size_t len;
} gen_span;

/* The seed used when none is given, by both bilat-gen and bilat-bench. */
#define GEN_DEFAULT_SEED 1u

void gen_rng_init (gen_rng *rng, uint64_t seed);
uint64_t gen_rng_next (gen_rng *rng);

/* Append one press release to out: UTF-8, ending with a line break, no separator. */
void gen_document (GString *out, gen_rng *rng);

/* Append documents of the sequence for seed to buf until it holds at least bytes bytes,
 * adding one gen_span per document to spans (a GArray of gen_span). Documents follow each
 * other without separators. Returns the number of documents added. */
size_t gen_corpus (GString *buf, GArray *spans, size_t bytes, uint64_t seed);

/* Parse a byte count: digits with an optional suffix k, M or G (powers of 1000).
 * Returns FALSE when text is not such a count or the count is 0. */
gboolean gen_parse_size (const char *text, size_t *out);

#endif /* BILAT_BENCH_GEN_LIB_H */
